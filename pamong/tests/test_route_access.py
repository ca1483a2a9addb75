"""Every pamong route, every persona: who gets in and who gets a 404.

The test walks the URL resolver. A pamong view that is not declared in
``ROUTES`` fails the suite, so a new route cannot ship without an access rule.
Third-party routes (allauth, Django admin, i18n) are covered by their own tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = ("anonymous", "ani", "budi", "citra", "dodi", "eka", "fajar", "gita")
READERS = {"ani", "budi", "eka", "fajar"}
WRITERS = {"ani", "budi"}
LOGGED_IN = set(PERSONAS) - {"anonymous"}


@dataclass
class Route:
    allowed: set[str]
    args: Callable[[object], list] = field(default=lambda p: [])
    ok: int = 200
    anonymous: int = 302  # to the log-in page


def _job_for_ani(p):  # type: ignore[no-untyped-def]
    from pamong.core.models import Job

    return [Job.objects.create(kind="test", created_by=p.ani).pk]


ROUTES: dict[str, Route] = {
    "home": Route(LOGGED_IN),
    "health": Route(set(PERSONAS), anonymous=200),
    "job_detail": Route({"ani"}, args=_job_for_ani),
    "unit_tree": Route(READERS),
    "unit_create": Route(WRITERS),
    "unit_detail": Route({"ani", "budi", "eka"}, args=lambda p: [p.regency.dinkes.pk]),
    "unit_edit": Route(WRITERS, args=lambda p: [p.regency.dinkes.pk]),
    "employee_list": Route(READERS),
    "employee_create": Route(WRITERS),
    "employee_detail": Route({"ani", "budi", "eka"}, args=lambda p: [p.nurse_employee.pk]),
    "employee_edit": Route(WRITERS, args=lambda p: [p.nurse_employee.pk]),
    "history_add": Route(WRITERS, args=lambda p: [p.nurse_employee.pk, "training"]),
    "audit_log": Route({"ani"}),
    "import_upload": Route(WRITERS),
    "api_tokens": Route(LOGGED_IN),
}


def _pamong_routes(patterns=None, prefix: str = "") -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(name, module) of every named route whose view is pamong's own."""
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{entry.namespace}:" if entry.namespace else ""
            found += _pamong_routes(entry.url_patterns, prefix + ns)
        elif isinstance(entry, URLPattern) and entry.name:
            module = getattr(entry.callback, "__module__", "")
            if module.startswith("pamong.") and not prefix.startswith("api"):
                found.append((prefix + entry.name, module))
    return found


def test_every_pamong_route_declares_who_may_use_it():
    undeclared = sorted(name for name, _ in _pamong_routes() if name not in ROUTES)
    assert not undeclared, f"routes without an access rule in ROUTES: {undeclared}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_access_matrix(name, personas, client):
    route = ROUTES[name]
    url = reverse(name, args=route.args(personas))
    results = {}
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(
                getattr(personas, persona), backend="allauth.account.auth_backends.AuthenticationBackend"
            )
        results[persona] = client.get(url).status_code
    expected = {
        persona: (route.anonymous if persona == "anonymous" else route.ok if persona in route.allowed else 404)
        for persona in PERSONAS
    }
    assert results == expected
