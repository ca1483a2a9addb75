"""The monev API: the same rules as the web, in the API's one error shape."""

from __future__ import annotations

import datetime as dt

import pytest

from pamong.accounts.services import token_create
from pamong.monitoring.models import PlanItem, Realisation

from .conftest import JAKARTA

pytestmark = pytest.mark.urls("pamong.monitoring.tests.api_urls")


@pytest.fixture
def api(client):
    """``api(user).get(path)`` etc. with that user's API token."""

    class Caller:
        def __init__(self, user):
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token_create(actor=user, name='uji')[1]}"}

        def get(self, path, **params):
            return client.get(path, params, **self.headers)

        def send(self, method, path, body=None):
            return getattr(client, method)(path, body or {}, content_type="application/json", **self.headers)

    return Caller


def test_lists_are_scoped_like_the_web(plan, personas, api):
    budi = api(personas.budi).get("/api/v1/monev/plan-items", year=2026).json()
    assert [i["code"] for i in budi["items"]] == ["1.02.02", "1.02.02.2.02", "1.02.02.2.02.0001"]
    fajar = api(personas.fajar).get("/api/v1/monev/plan-items", year=2026).json()
    assert [i["code"] for i in fajar["items"]] == ["1.01.02"]
    assert fajar["items"][0]["indicators"][0]["target"] == "98.0000"


def test_the_official_enters_and_submits_a_quarter_and_the_planning_staff_verify_it(plan, personas, api):
    put = api(personas.dodi).send(
        "put",
        f"/api/v1/monev/plan-items/{plan.sub_activity.pk}/quarters/1",
        {
            "values": [{"indicator_id": plan.output.pk, "value": 20}],
            "budget_spent": "125000000",
            "obstacles": "Hujan",
            "submit": True,
        },
    )
    assert put.status_code == 200, put.json()
    body = put.json()
    assert (body["status"], body["values"][0]["value"], body["budget_spent"], body["obstacles"]) == (
        "submitted",
        "20.0000",
        "125000000.00",
        "Hujan",
    )
    verified = api(personas.budi).send("post", f"/api/v1/monev/realisations/{body['id']}/verify")
    assert verified.json()["status"] == "verified"
    evaluation = api(personas.eka).get("/api/v1/monev/evaluation", opd=personas.regency.dinkes.pk, year=2026, quarter=1)
    sub = next(i for i in evaluation.json()["items"] if i["code"] == "1.02.02.2.02.0001")
    assert (sub["absorption"], sub["indicators"][0]["achievement"], sub["indicators"][0]["band"]) == (
        "25.00",
        "20.00",
        "sangat_rendah",
    )


def test_the_submitter_may_not_verify_the_own_report(plan, personas, api, enter):
    report = enter(1, 20, 1, by=personas.budi)
    caller = api(personas.budi)
    assert caller.send("post", f"/api/v1/monev/realisations/{report.pk}/submit").status_code == 200
    refused = caller.send("post", f"/api/v1/monev/realisations/{report.pk}/verify")
    assert refused.status_code == 422
    assert refused.json() == {
        "detail": "Data tidak dapat disimpan; periksa isian berikut.",
        "errors": [{"field": None, "message": "Anda yang mengajukan realisasi ini; verifikasi harus oleh orang lain."}],
    }


def test_a_locked_quarter_is_refused_in_the_error_shape(plan, personas, api, clock):
    clock.move_to(dt.datetime(2026, 4, 11, 9, 0, tzinfo=JAKARTA))
    response = api(personas.dodi).send(
        "put",
        f"/api/v1/monev/plan-items/{plan.programme.pk}/quarters/1",
        {"values": [{"indicator_id": plan.outcome.pk, "value": 70}]},
    )
    assert response.status_code == 422
    assert "sudah dikunci sejak batas waktu 10-04-2026" in response.json()["errors"][0]["message"]
    assert not Realisation.objects.exists()


def test_structure_errors_name_the_api_field(plan, personas, api):
    response = api(personas.budi).send(
        "post",
        "/api/v1/monev/plan-items",
        {
            "opd_id": personas.regency.dinkes.pk,
            "year": 2026,
            "level": "kegiatan",
            "parent_id": plan.programme.pk,
            "code": "9.99.99.2.01",
            "name": "Salah kode",
            "responsible_official_id": personas.citra_employee.pk,
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "responsible_official_id", "message": "Pegawai tidak ditemukan di OPD ini."}
    ]
    response = api(personas.budi).send(
        "post",
        "/api/v1/monev/plan-items",
        {
            "opd_id": personas.regency.dinkes.pk,
            "year": 2026,
            "level": "kegiatan",
            "parent_id": plan.programme.pk,
            "code": "9.99.99.2.01",
            "name": "Salah kode",
        },
    )
    assert response.json()["errors"] == [{"field": "code", "message": "Kode harus diawali kode induknya (1.02.02.)."}]
    assert not PlanItem.objects.filter(code="9.99.99.2.01").exists()


def test_an_indicator_with_a_revised_target_is_added_and_changed(plan, personas, api):
    caller = api(personas.budi)
    created = caller.send(
        "post",
        f"/api/v1/monev/plan-items/{plan.activity.pk}/indicators",
        {"name": "Cakupan layanan", "unit_of_measure": "%", "cumulative": False, "target": "90"},
    )
    assert created.status_code == 201
    changed = caller.send("patch", f"/api/v1/monev/indicators/{created.json()['id']}", {"revised_target": "85.5"})
    assert (changed.json()["target"], changed.json()["revised_target"]) == ("90.0000", "85.5000")


def test_warnings_are_listed_in_scope(plan, personas, api):
    from pamong.monitoring.early_warning import warnings_run

    warnings_run(day=dt.date(2026, 4, 1))
    budi = api(personas.budi).get("/api/v1/monev/warnings", year=2026, quarter=1).json()
    fajar = api(personas.fajar).get("/api/v1/monev/warnings", year=2026, quarter=1).json()
    assert {w["opd_id"] for w in budi["items"]} == {personas.regency.dinkes.pk}
    assert [w["indicator_id"] for w in fajar["items"]] == [plan.dindik_outcome.pk]
    assert fajar["items"][0]["reached"] is None
