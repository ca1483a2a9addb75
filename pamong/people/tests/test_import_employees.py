"""Importing the employee file: whole-file validation, upsert by NIP, idempotence, audit."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from pamong.core.models import AuditEntry, Source
from pamong.people.importing import import_file
from pamong.people.importing.synthetic import (
    EMPLOYEE_HEADERS,
    employee_row,
    employee_rows,
    write_csv,
    write_xlsx,
)
from pamong.people.models import EducationRecord, Employee, Position, PositionType
from pamong.people.nip import build_nip

NIP_RINA = build_nip(birth_date=dt.date(1990, 5, 17), start=dt.date(2015, 3, 1), sex="P", serial=1)
NIP_AGUS = build_nip(birth_date=dt.date(1985, 1, 2), start=dt.date(2010, 12, 1), sex="L", serial=7)
NIP_SITI = build_nip(birth_date=dt.date(1995, 8, 30), start=dt.date(2022, 1, 1), sex="P", serial=12, pppk=True)


def units(regency):
    return [(regency.dinkes_bidang.code, regency.dinkes_bidang.name), (regency.dindik.code, regency.dindik.name)]


def three_rows(regency):
    bidang = (regency.dinkes_bidang.code, regency.dinkes_bidang.name)
    dindik = (regency.dindik.code, regency.dindik.name)
    return [
        employee_row(NIP_RINA, unit=bidang, name="Rina Lestari"),
        employee_row(
            NIP_AGUS,
            unit=dindik,
            name="Agus Setiawan",
            jenis_jabatan_nama="Struktural",
            eselon_nama="III.a",
            jabatan_nama="Sekretaris Dinas",
            gol_akhir_nama="iv-a",
        ),
        employee_row(
            NIP_SITI, unit=bidang, name="Siti Rahayu", jabatan_nama="Perawat Terampil", jenis_jabatan_nama="Fungsional"
        ),
    ]


def test_valid_xlsx_creates_employees_with_unit_position_and_education(regency, tmp_path):
    path = write_xlsx(tmp_path / "pegawai.xlsx", three_rows(regency), EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees")

    assert result.ok, [e.text() for e in result.errors]
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    rina = Employee.objects.get(nip=NIP_RINA)
    assert rina.name == "Rina Lestari"
    assert rina.birth_date == dt.date(1990, 5, 17)
    assert rina.sex == "P"
    assert rina.status == "pns"
    assert rina.golongan == "III/a"
    assert rina.org_unit == regency.dinkes_bidang
    assert rina.position.name == "Pengadministrasi Umum"
    assert rina.position.position_type == PositionType.PELAKSANA
    agus = Employee.objects.get(nip=NIP_AGUS)
    assert agus.golongan == "IV/a"  # "iv-a" normalised
    assert agus.position.position_type == PositionType.ADMINISTRATOR  # eselon III.a
    assert agus.position.org_unit == regency.dindik
    siti = Employee.objects.get(nip=NIP_SITI)
    assert (siti.status, siti.golongan) == ("pppk", "IX")
    assert (siti.position.position_type, siti.position.functional_level) == ("fungsional", "terampil")
    assert list(rina.education.values_list("level", "major", "graduation_year")) == [("S1", "Manajemen", 2012)]
    assert result.positions_created == 3


def test_csv_with_semicolons_imports_the_same_rows(regency, tmp_path):
    path = write_csv(tmp_path / "pegawai.csv", three_rows(regency), EMPLOYEE_HEADERS, separator=";")

    result = import_file(actor=None, path=path, kind="employees")

    assert result.ok, [e.text() for e in result.errors]
    assert result.created == 3
    assert Employee.objects.get(nip=NIP_AGUS).birth_date == dt.date(1985, 1, 2)


def test_importing_the_same_file_twice_changes_nothing(regency, tmp_path):
    rows = list(employee_rows(40, units(regency), seed=7))
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows, EMPLOYEE_HEADERS)
    first = import_file(actor=None, path=path, kind="employees")
    snapshot = list(Employee.objects.order_by("nip").values())
    counts = (Position.objects.count(), EducationRecord.objects.count(), Employee.history.count())

    second = import_file(actor=None, path=path, kind="employees")

    assert first.created == 40
    assert (second.created, second.updated, second.unchanged) == (0, 0, 40)
    assert (second.positions_created, second.education_created, second.education_updated) == (0, 0, 0)
    assert list(Employee.objects.order_by("nip").values()) == snapshot
    assert (Position.objects.count(), EducationRecord.objects.count(), Employee.history.count()) == counts


def test_a_changed_row_is_updated_with_history_and_the_rest_stay_unchanged(personas, tmp_path):
    regency = personas.regency
    path = write_xlsx(tmp_path / "a.xlsx", three_rows(regency), EMPLOYEE_HEADERS)
    import_file(actor=None, path=path, kind="employees")
    rows = three_rows(regency)
    rows[0]["gol_akhir_nama"] = "III/b"
    rows[0]["unor_id"], rows[0]["unor_nama"] = regency.puskesmas.code, regency.puskesmas.name
    changed = write_xlsx(tmp_path / "b.xlsx", rows, EMPLOYEE_HEADERS)

    result = import_file(actor=personas.ani, path=changed, kind="employees")

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    rina = Employee.objects.get(nip=NIP_RINA)
    assert (rina.golongan, rina.org_unit) == ("III/b", regency.puskesmas)
    assert rina.position.org_unit == regency.puskesmas  # the post is looked up (and made) in the new unit
    latest = rina.history.order_by("-history_id").first()
    assert (latest.history_type, latest.golongan, latest.history_user_id) == ("~", "III/b", personas.ani.pk)


def test_one_audit_entry_records_the_batch(personas, tmp_path):
    path = write_xlsx(tmp_path / "pegawai.xlsx", three_rows(personas.regency), EMPLOYEE_HEADERS)
    before = AuditEntry.objects.count()
    history_before = Employee.history.count()

    import_file(actor=personas.ani, path=path, kind="employees")

    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action == "people.employee.imported"
    assert entry.source == Source.IMPORT
    assert entry.object_type == "people.import"
    assert entry.actor_id == personas.ani.pk
    assert entry.changes["created"] == 3
    assert entry.changes["updated"] == 0
    assert entry.changes["file"] == "pegawai.xlsx"
    # Creation by import is recorded by this entry, not by simple_history '+' rows (RECORD_CREATED_HISTORY).
    assert Employee.history.count() == history_before


def test_one_bad_row_rejects_the_whole_file_and_writes_nothing(regency, tmp_path):
    rows = three_rows(regency)
    rows[1]["tanggal_lahir"] = "31-02-1985"
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows, EMPLOYEE_HEADERS)
    before = (
        Employee.objects.count(),
        Position.objects.count(),
        EducationRecord.objects.count(),
        AuditEntry.objects.count(),
    )

    result = import_file(actor=None, path=path, kind="employees")

    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, "tanggal_lahir")]
    assert "31-02-1985" in result.errors[0].message
    assert result.errors[0].text().startswith("Baris 3, kolom tanggal_lahir:")
    after = (
        Employee.objects.count(),
        Position.objects.count(),
        EducationRecord.objects.count(),
        AuditEntry.objects.count(),
    )
    assert after == before


def test_every_error_is_reported_with_its_row_and_the_users_own_header(regency, tmp_path):
    bidang = (regency.dinkes_bidang.code, regency.dinkes_bidang.name)
    rows = [
        employee_row(NIP_RINA, unit=bidang),
        employee_row(NIP_RINA, unit=bidang),  # row 3: the same NIP again
        employee_row(NIP_AGUS, unit=("99.99", "Dinas Entah"), gol_akhir_nama="V/z"),  # row 4
        employee_row(NIP_SITI, unit=bidang, jenis_pegawai_nama="PNS Daerah", status_cpns_pns="P"),  # row 5
        employee_row(
            build_nip(birth_date=dt.date(1991, 1, 1), start=dt.date(2016, 1, 1), sex="L", serial=3),
            unit=bidang,
            jenis_jabatan_nama="Struktural",
            jabatan_nama="Kepala Seksi Baru",
        ),  # row 6
    ]
    headers = [h.upper() for h in EMPLOYEE_HEADERS]
    upper_rows = [{k.upper(): v for k, v in row.items()} for row in rows]
    path = write_xlsx(tmp_path / "pegawai.xlsx", upper_rows, headers, text_columns=("NIP_BARU",))

    result = import_file(actor=None, path=path, kind="employees")

    found = {(e.row, e.column) for e in result.errors}
    assert (3, "NIP_BARU") in found
    assert (4, "UNOR_ID") in found
    assert (4, "GOL_AKHIR_NAMA") in found
    assert (5, "JENIS_PEGAWAI_NAMA") in found  # a PPPK NIP declared PNS
    assert (6, "ESELON_NAMA") in found
    messages = {(e.row, e.column): e.message for e in result.errors}
    assert "baris 2" in messages[(3, "NIP_BARU")]
    assert "99.99" in messages[(4, "UNOR_ID")]
    assert "Kepala Seksi Baru" in messages[(6, "ESELON_NAMA")]
    assert Employee.objects.count() == 0


@pytest.mark.parametrize("writer", ["openpyxl", "xlsxwriter"])
def test_nip_typed_as_a_number_is_rejected_with_the_nip_message(regency, tmp_path, writer):
    path = tmp_path / "angka.xlsx"
    rows = [
        ["nip_baru", "nama", "jenis_pegawai_nama", "unor_id"],
        [NIP_RINA, "Rina Lestari", "PNS", regency.dinkes.code],
        [int(NIP_AGUS), "Agus Setiawan", "PNS", regency.dinkes.code],  # a number cell: 15 digits kept
    ]
    if writer == "openpyxl":  # writes t="n"
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:  # writes no t attribute, like Excel
        import xlsxwriter

        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet()
        for r, row in enumerate(rows):
            sheet.write_row(r, 0, row)
        book.close()

    result = import_file(actor=None, path=path, kind="employees")

    assert [(e.row, e.column) for e in result.errors] == [(3, "nip_baru")]
    assert "terbaca sebagai angka" in result.errors[0].message
    assert "format kolom NIP sebagai teks" in result.errors[0].message
    assert Employee.objects.count() == 0


def test_nip_written_in_scientific_notation_in_a_csv_is_rejected(regency, tmp_path):
    path = tmp_path / "pegawai.csv"
    path.write_text(f"nip_baru,nama,jenis_pegawai_nama,unor_id\n1.99005E+17,Rina,PNS,{regency.dinkes.code}\n")

    result = import_file(actor=None, path=path, kind="employees")

    assert [(e.row, e.column) for e in result.errors] == [(2, "nip_baru")]
    assert "terbaca sebagai angka" in result.errors[0].message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("17-05-1990", dt.date(1990, 5, 17)),
        ("17/05/1990", dt.date(1990, 5, 17)),
        ("1990-05-17", dt.date(1990, 5, 17)),
        (dt.date(1990, 5, 17), dt.date(1990, 5, 17)),  # an Excel date cell
        (32980, dt.date(1990, 4, 17)),  # a date cell stored as its serial number
    ],
)
def test_dates_are_read_in_indonesian_iso_and_excel_forms(regency, tmp_path, written, expected):
    row = employee_row(NIP_RINA, unit=(regency.dinkes.code, regency.dinkes.name), tmt_jabatan=written)
    path = write_xlsx(tmp_path / "pegawai.xlsx", [row], EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees")

    assert result.ok, [e.text() for e in result.errors]
    assert Employee.objects.get(nip=NIP_RINA).tmt_position == expected


def test_unit_is_matched_by_name_when_the_code_is_absent(regency, tmp_path):
    row = employee_row(NIP_RINA, unit=("", "puskesmas  KOTA"))
    path = write_xlsx(tmp_path / "pegawai.xlsx", [row], EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees")

    assert result.ok, [e.text() for e in result.errors]
    assert Employee.objects.get(nip=NIP_RINA).org_unit == regency.puskesmas


def test_birth_date_that_disagrees_with_the_nip_is_a_business_rule_error(regency, tmp_path):
    row = employee_row(NIP_RINA, unit=(regency.dinkes.code, regency.dinkes.name), tanggal_lahir="18-05-1990")
    path = write_xlsx(tmp_path / "pegawai.xlsx", [row], EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees")

    assert [(e.row, e.column) for e in result.errors] == [(2, "tanggal_lahir")]
    assert "17-05-1990" in result.errors[0].message  # employee_errors' own message


def test_dry_run_counts_but_writes_nothing(regency, tmp_path):
    path = write_xlsx(tmp_path / "pegawai.xlsx", three_rows(regency), EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees", dry_run=True)

    assert result.ok and result.dry_run and not result.written
    assert result.created == 3
    assert Employee.objects.count() == 0
    assert Position.objects.count() == 0


def test_a_file_without_data_rows_says_so(regency, tmp_path):
    path = write_xlsx(tmp_path / "kosong.xlsx", [], EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees")

    assert not result.ok
    assert "tidak berisi baris data" in result.errors[0].message


def test_a_column_left_out_keeps_the_stored_value(regency, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", three_rows(regency), EMPLOYEE_HEADERS)
    import_file(actor=None, path=path, kind="employees")
    short = ["nip_baru", "nama", "jenis_pegawai_nama", "unor_id"]
    rows = [
        {
            "nip_baru": NIP_RINA,
            "nama": "Rina Lestari Putri",
            "jenis_pegawai_nama": "PNS",
            "unor_id": regency.dinkes_bidang.code,
        }
    ]

    result = import_file(actor=None, path=write_xlsx(tmp_path / "b.xlsx", rows, short), kind="employees")

    assert (result.updated, result.unchanged) == (1, 0)
    rina = Employee.objects.get(nip=NIP_RINA)
    assert rina.name == "Rina Lestari Putri"
    assert rina.golongan == "III/a"  # no golongan column: left alone
    assert rina.position.name == "Pengadministrasi Umum"


def test_a_text_nip_that_happens_to_equal_a_float_value_is_not_taken_for_a_number_cell(regency, tmp_path):
    # About one NIP in 32 is exactly a double; such a text cell must still import.
    nip = next(
        n
        for serial in range(1, 999)
        if int(
            float(n := build_nip(birth_date=dt.date(1990, 5, 17), start=dt.date(2015, 3, 1), sex="P", serial=serial))
        )
        == int(n)
    )
    path = write_xlsx(tmp_path / "pegawai.xlsx", [employee_row(nip, unit=(regency.dinkes.code, "x"))], EMPLOYEE_HEADERS)

    result = import_file(actor=None, path=path, kind="employees")

    assert result.ok, [e.text() for e in result.errors]
    assert Employee.objects.filter(nip=nip).exists()


def test_rows_are_numbered_from_the_header_row_even_when_the_sheet_starts_lower(regency, tmp_path):
    path = tmp_path / "geser.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B3"], sheet["C3"], sheet["D3"], sheet["E3"] = "nip_baru", "nama", "jenis_pegawai_nama", "unor_id"
    sheet["B4"], sheet["C4"], sheet["D4"], sheet["E4"] = NIP_RINA, "Rina", "PNS", regency.dinkes.code
    sheet["B5"], sheet["C5"], sheet["D5"], sheet["E5"] = NIP_AGUS, "Agus", "PNS", "tidak-ada"
    book.save(path)

    result = import_file(actor=None, path=path, kind="employees")

    assert [(e.row, e.column) for e in result.errors] == [(5, "unor_id")]


def test_a_csv_saved_with_a_byte_order_mark_is_read(regency, tmp_path):
    path = tmp_path / "pegawai.csv"
    path.write_text(
        f"NIP_BARU;NAMA;JENIS_PEGAWAI_NAMA;UNOR_ID\n{NIP_RINA};Rina Lestari;PNS;{regency.dinkes.code}\n",
        encoding="utf-8-sig",
    )

    result = import_file(actor=None, path=path, kind="employees")

    assert result.ok, [e.text() for e in result.errors]
    assert Employee.objects.get(nip=NIP_RINA).name == "Rina Lestari"
