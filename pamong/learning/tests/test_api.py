"""The learning API: values, scoping and the error shape."""

import pytest

from pamong.accounts.services import token_create
from pamong.learning.models import Enrolment

from .routes import _closed, _open

pytestmark = [pytest.mark.django_db, pytest.mark.urls("pamong.learning.tests.api_urls")]


def _get(client, user, url):  # type: ignore[no-untyped-def]
    _t, secret = token_create(actor=user, name="t")
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")


def _post(client, user, url, body):  # type: ignore[no-untyped-def]
    _t, secret = token_create(actor=user, name="t")
    return client.post(url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_batch_reports_its_jp_from_session_minutes(personas, client):
    b = _open(personas)
    data = _get(client, personas.eka, f"/api/v1/learning/batches/{b.pk}").json()
    assert (data["label"], data["status"], data["hours_jp"], len(data["sessions"])) == ("Angkatan 1", "open", "4.00", 2)
    assert data["sessions"][0]["minutes"] == 90


def test_an_operator_nominates_through_the_api(personas, client):
    b = _open(personas)
    response = _post(
        client, personas.budi, f"/api/v1/learning/batches/{b.pk}/enrolments", {"employee_id": personas.dodi_employee.pk}
    )
    assert response.status_code == 201
    assert response.json()["status"] == "invited"
    assert Enrolment.objects.get().nominated_by == personas.budi


def test_an_ineligible_nominee_gets_422_with_the_reason(personas, client):
    b = _open(personas)
    response = _post(
        client, personas.ani, f"/api/v1/learning/batches/{b.pk}/enrolments", {"employee_id": personas.citra_employee.pk}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Data tidak dapat disimpan; periksa isian berikut."
    assert "sedangkan program ini untuk Administrator" in body["errors"][0]["message"]


def test_an_operator_cannot_nominate_outside_their_units(personas, client):
    b = _open(personas)
    response = _post(
        client,
        personas.budi,
        f"/api/v1/learning/batches/{b.pk}/enrolments",
        {"employee_id": personas.citra_employee.pk},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "employee_id", "message": "Pegawai tidak ditemukan."}]


def test_results_and_ledger_agree_with_the_closing(personas, client):
    e = _closed(personas)
    results = _get(client, personas.ani, f"/api/v1/learning/batches/{e.batch_id}/results").json()
    assert results["hours_jp"] == "4.00"
    assert [(p["nip"], p["sessions_attended"], p["completed"]) for p in results["participants"]] == [
        ("198005102005011003", 2, True)
    ]
    year = e.batch.end_date.year
    ledger = _get(
        client, personas.dodi, f"/api/v1/learning/employees/{personas.dodi_employee.pk}/jp?year={year}"
    ).json()
    assert (ledger["total"], ledger["target"], ledger["met"], ledger["by_route"]["classical"]) == (
        "4.00",
        "20",
        False,
        "4.00",
    )
    assert ledger["records"][0]["internal"] is True


def test_the_ledger_lists_those_behind_within_scope(personas, client):
    _closed(personas)
    data = _get(client, personas.fajar, "/api/v1/learning/jp-ledger?year=2026&behind=true").json()
    assert (data["count"], data["compliant"]) == (1, 0)
    assert [row["nip"] for row in data["items"]] == ["199203152019032004"]


def test_a_unit_outside_the_scope_is_a_404(personas, client):
    response = _get(client, personas.fajar, f"/api/v1/learning/jp-ledger?unit={personas.regency.dinkes.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Data tidak ditemukan.", "errors": []}
