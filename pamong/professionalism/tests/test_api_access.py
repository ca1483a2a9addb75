"""Every IP ASN API operation with every persona's own token, on the test API until the router is mounted."""

import pytest

from pamong.accounts.services import token_create

from .api_operations import ALL_OPERATIONS
from .api_urls import mounted_in_project

PERSONAS = ("ani", "budi", "citra", "dodi", "eka", "fajar", "gita")

pytestmark = [pytest.mark.django_db, pytest.mark.urls("pamong.professionalism.tests.api_urls")]


def test_every_operation_of_the_router_is_declared():
    from pamong.professionalism.api import router

    found = {
        (method, "/api/v1" + path.replace("{int:", "{"))
        for path, view in router.path_operations.items()
        for operation in view.operations
        for method in operation.methods
    }
    assert found == set(ALL_OPERATIONS)


@pytest.mark.skipif(mounted_in_project(), reason="pamong/people/tests/test_api_access.py walks them once mounted")
@pytest.mark.parametrize("key", sorted(ALL_OPERATIONS), ids=lambda k: f"{k[0]} {k[1]}")
def test_api_access_matrix(key, personas, client):
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
