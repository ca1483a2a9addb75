"""Employees through the API: scoped list with filters, profile, create and update through the services."""

import datetime as dt
import json

import pytest

from pamong.accounts.services import token_create
from pamong.conftest import make_employee
from pamong.core.models import AuditEntry
from pamong.people.models import (
    EducationRecord,
    Employee,
    PerformanceRecord,
    Position,
    PositionType,
    SanctionRecord,
    TrainingRecord,
)
from pamong.people.nip import build_nip

pytestmark = pytest.mark.django_db


def as_user(client, user):  # type: ignore[no-untyped-def]
    _t, secret = token_create(actor=user, name="test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


def names(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [e["name"] for e in response.json()["items"]]


def new_employee(personas, **overrides):  # type: ignore[no-untyped-def]
    """A valid body for a new PNS nurse at Puskesmas Kota."""
    body = {
        "nip": "199001012015032002",
        "name": "Rina Marlina",
        "back_title": "S.Kep.",
        "sex": "P",
        "birth_date": "1990-01-01",
        "status": "pns",
        "golongan": "III/b",
        "org_unit_id": personas.regency.puskesmas.pk,
        "position_id": Position.objects.get(name="Perawat Terampil").pk,
    }
    return body | overrides


# --- Reading ------------------------------------------------------------------------------------------------


def test_list_is_ordered_by_name_with_unit_and_position(personas, client):
    response = as_user(client, personas.eka).get("/api/v1/employees")
    assert names(response) == ["Citra Dewi", "Dodi Pratama", "Eka Wijaya", "Sri Wahyuni"]
    dodi = response.json()["items"][1]
    assert dodi == {
        "id": personas.dodi_employee.pk,
        "nip": "198005102005011003",
        "name": "Dodi Pratama",
        "full_name": "Dodi Pratama",
        "status": "pns",
        "golongan": "IV/a",
        "org_unit": {
            "id": personas.regency.dinkes_bidang.pk,
            "code": "35.99.03.01",
            "name": "Bidang Pelayanan Kesehatan",
        },
        "position": {
            "id": personas.dodi_employee.position_id,
            "name": "Kepala Bidang Pelayanan Kesehatan",
            "position_type": "administrator",
            "functional_level": "",
            "eselon": "III",
        },
        "is_active": True,
    }


def test_search_by_nip_prefix_or_part_of_the_name(personas, client):
    api = as_user(client, personas.ani)
    assert names(api.get("/api/v1/employees?q=19920315")) == ["Citra Dewi"]
    assert names(api.get("/api/v1/employees?q=wahyu")) == ["Sri Wahyuni"]
    assert names(api.get("/api/v1/employees?q=1999")) == []


def test_filters_by_unit_subtree_status_golongan_position_type_and_activity(personas, client):
    api = as_user(client, personas.ani)
    r = personas.regency
    assert names(api.get(f"/api/v1/employees?unit={r.dinkes.pk}")) == ["Dodi Pratama", "Sri Wahyuni"]
    assert names(api.get(f"/api/v1/employees?unit={r.puskesmas.pk}")) == ["Sri Wahyuni"]
    assert names(api.get("/api/v1/employees?unit=999999")) == []
    assert names(api.get("/api/v1/employees?status=pppk")) == ["Sri Wahyuni"]
    assert names(api.get("/api/v1/employees?golongan=IV/d")) == ["Eka Wijaya"]
    assert names(api.get("/api/v1/employees?position_type=fungsional")) == ["Citra Dewi", "Sri Wahyuni"]
    Employee.objects.filter(pk=personas.eka_employee.pk).update(is_active=False, inactive_reason="retired")
    assert names(api.get("/api/v1/employees?active=false")) == ["Eka Wijaya"]
    assert "Eka Wijaya" not in names(api.get("/api/v1/employees?active=true"))
    assert len(names(api.get("/api/v1/employees"))) == 4  # no filter: active and inactive


def test_filters_never_widen_the_callers_scope(personas, client):
    api = as_user(client, personas.budi)
    assert names(api.get(f"/api/v1/employees?unit={personas.regency.dindik.pk}")) == []
    assert names(api.get("/api/v1/employees?q=citra")) == []


def test_list_is_paginated_with_a_total_count(personas, client):
    api = as_user(client, personas.ani)
    page = api.get("/api/v1/employees?limit=2&offset=1").json()
    assert (page["count"], page["limit"], page["offset"]) == (4, 2, 1)
    assert [e["name"] for e in page["items"]] == ["Dodi Pratama", "Eka Wijaya"]
    assert api.get("/api/v1/employees?offset=10").json()["items"] == []
    assert api.get("/api/v1/employees?limit=501").status_code == 422


def test_list_query_count_does_not_grow_with_the_page(personas, client, django_assert_max_num_queries):
    api = as_user(client, personas.budi)
    unit = personas.regency.puskesmas
    positions = [
        Position.objects.create(name=f"Jabatan {i}", position_type=PositionType.PELAKSANA, org_unit=unit)
        for i in range(5)
    ]
    for i in range(60):
        nip = build_nip(birth_date=dt.date(1985, 1, 1 + i % 28), start=dt.date(2010, 3, 1), sex="L", serial=100 + i)
        make_employee(unit, name=f"Pegawai {i:02d}", nip=nip, position=positions[i % 5])
    # token lookup, last-used update, role assignments, subtree ids (2), count, page
    with django_assert_max_num_queries(7):
        response = api.get("/api/v1/employees?limit=60")
    assert len(response.json()["items"]) == 60 and response.json()["count"] == 62


def test_profile_includes_histories_and_nothing_private(personas, client):
    nurse = personas.nurse_employee
    EducationRecord.objects.create(
        employee=nurse, level="D3", institution="Poltekkes Malang", major="Keperawatan", graduation_year=2016
    )
    TrainingRecord.objects.create(
        employee=nurse,
        kind="workshop",
        name="Pelayanan Prima",
        start_date=dt.date(2025, 5, 1),
        end_date=dt.date(2025, 5, 3),
        hours_jp="24.00",
    )
    SanctionRecord.objects.create(employee=nurse, level="ringan", kind="Teguran lisan", start_date=dt.date(2024, 1, 2))
    PerformanceRecord.objects.create(employee=nurse, year=2025, predikat="baik")
    response = as_user(client, personas.budi).get(f"/api/v1/employees/{nurse.pk}")
    assert response.status_code == 200
    body = response.json()
    assert (body["nip"], body["sex"], body["birth_date"], body["pangkat"]) == (
        "199512122022212001",
        "P",
        "1995-12-12",
        "",
    )
    assert body["education"] == [
        {"level": "D3", "institution": "Poltekkes Malang", "major": "Keperawatan", "graduation_year": 2016}
    ]
    assert body["trainings"][0] | {} == {
        "kind": "workshop",
        "name": "Pelayanan Prima",
        "organizer": "",
        "start_date": "2025-05-01",
        "end_date": "2025-05-03",
        "hours_jp": "24.00",
        "certificate_number": "",
        "leadership_level": "",
    }
    assert body["sanctions"][0]["kind"] == "Teguran lisan"
    assert body["performance"] == [{"year": 2025, "predikat": "baik"}]
    text = json.dumps(body)
    assert "user" not in body and "password" not in text and "created_at" not in body


def test_employee_sees_her_own_profile_only(personas, client):
    api = as_user(client, personas.citra)
    assert api.get(f"/api/v1/employees/{personas.citra_employee.pk}").json()["name"] == "Citra Dewi"
    assert api.get(f"/api/v1/employees/{personas.nurse_employee.pk}").status_code == 404


# --- Creating -----------------------------------------------------------------------------------------------


def test_operator_adds_an_employee_and_it_is_audited_as_api(personas, client):
    response = as_user(client, personas.budi).post(
        "/api/v1/employees", new_employee(personas), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["full_name"], body["pangkat"], body["org_unit"]["code"]) == (
        "Rina Marlina, S.Kep.",
        "Penata Muda Tingkat I",
        "35.99.03.01.01",
    )
    employee = Employee.objects.get(nip="199001012015032002")
    entry = AuditEntry.objects.get(action="people.employee.created")
    assert (entry.source, entry.actor_id, entry.object_id) == ("api", personas.budi.pk, str(employee.pk))
    assert entry.changes["name"] == [None, "Rina Marlina"]


def test_birth_date_disagreeing_with_the_nip_is_reported_on_its_field(personas, client):
    body = new_employee(personas, birth_date="1990-01-02", sex="L")
    response = as_user(client, personas.budi).post("/api/v1/employees", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Data tidak dapat disimpan; periksa isian berikut.",
        "errors": [
            {"field": "birth_date", "message": "Tanggal lahir tidak sama dengan tanggal lahir dalam NIP (01-01-1990)."},
            {"field": "sex", "message": "Jenis kelamin tidak sama dengan digit jenis kelamin dalam NIP."},
        ],
    }
    assert not Employee.objects.filter(nip=body["nip"]).exists()


def test_nip_and_golongan_rules_come_from_the_service(personas, client):
    api = as_user(client, personas.budi)
    short = api.post("/api/v1/employees", new_employee(personas, nip="1990"), content_type="application/json")
    assert short.json()["errors"] == [{"field": "nip", "message": "NIP harus 18 digit (tertulis 4 digit)."}]
    pppk_golongan = api.post(
        "/api/v1/employees", new_employee(personas, golongan="VII"), content_type="application/json"
    )
    assert pppk_golongan.json()["errors"] == [
        {"field": "golongan", "message": "Golongan VII tidak berlaku untuk status PNS."}
    ]
    taken = api.post(
        "/api/v1/employees",
        new_employee(personas, nip="199512122022212001", birth_date="1995-12-12", status="pppk", golongan="VII"),
        content_type="application/json",
    )
    assert taken.json()["errors"] == [{"field": "nip", "message": "NIP 199512122022212001 sudah terdaftar."}]


def test_unit_and_position_outside_write_scope_look_missing(personas, client):
    api = as_user(client, personas.budi)
    guru = Position.objects.get(name="Guru Ahli Pertama")
    body = new_employee(personas, org_unit_id=personas.regency.dindik_bidang.pk, position_id=guru.pk)
    response = api.post("/api/v1/employees", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "org_unit_id", "message": "Unit tidak ditemukan."},
        {"field": "position_id", "message": "Jabatan tidak ditemukan."},
    ]


def test_position_of_another_unit_is_reported_on_position_id(personas, client):
    kabid = Position.objects.get(name="Kepala Bidang Pelayanan Kesehatan")
    body = new_employee(personas, position_id=kabid.pk)
    response = as_user(client, personas.budi).post("/api/v1/employees", body, content_type="application/json")
    assert response.json()["errors"] == [
        {"field": "position_id", "message": "Jabatan ini milik unit lain (Bidang Pelayanan Kesehatan)."}
    ]


@pytest.mark.parametrize("persona", ["eka", "fajar", "citra", "dodi", "gita"])
def test_people_without_write_scope_cannot_add_employees(personas, client, persona):
    api = as_user(client, getattr(personas, persona))
    response = api.post("/api/v1/employees", new_employee(personas), content_type="application/json")
    assert response.status_code == 404
    assert not Employee.objects.filter(nip="199001012015032002").exists()


# --- Updating -----------------------------------------------------------------------------------------------


def test_operator_patches_only_the_fields_sent(personas, client):
    nurse = personas.nurse_employee
    api = as_user(client, personas.budi)
    response = api.patch(
        f"/api/v1/employees/{nurse.pk}", {"golongan": "IX", "birth_place": "Blitar"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["golongan"], response.json()["birth_place"], response.json()["name"]) == (
        "IX",
        "Blitar",
        "Sri Wahyuni",
    )
    entry = AuditEntry.objects.get(action="people.employee.updated")
    assert entry.source == "api" and entry.changes == {"birth_place": ["", "Blitar"], "golongan": ["VII", "IX"]}


def test_empty_patch_changes_nothing_and_writes_no_audit(personas, client):
    api = as_user(client, personas.budi)
    response = api.patch(f"/api/v1/employees/{personas.nurse_employee.pk}", {}, content_type="application/json")
    assert response.status_code == 200 and response.json()["name"] == "Sri Wahyuni"
    assert not AuditEntry.objects.filter(action__startswith="people.employee.").exists()


def test_transfer_within_scope_is_audited_and_outside_scope_is_refused(personas, client):
    nurse, r = personas.nurse_employee, personas.regency
    api = as_user(client, personas.budi)
    away = api.patch(
        f"/api/v1/employees/{nurse.pk}",
        {"org_unit_id": r.dindik.pk, "position_id": None},
        content_type="application/json",
    )
    assert away.status_code == 422
    assert away.json()["errors"] == [{"field": "org_unit_id", "message": "Unit tidak ditemukan."}]
    moved = api.patch(
        f"/api/v1/employees/{nurse.pk}",
        {"org_unit_id": r.dinkes_bidang.pk, "position_id": None},
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["org_unit"]["id"] == r.dinkes_bidang.pk
    assert AuditEntry.objects.get(action="people.employee.transferred").source == "api"


def test_deactivation_needs_a_reason(personas, client):
    api = as_user(client, personas.budi)
    url = f"/api/v1/employees/{personas.nurse_employee.pk}"
    missing = api.patch(url, {"is_active": False}, content_type="application/json")
    assert missing.json()["errors"] == [{"field": "inactive_reason", "message": "Pilih alasan pegawai tidak aktif."}]
    done = api.patch(
        url,
        {"is_active": False, "inactive_reason": "moved", "inactive_since": "2026-11-01"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["inactive_reason"] == "moved"
    assert AuditEntry.objects.get(action="people.employee.deactivated").source == "api"


def test_supervisor_must_be_someone_the_caller_can_see(personas, client):
    api = as_user(client, personas.budi)
    url = f"/api/v1/employees/{personas.nurse_employee.pk}"
    hidden = api.patch(url, {"supervisor_override_id": personas.citra_employee.pk}, content_type="application/json")
    assert hidden.json()["errors"] == [
        {"field": "supervisor_override_id", "message": "Pegawai atasan tidak ditemukan."}
    ]
    itself = api.patch(url, {"supervisor_override_id": personas.nurse_employee.pk}, content_type="application/json")
    assert itself.json()["errors"] == [
        {"field": "supervisor_override_id", "message": "Pegawai tidak dapat menjadi atasan dirinya sendiri."}
    ]
    ok = api.patch(url, {"supervisor_override_id": personas.dodi_employee.pk}, content_type="application/json")
    assert ok.json()["supervisor_override_id"] == personas.dodi_employee.pk
    cleared = api.patch(url, {"supervisor_override_id": None}, content_type="application/json")
    assert cleared.json()["supervisor_override_id"] is None


def test_required_fields_cannot_be_patched_to_null_and_email_is_checked(personas, client):
    api = as_user(client, personas.budi)
    response = api.patch(
        f"/api/v1/employees/{personas.nurse_employee.pk}",
        {"name": None, "org_unit_id": None, "email_gov": "bukan-email", "golongan": "X/z"},
        content_type="application/json",
    )
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors.pop("golongan").startswith("Pilihan tidak dikenal; pilih salah satu: '', 'I/a', 'I/b'")
    assert errors == {
        "name": "Harus berupa teks.",
        "org_unit_id": "Harus berupa bilangan bulat.",
        "email_gov": "Alamat email tidak sah.",
    }


def test_leader_reads_everyone_but_patching_looks_like_not_found(personas, client):
    api = as_user(client, personas.eka)
    url = f"/api/v1/employees/{personas.nurse_employee.pk}"
    assert api.get(url).status_code == 200
    response = api.patch(url, {"name": "Diubah"}, content_type="application/json")
    assert (response.status_code, response.json()) == (404, {"detail": "Data tidak ditemukan.", "errors": []})
    assert Employee.objects.get(pk=personas.nurse_employee.pk).name == "Sri Wahyuni"


def test_employee_cannot_edit_her_own_record(personas, client):
    api = as_user(client, personas.citra)
    response = api.patch(
        f"/api/v1/employees/{personas.citra_employee.pk}", {"name": "Citra D."}, content_type="application/json"
    )
    assert response.status_code == 404
