"""The BKD administrator imports a file with one bad row, reads the error, fixes it, imports it, finds the employee."""

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from playwright.sync_api import expect

from pamong.conftest import PASSWORD
from pamong.people.importing.synthetic import employee_row, write_xlsx
from pamong.people.models import Employee
from pamong.people.nip import build_nip

from .conftest import DESKTOP

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _rows(regency, *, bad: bool):
    unit = (regency.puskesmas.code, regency.puskesmas.name)
    first = build_nip(birth_date=dt.date(1990, 4, 5), start=dt.date(2015, 3, 1), sex="P", serial=11)
    second = build_nip(birth_date=dt.date(1987, 9, 14), start=dt.date(2012, 1, 1), sex="L", serial=12)
    rows = [
        employee_row(first, unit=unit, name="Wulan Sari Rahmawati"),
        employee_row(second, unit=unit, name="Bayu Prasetyo Nugroho"),
    ]
    if bad:
        rows[1]["tanggal_lahir"] = dt.date(1987, 9, 15)  # disagrees with the NIP
    return rows


def test_admin_imports_fixes_a_bad_row_and_finds_the_employee(page, live_server, personas, tmp_path, shot):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Nama pengguna atau email").fill("ani")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    code = format_hotp_value(hotp_value(TOTP_SECRET, next(iter(yield_hotp_counters_from_time()))))
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()

    rows = _rows(personas.regency, bad=True)
    headers = list(rows[0])
    bad_file = write_xlsx(tmp_path / "pegawai-salah.xlsx", rows, headers)
    page.get_by_role("link", name="Impor", exact=True).click()
    page.get_by_label("Berkas XLSX atau CSV").set_input_files(str(bad_file))
    page.get_by_role("button", name="Unggah dan periksa").click()
    errors = page.locator("#import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("3")
    expect(errors.first).to_contain_text("tanggal_lahir")
    expect(errors.first).to_contain_text("Tanggal lahir tidak sama dengan tanggal lahir dalam NIP")
    shot("import-rejected-desktop")
    assert not Employee.objects.filter(name="Wulan Sari Rahmawati").exists()  # nothing half-applied

    good_file = write_xlsx(tmp_path / "pegawai-benar.xlsx", _rows(personas.regency, bad=False), headers)
    page.get_by_role("link", name="Impor", exact=True).click()
    page.get_by_label("Berkas XLSX atau CSV").set_input_files(str(good_file))
    page.get_by_role("button", name="Unggah dan periksa").click()
    expect(page.get_by_text("berhasil diimpor")).to_be_visible()
    expect(page.get_by_text("2 baru", exact=True)).to_be_visible()

    page.get_by_role("link", name="Pegawai", exact=True).click()
    page.get_by_label("Cari nama atau NIP").fill("Bayu Prasetyo")
    page.get_by_role("button", name="Terapkan").click()
    page.get_by_role("link", name="Bayu Prasetyo Nugroho").first.click()
    expect(page.get_by_role("heading", name="Bayu Prasetyo Nugroho")).to_be_visible()
    expect(page.get_by_text("Puskesmas Kota")).to_be_visible()
    shot("import-found-employee-desktop")
