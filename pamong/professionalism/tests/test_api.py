"""The IP ASN API: values, scoping and the error shape."""

import pytest

from pamong.accounts.services import token_create
from pamong.professionalism.models import RuleSet

pytestmark = [pytest.mark.django_db, pytest.mark.urls("pamong.professionalism.tests.api_urls")]


def call(client, user, method, url, body=None):  # type: ignore[no-untyped-def]
    _t, secret = token_create(actor=user, name="t")
    kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
    return getattr(client, method)(url, **kwargs, HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_an_employee_reads_their_result_with_its_facts_and_rule_set(measured, client):
    [result] = call(client, measured.dodi, "get", "/api/v1/ipasn/me").json()
    assert (result["year"], result["total"], result["category"], result["rule_set_version"]) == (
        2026,
        "90.00",
        "tinggi",
        1,
    )
    assert (result["kualifikasi"], result["kompetensi"], result["kinerja"], result["disiplin"]) == (
        "20.00",
        "40.00",
        "25.00",
        "5.00",
    )
    assert result["facts"] == {
        "status": "pns",
        "position_type": "administrator",
        "education_level": "S2",
        "leadership_training_matches_position": True,
        "functional_training_matches_position": None,
        "technical_jp_last_year": "24.00",
        "seminar_last_2_years": True,
        "predikat_last_year": "baik",
        "sanction_level": "none",
    }


def test_the_result_list_is_scoped_and_reports_missing_data(measured, client):
    data = call(client, measured.budi, "get", "/api/v1/ipasn/results").json()
    assert sorted((r["name"], r["state"], r["missing"]) for r in data["items"]) == [
        ("Dodi Pratama", "scored", []),
        ("Sri Wahyuni", "incomplete", ["predikat_last_year"]),
        ("Yanto", "excluded", []),
    ]
    mine = call(client, measured.citra, "get", "/api/v1/ipasn/results").json()
    assert [r["name"] for r in mine["items"]] == ["Citra Dewi"]
    scored = call(client, measured.eka, "get", "/api/v1/ipasn/results?state=scored").json()
    assert scored["count"] == 3


def test_a_unit_aggregate_has_means_categories_comparison_and_trend(measured, client):
    data = call(client, measured.eka, "get", f"/api/v1/ipasn/units/{measured.regency.root.pk}/aggregate").json()
    agg = data["aggregate"]
    assert (agg["scored"], agg["incomplete"], agg["excluded"], agg["mean_total"], agg["category"]) == (
        3,
        1,
        1,
        "85.00",
        "tinggi",
    )
    assert agg["means"] == {"kualifikasi": "20.00", "kompetensi": "31.67", "kinerja": "28.33", "disiplin": "5.00"}
    assert agg["lowest_dimension"] == "kompetensi"
    assert agg["categories"]["sangat_tinggi"] == 1 and agg["categories"]["rendah"] == 1
    assert {r["name"]: r["aggregate"]["mean_total"] for r in data["comparison"]} == {
        "Sekretariat Daerah": "100.00",
        "Dinas Kesehatan": "90.00",
        "Dinas Pendidikan": "65.00",
    }
    assert data["trend"] == {"2026": "85.00"}


def test_a_bkd_administrator_copies_and_edits_a_rule_set_with_errors_named_by_path(personas, client):
    copy = call(
        client,
        personas.ani,
        "post",
        f"/api/v1/ipasn/rule-sets/{RuleSet.objects.get(version=1).pk}/copy",
        {"name": "Uji", "effective_from": "2027-01-01"},
    )
    assert copy.status_code == 201
    body = copy.json()
    assert (body["version"], body["name"], body["locked"]) == (2, "Uji", False)
    document = dict(body["document"], include_pppk=False)
    patched = call(client, personas.ani, "patch", f"/api/v1/ipasn/rule-sets/{body['id']}", {"document": document})
    assert patched.status_code == 200 and patched.json()["document"]["include_pppk"] is False
    bad = dict(document, education_points=dict(document["education_points"], S3=40))
    refused = call(client, personas.ani, "patch", f"/api/v1/ipasn/rule-sets/{body['id']}", {"document": bad})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "document", "message": "education_points.S3: melebihi poin maksimum dimensinya (25.00)."}
    ]


def test_a_used_rule_set_cannot_be_patched(measured, client):
    response = call(
        client, measured.ani, "patch", f"/api/v1/ipasn/rule-sets/{RuleSet.objects.get(version=1).pk}", {"note": "x"}
    )
    assert response.status_code == 422
    assert "salin untuk membuat versi baru" in response.json()["errors"][0]["message"]


def test_a_measurement_started_through_the_api_runs_in_the_background(histories, client):
    response = call(client, histories.ani, "post", "/api/v1/ipasn/measurements", {"year": 2026, "as_of": "2026-12-31"})
    assert response.status_code == 202 and response.json()["status"] == "succeeded"  # the test backend runs at once
    listed = call(client, histories.ani, "get", "/api/v1/ipasn/measurements").json()
    assert [(m["year"], m["scored"], m["mean_total"]) for m in listed] == [(2026, 3, "85.00")]
