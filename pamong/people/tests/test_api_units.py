"""Org units through the API: list with filters, detail, create and update within the caller's write scope."""

import pytest

from pamong.accounts.services import token_create
from pamong.core.models import AuditEntry
from pamong.people.models import OrgUnit, Position

pytestmark = pytest.mark.django_db


def as_user(client, user):  # type: ignore[no-untyped-def]
    _t, secret = token_create(actor=user, name="test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


def codes(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [u["code"] for u in response.json()["items"]]


def test_operator_lists_only_their_subtree_ordered_by_code(personas, client):
    api = as_user(client, personas.budi)
    assert codes(api.get("/api/v1/units")) == ["35.99.03", "35.99.03.01", "35.99.03.01.01"]


def test_leader_of_the_regency_lists_every_unit(personas, client):
    response = as_user(client, personas.eka).get("/api/v1/units")
    assert response.json()["count"] == OrgUnit.objects.count() == 8


def test_units_filter_by_parent_kind_and_name_or_code(personas, client):
    api = as_user(client, personas.ani)
    r = personas.regency
    assert codes(api.get(f"/api/v1/units?parent={r.root.pk}")) == ["35.99.01", "35.99.02", "35.99.03", "35.99.04"]
    assert codes(api.get("/api/v1/units?kind=bidang")) == ["35.99.03.01", "35.99.04.01"]
    assert codes(api.get("/api/v1/units?q=puskes")) == ["35.99.03.01.01"]
    assert codes(api.get("/api/v1/units?q=35.99.04")) == ["35.99.04", "35.99.04.01"]
    assert codes(api.get(f"/api/v1/units?parent={r.root.pk}&kind=dinas&q=sehat")) == ["35.99.03"]


def test_units_are_paginated(personas, client):
    page = as_user(client, personas.ani).get("/api/v1/units?limit=3&offset=2").json()
    assert (page["count"], page["limit"], page["offset"]) == (8, 3, 2)
    assert [u["code"] for u in page["items"]] == ["35.99.02", "35.99.03", "35.99.03.01"]


def test_unit_detail_outside_scope_is_404(personas, client):
    api = as_user(client, personas.budi)
    detail = api.get(f"/api/v1/units/{personas.regency.puskesmas.pk}").json()
    assert detail == {
        "id": personas.regency.puskesmas.pk,
        "code": "35.99.03.01.01",
        "name": "Puskesmas Kota",
        "kind": "puskesmas",
        "parent_id": personas.regency.dinkes_bidang.pk,
        "opd_id": personas.regency.dinkes.pk,
        "head_position_id": None,
        "active_from": None,
        "active_until": None,
    }
    assert api.get(f"/api/v1/units/{personas.regency.dindik.pk}").status_code == 404


def test_operator_creates_a_unit_under_their_subtree(personas, client):
    api = as_user(client, personas.budi)
    payload = {
        "code": "35.99.03.02",
        "name": "Bidang Pencegahan Penyakit",
        "kind": "bidang",
        "parent_id": personas.regency.dinkes.pk,
        "active_from": "2027-01-01",
    }
    response = api.post("/api/v1/units", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["code"], body["opd_id"], body["active_from"]) == (
        "35.99.03.02",
        personas.regency.dinkes.pk,
        "2027-01-01",
    )
    entry = AuditEntry.objects.get(action="people.unit.created")
    assert (entry.source, entry.actor_id, entry.object_id) == ("api", personas.budi.pk, str(body["id"]))


def test_operator_cannot_create_under_another_opd(personas, client):
    payload = {"code": "35.99.04.02", "name": "Bidang X", "kind": "bidang", "parent_id": personas.regency.dindik.pk}
    response = as_user(client, personas.budi).post("/api/v1/units", payload, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "parent_id", "message": "Unit tidak ditemukan."}]
    assert not OrgUnit.objects.filter(code="35.99.04.02").exists()


@pytest.mark.parametrize("persona", ["eka", "fajar", "citra", "gita"])
def test_readers_and_plain_users_cannot_create_units(personas, client, persona):
    payload = {"code": "35.99.09", "name": "X", "kind": "dinas", "parent_id": personas.regency.root.pk}
    response = as_user(client, getattr(personas, persona)).post(
        "/api/v1/units", payload, content_type="application/json"
    )
    assert response.status_code == 404
    assert not OrgUnit.objects.filter(code="35.99.09").exists()


def test_operator_renames_a_unit_and_it_is_audited(personas, client):
    api = as_user(client, personas.budi)
    unit = personas.regency.puskesmas
    response = api.patch(f"/api/v1/units/{unit.pk}", {"name": "Puskesmas Kota Baru"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["name"] == "Puskesmas Kota Baru"
    unit.refresh_from_db()
    assert (unit.name, unit.code) == ("Puskesmas Kota Baru", "35.99.03.01.01")
    entry = AuditEntry.objects.get(action="people.unit.updated")
    assert entry.source == "api" and entry.changes == {"name": ["Puskesmas Kota", "Puskesmas Kota Baru"]}


def test_moving_a_unit_needs_write_access_to_the_new_parent(personas, client):
    api = as_user(client, personas.budi)
    r = personas.regency
    away = api.patch(f"/api/v1/units/{r.puskesmas.pk}", {"parent_id": r.dindik.pk}, content_type="application/json")
    assert away.status_code == 422
    assert away.json()["errors"] == [{"field": "parent_id", "message": "Unit tidak ditemukan."}]
    loop = api.patch(f"/api/v1/units/{r.dinkes.pk}", {"parent_id": r.puskesmas.pk}, content_type="application/json")
    assert loop.json()["errors"] == [
        {"field": "parent_id", "message": "Unit tidak dapat dipindah ke bawah dirinya sendiri."}
    ]
    moved = api.patch(f"/api/v1/units/{r.puskesmas.pk}", {"parent_id": r.dinkes.pk}, content_type="application/json")
    assert moved.status_code == 200 and moved.json()["parent_id"] == r.dinkes.pk
    assert AuditEntry.objects.get(action="people.unit.moved").source == "api"


def test_head_position_must_belong_to_the_unit(personas, client):
    api = as_user(client, personas.budi)
    r = personas.regency
    perawat = Position.objects.get(name="Perawat Terampil")  # in Puskesmas Kota
    wrong = api.patch(f"/api/v1/units/{r.dinkes.pk}", {"head_position_id": perawat.pk}, content_type="application/json")
    assert wrong.json()["errors"] == [
        {"field": "head_position_id", "message": "Jabatan kepala harus jabatan di unit ini."}
    ]
    guru = Position.objects.get(name="Guru Ahli Pertama")  # outside Budi's scope
    hidden = api.patch(f"/api/v1/units/{r.dinkes.pk}", {"head_position_id": guru.pk}, content_type="application/json")
    assert hidden.json()["errors"] == [{"field": "head_position_id", "message": "Jabatan tidak ditemukan."}]
    ok = api.patch(f"/api/v1/units/{r.puskesmas.pk}", {"head_position_id": perawat.pk}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["head_position_id"] == perawat.pk


def test_required_unit_fields_cannot_be_patched_to_null(personas, client):
    api = as_user(client, personas.ani)
    response = api.patch(
        f"/api/v1/units/{personas.regency.puskesmas.pk}",
        {"name": None, "parent_id": None},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"name", "parent_id"}


def test_leader_can_read_a_unit_but_not_change_it(personas, client):
    api = as_user(client, personas.eka)
    unit = personas.regency.puskesmas
    assert api.get(f"/api/v1/units/{unit.pk}").status_code == 200
    assert api.patch(f"/api/v1/units/{unit.pk}", {"name": "X"}, content_type="application/json").status_code == 404
    unit.refresh_from_db()
    assert unit.name == "Puskesmas Kota"
