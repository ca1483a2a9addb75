"""Tokens through the API: create (session only, secret once), list, revoke."""

import json

import pytest
from django.test import Client

from pamong.accounts.models import ApiToken
from pamong.accounts.services import token_create
from pamong.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_token_lifecycle_create_list_use_revoke(personas, login, client):
    web = login(personas.budi)
    created = web.post(
        "/api/v1/tokens", {"name": "Sinkronisasi", "expires_on": "2099-12-31"}, content_type="application/json"
    )
    assert created.status_code == 201
    body = created.json()
    secret = body["secret"]
    assert body["name"] == "Sinkronisasi" and body["is_active"] is True
    assert body["hint"] == secret[:12] and body["expires_at"] == "2099-12-31T17:00:00Z"  # 1 Jan 00:00 WIB
    stored = ApiToken.objects.get(pk=body["id"])
    assert stored.digest == ApiToken.digest_of(secret) and secret not in (stored.digest, stored.hint)
    web.logout()

    listed = client.get("/api/v1/tokens", **bearer(secret)).json()
    assert listed["count"] == 1
    assert listed["items"][0]["id"] == body["id"] and "secret" not in listed["items"][0]
    assert "digest" not in json.dumps(listed) and stored.digest not in json.dumps(listed)

    revoked = client.delete(f"/api/v1/tokens/{body['id']}", **bearer(secret))
    assert revoked.status_code == 204 and revoked.content == b""
    after = client.get("/api/v1/tokens", **bearer(secret))
    assert after.status_code == 401
    assert after.json()["detail"].startswith("Autentikasi diperlukan")

    entries = list(AuditEntry.objects.filter(action__startswith="accounts.token.").order_by("seq"))
    assert [(e.action, e.source, e.actor_id) for e in entries] == [
        ("accounts.token.created", "api", personas.budi.pk),
        ("accounts.token.revoked", "api", personas.budi.pk),
    ]
    assert all(secret not in json.dumps(e.changes) + e.object_repr for e in entries)


def test_a_token_cannot_create_more_tokens(personas, client):
    _token, secret = token_create(actor=personas.budi, name="x")
    response = client.post("/api/v1/tokens", {"name": "lagi"}, content_type="application/json", **bearer(secret))
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Token API baru hanya dapat dibuat dari sesi web yang masuk, bukan dengan token API.",
        "errors": [],
    }
    assert ApiToken.objects.count() == 1


def test_creating_from_the_browser_needs_the_csrf_header(personas):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.budi, backend="allauth.account.auth_backends.AuthenticationBackend")
    refused = browser.post("/api/v1/tokens", {"name": "x"}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Pemeriksaan CSRF gagal")
    browser.get("/api/v1/docs")  # sets the CSRF cookie, as the docs page does in a real browser
    csrf = browser.cookies["csrftoken"].value
    accepted = browser.post("/api/v1/tokens", {"name": "x"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert accepted.status_code == 201
    # Reading needs no CSRF token.
    assert browser.get("/api/v1/tokens").json()["count"] == 1


def test_token_input_is_checked_field_by_field(personas, login):
    web = login(personas.budi)
    bad = web.post("/api/v1/tokens", {"name": "", "expires_on": "kemarin"}, content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        {"field": "name", "message": "Paling sedikit 1 karakter."},
        {"field": "expires_on", "message": "Harus tanggal dengan format YYYY-MM-DD."},
    ]
    past = web.post("/api/v1/tokens", {"name": "x", "expires_on": "2000-01-01"}, content_type="application/json")
    assert past.status_code == 422
    assert past.json()["errors"] == [
        {"field": "expires_on", "message": "Tanggal kedaluwarsa tidak boleh sebelum hari ini."}
    ]


def test_tokens_are_listed_and_revoked_by_their_owner_only(personas, client):
    budi_token, budi_secret = token_create(actor=personas.budi, name="budi")
    _citra_token, citra_secret = token_create(actor=personas.citra, name="citra")
    listed = client.get("/api/v1/tokens", **bearer(citra_secret)).json()
    assert [t["name"] for t in listed["items"]] == ["citra"]
    response = client.delete(f"/api/v1/tokens/{budi_token.pk}", **bearer(citra_secret))
    assert response.status_code == 404
    assert response.json() == {"detail": "Data tidak ditemukan.", "errors": []}
    assert client.get("/api/v1/tokens", **bearer(budi_secret)).status_code == 200


def test_token_list_is_paginated(personas, client):
    _t, secret = token_create(actor=personas.citra, name="t0")
    for i in range(1, 5):
        token_create(actor=personas.citra, name=f"t{i}")
    page = client.get("/api/v1/tokens?limit=2&offset=1", **bearer(secret)).json()
    assert (page["count"], page["limit"], page["offset"]) == (5, 2, 1)
    assert [t["name"] for t in page["items"]] == ["t3", "t2"]
