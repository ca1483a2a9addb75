"""`pamong learning import-attendance` and `import-training`: all or nothing, every error named in Indonesian."""

import io

import pytest
import xlsxwriter
from django.core.management import CommandError, call_command

from pamong.core.models import AuditEntry
from pamong.learning.models import Attendance
from pamong.people.models import TrainingRecord

from .routes import _enrolment

pytestmark = pytest.mark.django_db


def _xlsx(path, rows, *, number_nip_row=None):  # type: ignore[no-untyped-def]
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if r == number_nip_row and c == 0:
                sheet.write_number(r, c, float(value))
            else:
                sheet.write(r, c, value)
    book.close()
    return path


def _run(*args):  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    call_command("learning", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_valid_attendance_file_is_imported_with_one_audit_entry(personas, tmp_path):
    e = _enrolment(personas)
    path = _xlsx(
        tmp_path / "hadir.xlsx",
        [["NIP_BARU", "Sesi", "Hadir"], ["198005102005011003", 1, "ya"], ["198005102005011003", 2, "Hadir"]],
    )
    out, _err = _run("import-attendance", str(path), "--batch", str(e.batch_id))
    assert "2 baris: 2 kehadiran ditambahkan, 0 dihapus, 0 tidak berubah." in out
    assert (
        list(Attendance.objects.values_list("method", "reason")) == [("import", "Impor presensi dari hadir.xlsx")] * 2
    )
    assert AuditEntry.objects.filter(action="learning.attendance.imported").count() == 1


def test_a_dry_run_writes_nothing(personas, tmp_path):
    e = _enrolment(personas)
    path = _xlsx(tmp_path / "hadir.xlsx", [["nip_baru", "sesi", "hadir"], ["198005102005011003", 1, "ya"]])
    out, _err = _run("import-attendance", str(path), "--batch", str(e.batch_id), "--dry-run")
    assert "Pemeriksaan saja" in out
    assert not Attendance.objects.exists()


def test_a_file_with_any_bad_row_writes_nothing_and_names_every_error(personas, tmp_path):
    e = _enrolment(personas)
    path = _xlsx(
        tmp_path / "hadir.xlsx",
        [
            ["nip_baru", "sesi", "hadir"],
            ["198005102005011003", 1, "ya"],
            ["199203152019032004", 1, "ya"],
            ["198005102005011003", 9, "mungkin"],
            ["198005102005011003", 2, "ya"],
        ],
        number_nip_row=4,
    )
    with pytest.raises(CommandError) as exc:
        _run("import-attendance", str(path), "--batch", str(e.batch_id))
    assert "4 kesalahan" in str(exc.value)
    assert not Attendance.objects.exists()


def test_the_error_lines_name_row_and_column(personas, tmp_path, capsys):
    e = _enrolment(personas)
    path = _xlsx(tmp_path / "h.xlsx", [["nip_baru", "sesi", "hadir"], ["199203152019032004", "x", "ya"]])
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "learning", "import-attendance", str(path), "--batch", str(e.batch_id), stderr=err, stdout=io.StringIO()
        )
    assert err.getvalue().splitlines() == [
        "Baris 2, kolom nip_baru: NIP 199203152019032004 bukan peserta terkonfirmasi angkatan ini.",
        "Baris 2, kolom sesi: Nomor sesi harus bilangan bulat.",
    ]


def test_a_missing_column_is_named(personas, tmp_path):
    e = _enrolment(personas)
    path = _xlsx(tmp_path / "h.xlsx", [["nip_baru", "hadir"], ["198005102005011003", "ya"]])
    with pytest.raises(CommandError) as exc:
        _run("import-attendance", str(path), "--batch", str(e.batch_id))
    assert "Kolom wajib tidak ditemukan: sesi" in str(exc.value)


def test_training_records_import_all_or_nothing(personas, tmp_path):
    head = ["nip_baru", "jenis_diklat", "nama_diklat", "tanggal_mulai", "tanggal_selesai", "jumlah_jam"]
    bad = _xlsx(
        tmp_path / "bad.xlsx",
        [
            head,
            ["198005102005011003", "Seminar", "Seminar ASN", "01-03-2026", "01-03-2026", "8"],
            ["198005102005011003", "Lomba", "X", "01-03-2026", "01-03-2026", "x"],
        ],
    )
    with pytest.raises(CommandError) as exc:
        _run("import-training", str(bad))
    assert "Tidak ada data yang disimpan" in str(exc.value)
    assert not TrainingRecord.objects.exists()
    good = _xlsx(
        tmp_path / "good.xlsx",
        [head, ["198005102005011003", "Seminar", "Seminar ASN", "01-03-2026", "01-03-2026", "8"]],
    )
    out, _err = _run("import-training", str(good))
    assert "1 baru" in out
    assert TrainingRecord.objects.get().hours_jp == 8
