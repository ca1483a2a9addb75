"""The ledger as XLSX in SIASN's rw-diklat shape, from the web and from `pamong learning jp-ledger`;
the file imports back through the training import unchanged."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command

from pamong.people.models import TrainingRecord

from .routes import _closed

pytestmark = pytest.mark.django_db

SIASN = [
    "nip_baru",
    "nama",
    "jenis_diklat",
    "nama_diklat",
    "tanggal_mulai",
    "tanggal_selesai",
    "jumlah_jam",
    "nomor_sertifikat",
    "penyelenggara",
]


def test_the_export_has_siasn_columns_and_the_batch_credit(personas, login):
    e = _closed(personas)
    year = e.batch.end_date.year
    response = login(personas.ani).get(f"/learning/jp/export.xlsx?year={year}")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["rw-diklat"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == SIASN
    assert list(rows[1]) == [
        "198005102005011003",
        "Dodi Pratama",
        "Workshop",
        "Program Transformasi Personal Angkatan 1",
        "23-11-2026",
        "25-11-2026",
        4,
        e.certificate.number,
        "Badan Kepegawaian Daerah",
    ]
    compliance = list(book["kepatuhan-jp"].iter_rows(values_only=True))
    assert compliance[0][0] == "nip_baru" and len(compliance) == 5  # header + 4 active employees


def test_an_operator_exports_only_their_units(personas, login):
    _closed(personas)
    response = login(personas.fajar).get("/learning/jp/export.xlsx?year=2026")
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content))["kepatuhan-jp"].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["Citra Dewi"]


def test_the_command_writes_the_ledger_for_a_unit(personas, tmp_path):
    _closed(personas)
    out = io.StringIO()
    target = tmp_path / "ledger.xlsx"
    call_command("learning", "jp-ledger", "--year", "2026", "--output", str(target), "--unit", "35.99.03", stdout=out)
    assert "2 pegawai aktif, 0 memenuhi target (0,00%)" in out.getvalue()
    rows = list(openpyxl.load_workbook(target)["rw-diklat"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["198005102005011003"]


def test_the_export_imports_back_as_training_history_without_changes(personas, tmp_path):
    _closed(personas)
    target = tmp_path / "ledger.xlsx"
    call_command("learning", "jp-ledger", "--year", "2026", "--output", str(target), stdout=io.StringIO())
    out = io.StringIO()
    call_command("learning", "import-training", str(target), stdout=out)
    assert "1 baris: 0 baru, 0 diperbarui, 1 tidak berubah." in out.getvalue()
    assert TrainingRecord.objects.get().hours_jp == Decimal("4.00")
