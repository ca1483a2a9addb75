"""Who the API lets in, and as whom: tokens act with exactly their owner's scope."""

import datetime as dt

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from pamong.accounts.models import ApiToken, Role
from pamong.accounts.services import role_assign, role_end, token_create
from pamong.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def names(response) -> set[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return {item["name"] for item in response.json()["items"]}


def test_me_says_who_the_token_acts_as(personas, client):
    _t, secret = token_create(actor=personas.budi, name="x")
    me = client.get("/api/v1/me", **bearer(secret)).json()
    assert (me["username"], me["full_name"], me["employee_id"]) == ("budi", "Budi Santoso", None)
    assert me["roles"] == [
        {
            "role": "operator",
            "org_unit_id": personas.regency.dinkes.pk,
            "include_subtree": True,
            "valid_from": timezone.localdate().isoformat(),
            "valid_until": None,
        }
    ]


def test_operator_token_sees_only_dinas_kesehatan(personas, client):
    _t, secret = token_create(actor=personas.budi, name="x")
    assert names(client.get("/api/v1/employees", **bearer(secret))) == {"Dodi Pratama", "Sri Wahyuni"}


def test_employee_token_sees_only_herself(personas, client):
    _t, secret = token_create(actor=personas.citra, name="x")
    assert names(client.get("/api/v1/employees", **bearer(secret))) == {"Citra Dewi"}
    assert client.get(f"/api/v1/employees/{personas.dodi_employee.pk}", **bearer(secret)).status_code == 404


def test_session_and_token_of_the_same_user_see_the_same(personas, login, client):
    _t, secret = token_create(actor=personas.fajar, name="x")
    by_token = names(client.get("/api/v1/employees", **bearer(secret)))
    by_session = names(login(personas.fajar).get("/api/v1/employees"))
    assert by_token == by_session == {"Citra Dewi"}


def test_a_token_follows_its_owners_role_changes(personas, client):
    _t, secret = token_create(actor=personas.citra, name="x")
    assignment = role_assign(
        actor=personas.ani, user=personas.citra, role=Role.LEADER, org_unit=personas.regency.dinkes
    )
    assert names(client.get("/api/v1/employees", **bearer(secret))) == {"Citra Dewi", "Dodi Pratama", "Sri Wahyuni"}
    role_end(actor=personas.ani, assignment=assignment)
    assert names(client.get("/api/v1/employees", **bearer(secret))) == {"Citra Dewi"}
    actions = list(AuditEntry.objects.filter(action__startswith="accounts.role.").values_list("action", flat=True))
    assert sorted(actions) == ["accounts.role.assigned", "accounts.role.ended"]


def test_only_admins_and_leaders_get_a_regency_wide_role(personas):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        role_assign(actor=personas.ani, user=personas.citra, role=Role.OPERATOR, org_unit=None)
    assert list(exc.value.message_dict) == ["org_unit"]


def test_bkd_admin_without_totp_is_refused_with_token_and_session(personas, login, client):
    _t, secret = token_create(actor=personas.ani, name="x")
    assert client.get("/api/v1/employees", **bearer(secret)).status_code == 200
    Authenticator.objects.filter(user=personas.ani).delete()
    expected = {
        "detail": "Administrator BKD wajib mengaktifkan autentikasi dua faktor (TOTP) sebelum memakai API.",
        "errors": [],
    }
    by_token = client.get("/api/v1/employees", **bearer(secret))
    assert (by_token.status_code, by_token.json()) == (403, expected)
    by_session = login(personas.ani).get("/api/v1/employees")
    assert (by_session.status_code, by_session.json()) == (403, expected)


def test_an_inactive_users_token_does_not_work(personas, client):
    _t, secret = token_create(actor=personas.budi, name="x")
    personas.budi.is_active = False
    personas.budi.save(update_fields=["is_active"])
    assert client.get("/api/v1/employees", **bearer(secret)).status_code == 401


def test_revoked_and_expired_tokens_do_not_work(personas, client):
    revoked, revoked_secret = token_create(actor=personas.budi, name="revoked")
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    expired, expired_secret = token_create(actor=personas.budi, name="expired")
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    for secret in (revoked_secret, expired_secret):
        response = client.get("/api/v1/employees", **bearer(secret))
        assert response.status_code == 401 and response["WWW-Authenticate"] == 'Bearer realm="pamong"'


@pytest.mark.parametrize(
    "header",
    ["Bearer pmg_not-a-real-token", "Bearer ", "Token pmg_abc", "Basic YnVkaTpzYW5kaQ==", "pmg_abc"],
)
def test_bad_authorization_headers_get_401_not_a_csrf_error(personas, client, header):
    response = client.post("/api/v1/units", {}, content_type="application/json", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}


def test_a_bad_token_is_not_rescued_by_a_session(personas, login):
    """A request carrying a token is judged by that token alone."""
    response = login(personas.budi).get("/api/v1/employees", HTTP_AUTHORIZATION="Bearer pmg_wrong")
    assert response.status_code == 401


def test_a_proxys_basic_auth_header_does_not_hide_the_session(personas, login):
    response = login(personas.budi).get("/api/v1/me", HTTP_AUTHORIZATION="Basic YWJjOmRlZg==")
    assert response.status_code == 200 and response.json()["username"] == "budi"


def test_using_a_token_records_when_it_was_last_used(personas, client):
    token, secret = token_create(actor=personas.budi, name="x")
    assert token.last_used_at is None
    client.get("/api/v1/me", **bearer(secret))
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None and timezone.now() - first < dt.timedelta(seconds=5)
    client.get("/api/v1/me", **bearer(secret))
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first


def test_writes_by_token_are_attributed_to_its_owner_in_model_history(personas, client):
    _t, secret = token_create(actor=personas.budi, name="x")
    response = client.patch(
        f"/api/v1/employees/{personas.nurse_employee.pk}",
        {"birth_place": "Malang"},
        content_type="application/json",
        **bearer(secret),
    )
    assert response.status_code == 200
    latest = personas.nurse_employee.history.latest()
    assert (latest.birth_place, latest.history_user) == ("Malang", personas.budi)
