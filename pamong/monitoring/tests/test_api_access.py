"""Every monev API operation, every persona with their own token (against a test API with the router mounted).

The same table (``api_operations.ALL_OPERATIONS``) feeds the site-wide matrix
once ``pamong/api.py`` mounts the router."""

from __future__ import annotations

import pytest

from pamong.accounts.services import token_create

from .api_operations import ALL_OPERATIONS, PERSONAS
from .api_urls import test_api

pytestmark = pytest.mark.urls("pamong.monitoring.tests.api_urls")


def test_every_monev_operation_declares_who_may_use_it():
    schema = test_api.get_openapi_schema(path_prefix="/api/v1/")
    found = {
        (method.upper(), "/api/v1" + path.removeprefix("/api/v1"))
        for path, item in schema["paths"].items()
        for method in item
        if "/monev/" in path
    }
    assert found == set(ALL_OPERATIONS)


@pytest.mark.parametrize("key", sorted(ALL_OPERATIONS), ids=lambda k: f"{k[0]} {k[1]}")
def test_monev_api_access_matrix(key, personas, client):
    op = ALL_OPERATIONS[key]
    method = key[0].lower()
    results, expected = {}, {}
    for who in PERSONAS:
        _t, secret = token_create(actor=getattr(personas, who), name="test")
        body = op.body(personas, who) if op.body else None
        kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
        response = getattr(client, method)(op.path(personas, who), **kwargs, HTTP_AUTHORIZATION=f"Bearer {secret}")
        results[who] = response.status_code
        expected[who] = op.ok if who in op.allowed else op.denied
    results["anonymous"] = getattr(client, method)(op.path(personas, "ani")).status_code
    expected["anonymous"] = op.anonymous
    assert results == expected
