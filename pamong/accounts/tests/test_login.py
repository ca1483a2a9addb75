import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.conf import settings
from django.urls import reverse

from pamong.accounts.models import Role, RoleAssignment, User
from pamong.conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_log_in_with_username_or_email(personas, client):
    response = client.post(reverse("account_login"), {"login": "budi", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    client.logout()
    response = client.post(reverse("account_login"), {"login": "budi@contoh.go.id", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("employee_list")).status_code == 200


def test_bkd_admin_must_enter_a_totp_code(personas, client):
    response = client.post(reverse("account_login"), {"login": "ani", "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("employee_list")).status_code == 302  # not logged in yet
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    ok = client.post(reverse("mfa_authenticate"), {"code": _current_code(TOTP_SECRET)})
    assert ok.status_code == 302
    assert client.get(reverse("employee_list")).status_code == 200


def test_bkd_admin_without_totp_is_sent_to_set_it_up(regency, login):
    admin = User.objects.create_user("baru", "baru@contoh.go.id", PASSWORD)
    RoleAssignment.objects.create(user=admin, role=Role.BKD_ADMIN)
    client = login(admin)
    response = client.get(reverse("employee_list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_activate_totp"))
    # Setting up TOTP asks for the password again first (allauth's reauthentication).
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 302 and setup["Location"].startswith(reverse("account_reauthenticate"))
    assert not Authenticator.objects.filter(user=admin).exists()


def test_repeated_failures_lock_the_username(personas, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("account_login"), {"login": "budi", "password": "salah-sandi"})
    response = client.post(reverse("account_login"), {"login": "budi", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert client.get(reverse("employee_list")).status_code == 302


def test_sign_up_is_closed(client, db):
    response = client.get(reverse("account_signup"))
    assert (response.status_code == 200 and "form" not in response.context) or not response.context.get("form")


def test_admin_site_is_for_bkd_admins_only(personas, login):
    personas.budi.is_staff = True
    personas.budi.save(update_fields=["is_staff"])
    assert login(personas.budi).get("/admin/").status_code in (302, 403)
    personas.ani.is_staff = True
    personas.ani.save(update_fields=["is_staff"])
    assert login(personas.ani).get("/admin/").status_code == 200


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from pamong import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_session_expires_after_inactivity():
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST
