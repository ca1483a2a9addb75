"""A file with its own headers goes through a column mapping (persisted with the upload, not in a model)."""

from __future__ import annotations

import datetime as dt

import pytest

from pamong.people.importing import check_headers, import_file, parse_mapping
from pamong.people.importing.columns import EMPLOYEE_LAYOUT, match_headers, missing_columns
from pamong.people.importing.synthetic import write_xlsx
from pamong.people.models import Employee
from pamong.people.nip import build_nip

NIP = build_nip(birth_date=dt.date(1988, 7, 9), start=dt.date(2012, 3, 1), sex="L", serial=21)
HEADERS = ["No", "NIP Pegawai", "Nama Lengkap", "Status", "Kode OPD", "Pangkat/Gol"]


def custom_file(tmp_path, regency):
    rows = [
        {
            "No": "1",
            "NIP Pegawai": NIP,
            "Nama Lengkap": "Bambang Hidayat",
            "Status": "PNS",
            "Kode OPD": regency.dindik_bidang.code,
            "Pangkat/Gol": "III/b",
        }
    ]
    return write_xlsx(tmp_path / "daftar.xlsx", rows, HEADERS, text_columns=("NIP Pegawai",))


MAPPING = {
    "NIP Pegawai": "nip_baru",
    "Nama Lengkap": "nama",
    "Status": "jenis_pegawai_nama",
    "Kode OPD": "unor_id",
    "Pangkat/Gol": "gol_akhir_nama",
}


def test_headers_are_matched_case_insensitively_with_spaces_as_underscores():
    found = match_headers(EMPLOYEE_LAYOUT, ["NIP BARU", "Nama", "Unor-Nama", "STATUS_CPNS_PNS", "nik"])

    assert found == {
        "nip_baru": "NIP BARU",
        "nama": "Nama",
        "unor_nama": "Unor-Nama",
        "status_cpns_pns": "STATUS_CPNS_PNS",
    }
    assert missing_columns(EMPLOYEE_LAYOUT, found) == []


def test_a_custom_layout_is_reported_as_missing_required_columns(regency, tmp_path):
    check = check_headers(path=custom_file(tmp_path, regency), kind="employees")

    assert check.needs_mapping
    assert check.missing_columns == ["nip_baru", "nama", "jenis_pegawai_nama / status_cpns_pns", "unor_id / unor_nama"]
    assert check.headers == HEADERS

    result = import_file(actor=None, path=custom_file(tmp_path, regency), kind="employees")
    assert not result.ok and result.needs_mapping
    assert Employee.objects.count() == 0


def test_a_custom_layout_imports_through_a_mapping(regency, tmp_path):
    result = import_file(actor=None, path=custom_file(tmp_path, regency), kind="employees", mapping=MAPPING)

    assert result.ok, [e.text() for e in result.errors]
    bambang = Employee.objects.get(nip=NIP)
    assert (bambang.name, bambang.golongan, bambang.org_unit) == ("Bambang Hidayat", "III/b", regency.dindik_bidang)
    assert bambang.birth_date == dt.date(1988, 7, 9)  # no birth date column: read from the NIP
    assert bambang.sex == "L"


def test_errors_in_a_mapped_file_name_the_users_own_header(regency, tmp_path):
    rows = [
        {
            "No": "1",
            "NIP Pegawai": NIP,
            "Nama Lengkap": "Bambang",
            "Status": "Honorer",
            "Kode OPD": regency.dindik.code,
            "Pangkat/Gol": "III/b",
        }
    ]
    path = write_xlsx(tmp_path / "daftar.xlsx", rows, HEADERS, text_columns=("NIP Pegawai",))

    result = import_file(actor=None, path=path, kind="employees", mapping=MAPPING)

    assert [(e.row, e.column) for e in result.errors] == [(2, "Status")]
    assert "Honorer" in result.errors[0].message


def test_a_mapping_to_an_unknown_column_or_header_is_refused(regency, tmp_path):
    mapping = {**MAPPING, "Tidak Ada": "nama_ibu", "No": "nama"}

    result = import_file(actor=None, path=custom_file(tmp_path, regency), kind="employees", mapping=mapping)

    messages = " ".join(e.message for e in result.errors)
    assert "nama_ibu" in messages
    assert "Tidak Ada" in messages
    assert "dipetakan dua kali" in messages
    assert Employee.objects.count() == 0


def test_the_command_line_mapping_text_is_parsed():
    assert parse_mapping("NIP Pegawai=nip_baru, Nama Lengkap = nama,") == {
        "NIP Pegawai": "nip_baru",
        "Nama Lengkap": "nama",
    }
    with pytest.raises(ValueError, match="kolom_berkas=kolom_pamong"):
        parse_mapping("NIP Pegawai")
