"""Importing the four history files (education, training, sanctions, performance), keyed by NIP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pamong.core.models import AuditEntry
from pamong.people.importing import LAYOUTS, import_file
from pamong.people.importing.synthetic import write_csv, write_xlsx
from pamong.people.models import EducationRecord, PerformanceRecord, SanctionRecord, TrainingRecord

CITRA = "199203152019032004"
NURSE = "199512122022212001"


def headers(kind):
    return [c.name for c in LAYOUTS[kind].columns]


def test_education_history_is_added_then_left_alone_on_a_second_import(personas, tmp_path):
    rows = [
        {
            "nip_baru": CITRA,
            "tingkat_pendidikan_nama": "S-1",
            "pendidikan_nama": "PGSD",
            "nama_sekolah": "Universitas Negeri Malang",
            "tahun_lulus": 2014,
        },
        {
            "nip_baru": CITRA,
            "tingkat_pendidikan_nama": "SMA",
            "pendidikan_nama": "IPA",
            "nama_sekolah": "SMAN 1",
            "tahun_lulus": "2010",
        },
    ]
    path = write_xlsx(tmp_path / "pendidikan.xlsx", rows, headers("education"))

    first = import_file(actor=personas.ani, path=path, kind="education")
    second = import_file(actor=personas.ani, path=path, kind="education")

    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert sorted(personas.citra_employee.education.values_list("level", "institution", "graduation_year")) == [
        ("S1", "Universitas Negeri Malang", 2014),
        ("SLTA", "SMAN 1", 2010),
    ]
    assert AuditEntry.objects.filter(action="people.education.imported").count() == 2


def test_a_corrected_graduation_year_updates_the_same_education_record(personas, tmp_path):
    row = {
        "nip_baru": CITRA,
        "tingkat_pendidikan_nama": "S1",
        "pendidikan_nama": "PGSD",
        "nama_sekolah": "UM",
        "tahun_lulus": 2013,
    }
    import_file(actor=None, path=write_xlsx(tmp_path / "a.xlsx", [row], headers("education")), kind="education")
    record_id = EducationRecord.objects.get().pk

    row["tahun_lulus"] = 2014
    result = import_file(
        actor=None, path=write_xlsx(tmp_path / "b.xlsx", [row], headers("education")), kind="education"
    )

    assert (result.created, result.updated) == (0, 1)
    assert EducationRecord.objects.get().pk == record_id
    assert EducationRecord.objects.get().graduation_year == 2014


def test_training_history_reads_kinds_dates_and_decimal_jp(personas, tmp_path):
    rows = [
        {
            "nip_baru": NURSE,
            "jenis_diklat": "Bimtek",
            "nama_diklat": "Pelayanan Prima",
            "penyelenggara": "BPSDM",
            "tanggal_mulai": "10-03-2025",
            "tanggal_selesai": "12-03-2025",
            "jumlah_jam": "24",
            "nomor_sertifikat": "12/BPSDM/2025",
        },
        {
            "nip_baru": NURSE,
            "jenis_diklat": "e-learning",
            "nama_diklat": "Etika ASN",
            "tanggal_mulai": "2025-05-02",
            "jumlah_jam": "2,5",
        },
        {
            "nip_baru": personas.dodi_employee.nip,
            "jenis_diklat": "Diklatpim",
            "nama_diklat": "PKA Angkatan II",
            "tanggal_mulai": dt.date(2019, 2, 1),
            "tanggal_selesai": dt.date(2019, 5, 30),
            "jumlah_jam": 300,
            "tingkat_diklat_kepemimpinan": "Diklatpim III",
        },
    ]
    path = write_csv(tmp_path / "pelatihan.csv", rows, headers("training"))

    result = import_file(actor=personas.budi, path=path, kind="training")

    assert result.ok, [e.text() for e in result.errors]
    assert result.created == 3
    bimtek = TrainingRecord.objects.get(name="Pelayanan Prima")
    assert (bimtek.kind, bimtek.start_date, bimtek.end_date, bimtek.hours_jp) == (
        "bimbingan_teknis",
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 12),
        Decimal("24.00"),
    )
    etika = TrainingRecord.objects.get(name="Etika ASN")
    assert (etika.kind, etika.end_date, etika.hours_jp) == ("e_learning", dt.date(2025, 5, 2), Decimal("2.50"))
    pka = TrainingRecord.objects.get(name="PKA Angkatan II")
    assert (pka.kind, pka.leadership_level) == ("diklat_struktural", "pka")
    again = import_file(actor=personas.budi, path=path, kind="training")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_training_that_ends_before_it_starts_is_rejected_with_row_and_column(personas, tmp_path):
    rows = [
        {
            "nip_baru": NURSE,
            "jenis_diklat": "Workshop",
            "nama_diklat": "Triase",
            "tanggal_mulai": "12-03-2025",
            "tanggal_selesai": "10-03-2025",
            "jumlah_jam": "8",
        }
    ]
    path = write_xlsx(tmp_path / "pelatihan.xlsx", rows, headers("training"))

    result = import_file(actor=None, path=path, kind="training")

    assert [(e.row, e.column) for e in result.errors] == [(2, "tanggal_selesai")]
    assert "10-03-2025" in result.errors[0].message
    assert TrainingRecord.objects.count() == 0


def test_sanction_history_is_imported_by_level_and_start(personas, tmp_path):
    rows = [
        {
            "nip_baru": CITRA,
            "tingkat_hukuman": "Hukuman Disiplin Ringan",
            "jenis_hukuman": "Teguran lisan",
            "nomor_sk": "800/12/2025",
            "tmt_hukuman": "01-02-2025",
            "akhir_hukuman": "31-07-2025",
        }
    ]
    path = write_xlsx(tmp_path / "hukdis.xlsx", rows, headers("sanctions"))

    result = import_file(actor=None, path=path, kind="sanctions")

    assert result.ok, [e.text() for e in result.errors]
    sanction = SanctionRecord.objects.get()
    assert (sanction.employee, sanction.level, sanction.kind, sanction.end_date) == (
        personas.citra_employee,
        "ringan",
        "Teguran lisan",
        dt.date(2025, 7, 31),
    )
    rows[0]["jenis_hukuman"] = "Teguran tertulis"
    changed = import_file(
        actor=None, path=write_xlsx(tmp_path / "b.xlsx", rows, headers("sanctions")), kind="sanctions"
    )
    assert (changed.created, changed.updated) == (0, 1)
    assert SanctionRecord.objects.get().kind == "Teguran tertulis"


def test_performance_history_takes_one_predikat_per_year(personas, tmp_path):
    rows = [
        {"nip_baru": CITRA, "tahun": 2024, "predikat": "Sangat Baik"},
        {"nip_baru": CITRA, "tahun": "2025", "predikat": "baik"},
        {"nip_baru": NURSE, "tahun": 2025, "predikat": "Cukup"},
    ]
    path = write_xlsx(tmp_path / "skp.xlsx", rows, headers("performance"))

    result = import_file(actor=None, path=path, kind="performance")

    assert result.created == 3
    assert dict(personas.citra_employee.performance.values_list("year", "predikat")) == {
        2024: "sangat_baik",
        2025: "baik",
    }
    assert PerformanceRecord.objects.get(employee=personas.nurse_employee).predikat == "butuh_perbaikan"


def test_a_year_twice_for_one_employee_and_an_unknown_nip_are_both_reported(personas, tmp_path):
    rows = [
        {"nip_baru": CITRA, "tahun": 2024, "predikat": "Baik"},
        {"nip_baru": CITRA, "tahun": 2024, "predikat": "Sangat Baik"},
        {"nip_baru": "198001012005011999", "tahun": 2024, "predikat": "Baik"},
        {"nip_baru": CITRA, "tahun": 2023, "predikat": "Luar Biasa"},
    ]
    path = write_xlsx(tmp_path / "skp.xlsx", rows, headers("performance"))

    result = import_file(actor=None, path=path, kind="performance")

    assert [(e.row, e.column) for e in result.errors] == [(3, ""), (4, "nip_baru"), (5, "predikat")]
    assert "baris 2" in result.errors[0].message
    assert "belum terdaftar" in result.errors[1].message
    assert "Luar Biasa" in result.errors[2].message
    assert PerformanceRecord.objects.count() == 0


def test_operator_cannot_add_history_to_an_employee_of_another_opd(personas, tmp_path):
    rows = [
        {"nip_baru": NURSE, "tahun": 2025, "predikat": "Baik"},  # Puskesmas Kota: Budi's subtree
        {"nip_baru": CITRA, "tahun": 2025, "predikat": "Baik"},
    ]  # Dinas Pendidikan: not Budi's
    path = write_xlsx(tmp_path / "skp.xlsx", rows, headers("performance"))

    result = import_file(actor=personas.budi, path=path, kind="performance")

    assert [(e.row, e.column) for e in result.errors] == [(3, "nip_baru")]
    assert "bukan wewenang" in result.errors[0].message
    assert PerformanceRecord.objects.count() == 0
