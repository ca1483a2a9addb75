"""``pamong import_employees`` and ``pamong export_employees`` on the command line."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from pamong.core.models import AuditEntry
from pamong.people.importing.synthetic import EMPLOYEE_HEADERS, employee_row, employee_rows, write_xlsx
from pamong.people.models import Employee
from pamong.people.nip import build_nip

NIP_A = build_nip(birth_date=dt.date(1990, 5, 17), start=dt.date(2015, 3, 1), sex="P", serial=1)
NIP_B = build_nip(birth_date=dt.date(1985, 1, 2), start=dt.date(2010, 12, 1), sex="L", serial=7)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rows(regency, **overrides):
    unit = (regency.puskesmas.code, regency.puskesmas.name)
    return [employee_row(NIP_A, unit=unit), employee_row(NIP_B, unit=unit, name="Agus Setiawan", **overrides)]


def test_dry_run_reports_what_would_change_and_writes_nothing(regency, tmp_path):
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows(regency), EMPLOYEE_HEADERS)

    out, err = run("import_employees", str(path), "--dry-run")

    assert "Pemeriksaan saja" in out
    assert "2 baru" in out
    assert "100%" in err  # the progress bar
    assert Employee.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_import_writes_and_a_second_run_finds_nothing_to_change(regency, tmp_path):
    path = write_xlsx(tmp_path / "pegawai.xlsx", rows(regency), EMPLOYEE_HEADERS)

    first, _ = run("import_employees", str(path), "--no-progress")
    second, _ = run("import_employees", str(path), "--no-progress")

    assert "2 baru, 0 diperbarui, 0 tidak berubah" in first
    assert "0 baru, 0 diperbarui, 2 tidak berubah" in second
    assert Employee.objects.filter(nip__in=[NIP_A, NIP_B]).count() == 2


def test_errors_exit_non_zero_and_print_every_row_and_column(regency, tmp_path):
    path = write_xlsx(
        tmp_path / "pegawai.xlsx", rows(regency, tanggal_lahir="1985-13-40", email_gov="agus@"), EMPLOYEE_HEADERS
    )
    err = io.StringIO()

    with pytest.raises(CommandError, match="ditolak: 2 kesalahan di 1 baris"):
        call_command("import_employees", str(path), "--no-progress", stderr=err)

    assert "Baris 3, kolom tanggal_lahir: '1985-13-40' bukan tanggal" in err.getvalue()
    assert "Baris 3, kolom email_gov: 'agus@' bukan alamat email" in err.getvalue()
    assert Employee.objects.count() == 0


def test_missing_columns_exit_with_a_hint_about_map(regency, tmp_path):
    path = write_xlsx(
        tmp_path / "lain.xlsx", [{"NIP": NIP_A, "Nama Lengkap": "Rina"}], ["NIP", "Nama Lengkap"], text_columns=("NIP",)
    )

    with pytest.raises(CommandError, match="--map"):
        call_command("import_employees", str(path), "--no-progress")


def test_map_option_imports_a_custom_layout(regency, tmp_path):
    headers = ["NIP", "Nama Lengkap", "Jenis", "Unit"]
    data = [{"NIP": NIP_A, "Nama Lengkap": "Rina", "Jenis": "PNS", "Unit": regency.puskesmas.name}]
    path = write_xlsx(tmp_path / "lain.xlsx", data, headers, text_columns=("NIP",))

    out, _ = run(
        "import_employees",
        str(path),
        "--no-progress",
        "--map",
        "Nama Lengkap=nama,Jenis=jenis_pegawai_nama,Unit=unor_nama",
    )

    assert "1 baru" in out
    assert Employee.objects.get(nip=NIP_A).org_unit == regency.puskesmas


def test_actor_option_holds_an_operator_to_their_units(personas, tmp_path):
    data = rows(personas.regency)
    data[1]["unor_id"], data[1]["unor_nama"] = personas.regency.setda.code, personas.regency.setda.name
    path = write_xlsx(tmp_path / "pegawai.xlsx", data, EMPLOYEE_HEADERS)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_employees", str(path), "--no-progress", "--actor", "budi", stderr=err)

    assert "Baris 3, kolom unor_id: Anda tidak berwenang" in err.getvalue()
    with pytest.raises(CommandError, match="tidak berwenang mengubah data pegawai"):
        call_command("import_employees", str(path), "--no-progress", "--actor", "eka")
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("import_employees", str(path), "--no-progress", "--actor", "nobody")


def test_history_kind_from_the_command_line(personas, tmp_path):
    path = write_xlsx(
        tmp_path / "skp.xlsx",
        [{"nip_baru": personas.citra_employee.nip, "tahun": 2025, "predikat": "Sangat Baik"}],
        ["nip_baru", "tahun", "predikat"],
    )

    out, _ = run("import_employees", str(path), "--kind", "performance", "--no-progress")

    assert "1 baru" in out
    assert personas.citra_employee.performance.get().predikat == "sangat_baik"


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_an_export_imports_back_unchanged(regency, tmp_path, suffix):
    units = [(regency.puskesmas.code, regency.puskesmas.name), (regency.dindik_bidang.code, regency.dindik_bidang.name)]
    source = write_xlsx(tmp_path / "awal.xlsx", list(employee_rows(30, units, seed=3)), EMPLOYEE_HEADERS)
    run("import_employees", str(source), "--no-progress")
    exported = tmp_path / f"ekspor.{suffix}"

    out, _ = run("export_employees", "--output", str(exported))
    again, _ = run("import_employees", str(exported), "--no-progress")

    assert "30 pegawai diekspor" in out
    assert "0 baru, 0 diperbarui, 30 tidak berubah" in again


def test_export_of_one_unit_holds_its_subtree_with_nip_as_text(personas, tmp_path):
    path = tmp_path / "dinkes.xlsx"

    run("export_employees", "--output", str(path), "--unit", personas.regency.dinkes.code)

    sheet = openpyxl.load_workbook(path)["data"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("nip_baru", "nama")
    assert sorted(v[0] for v in values[1:]) == sorted([personas.dodi_employee.nip, personas.nurse_employee.nip])
    assert sheet["A2"].data_type == "s"
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("export_employees", "--output", str(path), "--unit", "00.00")
