"""Every learning API operation, every persona, with their own token (the same table the project-wide
API matrix walks once the router is mounted in pamong/api.py)."""

import pytest

from pamong.accounts.services import token_create

from .api_operations import ALL_OPERATIONS

PERSONAS = ("ani", "budi", "citra", "dodi", "eka", "fajar", "gita")
pytestmark = [pytest.mark.django_db, pytest.mark.urls("pamong.learning.tests.api_urls")]


@pytest.mark.parametrize("key", sorted(ALL_OPERATIONS), ids=lambda k: f"{k[0]} {k[1]}")
def test_learning_api_access_matrix(key, personas, client):
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
    anonymous = getattr(client, method)(op.path(personas, "ani"))
    results["anonymous"], expected["anonymous"] = anonymous.status_code, op.anonymous
    assert results == expected
