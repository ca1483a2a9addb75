import re

import pytest
from django.urls import reverse

from pamong.accounts.models import ApiToken
from pamong.accounts.services import token_create
from pamong.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_token_page_lists_only_my_tokens(personas, login):
    token_create(actor=personas.budi, name="Token Budi")
    token_create(actor=personas.citra, name="Token Citra")
    response = login(personas.budi).get(reverse("api_tokens"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Token Budi" in body and "Token Citra" not in body


def test_creating_a_token_shows_the_secret_once(personas, login):
    client = login(personas.citra)
    response = client.post(reverse("api_token_create"), {"name": "Skrip saya", "expires_on": ""})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=personas.citra)
    secret = response.context["secret"]
    assert ApiToken.digest_of(secret) == token.digest
    assert secret in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    listing = client.get(reverse("api_tokens")).content.decode()
    assert secret not in listing and token.hint in listing
    entry = AuditEntry.objects.get(action="accounts.token.created")
    assert (entry.actor_id, entry.source) == (personas.citra.pk, "web")


def test_create_form_shows_service_errors_on_their_fields(personas, login):
    response = login(personas.citra).post(reverse("api_token_create"), {"name": "x", "expires_on": "2000-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["expires_on"] == ["Tanggal kedaluwarsa tidak boleh sebelum hari ini."]
    assert not ApiToken.objects.exists()


def test_revoking_from_the_web_stops_the_token(personas, login, client):
    token, secret = token_create(actor=personas.budi, name="x")
    web = login(personas.budi)
    confirm = web.get(reverse("api_token_revoke", args=[token.pk]))
    assert confirm.status_code == 200 and "x" in confirm.content.decode()
    response = web.post(reverse("api_token_revoke", args=[token.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("api_tokens")
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    web.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    assert AuditEntry.objects.get(action="accounts.token.revoked").source == "web"


def test_someone_elses_token_cannot_be_revoked_and_looks_missing(personas, login):
    token, _secret = token_create(actor=personas.budi, name="x")
    client = login(personas.citra)
    assert client.get(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_token_pages_need_a_login(personas, client):
    response = client.get(reverse("api_tokens"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert client.post(reverse("api_token_create"), {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_token_pages_have_no_inline_script_or_style(personas, login):
    client = login(personas.budi)
    token, _secret = token_create(actor=personas.budi, name="x")
    pages = [
        client.get(reverse("api_tokens")),
        client.get(reverse("api_token_create")),
        client.post(reverse("api_token_create"), {"name": "y"}),
        client.get(reverse("api_token_revoke", args=[token.pk])),
    ]
    for page in pages:
        body = page.content.decode()
        assert page.status_code == 200
        assert " style=" not in body and "<style" not in body
        scripts = re.findall(r"<script\b[^>]*>", body)
        assert scripts and all("src=" in tag for tag in scripts)
