"""Every error the API gives has one shape: {"detail": sentence, "errors": [{"field", "message"}]}."""

import re

import pytest
from django.contrib.staticfiles import finders

from pamong.accounts.services import token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def budi(personas, client):
    """A client sending Budi's token (operator of Dinas Kesehatan)."""
    _t, secret = token_create(actor=personas.budi, name="x")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


def shaped(response, status: int) -> dict:  # type: ignore[type-arg]
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"].endswith(".")
    assert all(set(e) == {"field", "message"} for e in body["errors"])
    return body


def test_unauthenticated_is_401(personas, client):
    body = shaped(client.get("/api/v1/employees"), 401)
    assert body["detail"].startswith("Autentikasi diperlukan")


def test_not_found_and_not_allowed_are_the_same_404(personas, budi):
    missing = shaped(budi.get("/api/v1/employees/999999"), 404)
    hidden = shaped(budi.get(f"/api/v1/employees/{personas.citra_employee.pk}"), 404)
    assert missing == hidden == {"detail": "Data tidak ditemukan.", "errors": []}


def test_unknown_paths_are_404_in_the_shape(personas, budi):
    assert shaped(budi.get("/api/v1/pegawai"), 404)["detail"].startswith("Alamat API ini tidak ada")
    shaped(budi.get("/api/v1/employees/abc"), 404)
    shaped(budi.get("/api/v1/"), 404)


def test_wrong_method_is_405_with_allow_header(personas, budi):
    response = budi.put("/api/v1/employees", {}, content_type="application/json")
    body = shaped(response, 405)
    assert body["detail"] == "Metode PUT tidak diizinkan di alamat ini."
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}


def test_schema_errors_are_422_per_field_in_indonesian(personas, budi):
    body = shaped(budi.get("/api/v1/employees?limit=100000&offset=-1&status=honorer&active=mungkin"), 422)
    assert body["detail"] == "Data yang dikirim tidak sesuai skema."
    assert body["errors"] == [
        {"field": "limit", "message": "Paling besar 500."},
        {"field": "offset", "message": "Paling kecil 0."},
        {"field": "status", "message": "Pilihan tidak dikenal; pilih salah satu: 'pns', 'cpns', 'pppk'."},
        {"field": "active", "message": "Harus true atau false."},
    ]


def test_missing_body_fields_are_named(personas, budi):
    body = shaped(budi.post("/api/v1/units", {"name": "Bidang Baru"}, content_type="application/json"), 422)
    assert {(e["field"], e["message"]) for e in body["errors"]} == {
        ("code", "Wajib diisi."),
        ("kind", "Wajib diisi."),
        ("parent_id", "Wajib diisi."),
    }


def test_a_body_that_is_not_json_is_400(personas, budi):
    body = shaped(budi.post("/api/v1/units", "{bukan json", content_type="application/json"), 400)
    assert body["detail"] == "Isi permintaan bukan JSON yang sah."


def test_business_rule_errors_are_422_on_their_fields(personas, budi):
    payload = {"code": "35.99.01", "name": "Duplikat", "kind": "bidang", "parent_id": personas.regency.dinkes.pk}
    body = shaped(budi.post("/api/v1/units", payload, content_type="application/json"), 422)
    assert body == {
        "detail": "Data tidak dapat disimpan; periksa isian berikut.",
        "errors": [{"field": "code", "message": "Kode unit 35.99.01 sudah dipakai."}],
    }


def test_csrf_failure_is_403_in_the_shape(personas):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.budi, backend="allauth.account.auth_backends.AuthenticationBackend")
    shaped(browser.patch(f"/api/v1/employees/{personas.nurse_employee.pk}", {}, content_type="application/json"), 403)


def test_an_unexpected_failure_is_500_in_the_shape_and_logged(personas, budi, monkeypatch, caplog):
    def boom(user):  # type: ignore[no-untyped-def]
        raise RuntimeError("database on fire")

    monkeypatch.setattr("pamong.accounts.api.tokens_owned_by", boom)
    body = shaped(budi.get("/api/v1/tokens"), 500)
    assert "database on fire" not in body["detail"]
    assert body["detail"].startswith("Terjadi kesalahan di server")
    assert any("database on fire" in (r.exc_text or "") for r in caplog.records if r.name == "pamong.api")


def test_openapi_document_lists_every_endpoint_and_the_error_shape(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.1") and doc["info"]["title"] == "pamong API"
    operations = {(method.upper(), path) for path, item in doc["paths"].items() for method in item}
    # Other apps add their own; the access matrix test checks every one of them.
    assert operations >= {
        ("GET", "/api/v1/me"),
        ("GET", "/api/v1/tokens"),
        ("POST", "/api/v1/tokens"),
        ("DELETE", "/api/v1/tokens/{token_id}"),
        ("GET", "/api/v1/units"),
        ("POST", "/api/v1/units"),
        ("GET", "/api/v1/units/{unit_id}"),
        ("PATCH", "/api/v1/units/{unit_id}"),
        ("GET", "/api/v1/employees"),
        ("POST", "/api/v1/employees"),
        ("GET", "/api/v1/employees/{employee_id}"),
        ("PATCH", "/api/v1/employees/{employee_id}"),
    }
    schemes = doc["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}
    assert doc["components"]["schemas"]["ErrorOut"]["required"] == ["detail", "errors"]
    patch = doc["paths"]["/api/v1/employees/{employee_id}"]["patch"]
    assert {"200", "401", "403", "404", "422"} <= set(patch["responses"])


def test_openapi_never_mentions_secrets_of_stored_tokens_or_passwords(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    token_schemas = {name: schema for name, schema in schemas.items() if "Token" in name}
    assert token_schemas, "the token schemas are expected in the document"
    for name, schema in token_schemas.items():
        assert "digest" not in schema.get("properties", {}), name
    for name, schema in schemas.items():
        assert "password" not in schema.get("properties", {}), name


def test_docs_page_uses_only_bundled_assets_under_our_csp(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "cdn" not in html.lower() and "https://" not in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    # Only external same-origin scripts run; the settings block is inert JSON.
    assert all('src="/static/' in tag or 'type="application/json"' in tag for tag in scripts)
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert f"/static/{asset}" in html and finders.find(asset)
    assert " style=" not in html and "<style" not in html
