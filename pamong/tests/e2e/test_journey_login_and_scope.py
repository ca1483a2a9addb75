import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from playwright.sync_api import expect

from pamong.conftest import PASSWORD

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Nama pengguna atau email").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_bkd_admin_logs_in_with_two_factors(page, live_server, personas, shot, csp_violations):
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, "ani")
    expect(page).to_have_url(f"{live_server.url}/accounts/2fa/authenticate/")
    code = format_hotp_value(hotp_value(TOTP_SECRET, next(iter(yield_hotp_counters_from_time()))))
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()
    expect(page.get_by_test_id("headcount-total")).to_have_text("4")
    page.get_by_role("link", name="Pegawai", exact=True).click()
    expect(page.get_by_role("link", name="Sri Wahyuni")).to_be_visible()
    shot("admin-employee-list-desktop")
    assert csp_violations == []


def test_operator_cannot_reach_another_opd_employee_by_url(page, live_server, personas, shot):
    page.set_viewport_size(PHONE)
    _log_in(page, live_server.url, "budi")
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()
    response = page.goto(f"{live_server.url}/people/employees/{personas.citra_employee.pk}/")
    assert response.status == 404
    ok = page.goto(f"{live_server.url}/people/employees/{personas.nurse_employee.pk}/")
    assert ok.status == 200
    expect(page.get_by_role("heading", name="Sri Wahyuni")).to_be_visible()
    shot("operator-employee-phone")
