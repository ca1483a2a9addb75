"""Every API operation, every persona, with their own token: who gets in and who gets a 404.

The operations come from the OpenAPI document, so a new endpoint that is not
declared in ``OPERATIONS`` fails the suite until someone decides who may use it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pamong.accounts.models import ApiToken
from pamong.accounts.services import token_create
from pamong.api import api
from pamong.people.nip import build_nip
from pamong.tests.access_matrix import ApiOp as Op

PERSONAS = ("ani", "budi", "citra", "dodi", "eka", "fajar", "gita")
EVERYONE = set(PERSONAS)
WRITERS = {"ani", "budi"}


def _unit_body(p, who):  # type: ignore[no-untyped-def]
    return {
        "code": f"35.99.03.9{PERSONAS.index(who)}",
        "name": f"Unit {who}",
        "kind": "bidang",
        "parent_id": p.regency.dinkes.pk,
    }


def _employee_body(p, who):  # type: ignore[no-untyped-def]
    nip = build_nip(
        birth_date=dt.date(1991, 2, 3), start=dt.date(2016, 3, 1), sex="L", serial=500 + PERSONAS.index(who)
    )
    return {
        "nip": nip,
        "name": f"Pegawai {who}",
        "sex": "L",
        "birth_date": "1991-02-03",
        "status": "pns",
        "org_unit_id": p.regency.puskesmas.pk,
    }


OPERATIONS: dict[tuple[str, str], Op] = {
    ("GET", "/api/v1/me"): Op(EVERYONE, path=lambda p, who: "/api/v1/me"),
    ("GET", "/api/v1/tokens"): Op(EVERYONE, path=lambda p, who: "/api/v1/tokens"),
    # Only a browser session may mint tokens; with a token everyone is refused.
    ("POST", "/api/v1/tokens"): Op(
        set(), denied=403, path=lambda p, who: "/api/v1/tokens", body=lambda p, who: {"name": "x"}
    ),
    ("DELETE", "/api/v1/tokens/{token_id}"): Op(
        EVERYONE,
        ok=204,
        path=lambda p, who: f"/api/v1/tokens/{ApiToken.objects.get(user__username=who, name='spare').pk}",
    ),
    ("GET", "/api/v1/units"): Op(EVERYONE, path=lambda p, who: "/api/v1/units"),
    ("POST", "/api/v1/units"): Op(WRITERS, ok=201, path=lambda p, who: "/api/v1/units", body=_unit_body),
    ("GET", "/api/v1/units/{unit_id}"): Op(
        {"ani", "budi", "eka"}, path=lambda p, who: f"/api/v1/units/{p.regency.puskesmas.pk}"
    ),
    ("PATCH", "/api/v1/units/{unit_id}"): Op(
        WRITERS,
        path=lambda p, who: f"/api/v1/units/{p.regency.puskesmas.pk}",
        body=lambda p, who: {"name": f"Puskesmas {who}"},
    ),
    ("GET", "/api/v1/employees"): Op(EVERYONE, path=lambda p, who: "/api/v1/employees"),
    ("POST", "/api/v1/employees"): Op(WRITERS, ok=201, path=lambda p, who: "/api/v1/employees", body=_employee_body),
    ("GET", "/api/v1/employees/{employee_id}"): Op(
        {"ani", "budi", "eka"}, path=lambda p, who: f"/api/v1/employees/{p.nurse_employee.pk}"
    ),
    ("PATCH", "/api/v1/employees/{employee_id}"): Op(
        WRITERS,
        path=lambda p, who: f"/api/v1/employees/{p.nurse_employee.pk}",
        body=lambda p, who: {"birth_place": who},
    ),
}


def _all_operations() -> dict[tuple[str, str], Op]:
    """People's and accounts' operations, plus each app's ``tests/api_operations.py`` ``OPERATIONS``."""
    import importlib

    from django.apps import apps

    merged = dict(OPERATIONS)
    for config in apps.get_app_configs():
        if config.name.startswith("pamong."):
            try:
                merged.update(importlib.import_module(f"{config.name}.tests.api_operations").OPERATIONS)
            except ModuleNotFoundError:
                continue
    return merged


ALL_OPERATIONS = _all_operations()


def test_every_api_operation_declares_who_may_use_it():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    found = {
        (method.upper(), "/api/v1" + path.removeprefix("/api/v1"))
        for path, item in schema["paths"].items()
        for method in item
    }
    assert found == set(ALL_OPERATIONS)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(ALL_OPERATIONS), ids=lambda k: f"{k[0]} {k[1]}")
def test_api_access_matrix(key, personas, client):
    op = ALL_OPERATIONS[key]
    method = key[0].lower()
    results, expected = {}, {}
    for who in PERSONAS:
        user = getattr(personas, who)
        _t, secret = token_create(actor=user, name="test")
        token_create(actor=user, name="spare")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
        body = op.body(personas, who) if op.body else None
        kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
        response = getattr(client, method)(op.path(personas, who), **kwargs, **headers)
        results[who] = response.status_code
        expected[who] = op.ok if who in op.allowed else op.denied
    anonymous = getattr(client, method)(op.path(personas, "ani"))
    results["anonymous"], expected["anonymous"] = anonymous.status_code, op.anonymous
    assert results == expected
