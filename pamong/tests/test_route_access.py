"""Every pamong route, every persona: who gets in and who gets a 404.

The test walks the URL resolver. A pamong view that is not declared in
``ROUTES`` fails the suite, so a new route cannot ship without an access rule.
Third-party routes (allauth, Django admin, i18n) are covered by their own tests.

Each app declares its routes in ``pamong/<app>/tests/routes.py``::

    from pamong.tests.access_matrix import EVERYONE, READERS, WRITERS, Route
    ROUTES = {"skm_service_list": Route(READERS), "skm_public_form": Route(ALL, anonymous=200, args=...)}

``args`` gets the personas fixture and returns the URL arguments (it may create rows).
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .access_matrix import LOGGED_IN, PERSONAS, READERS, WRITERS, Route


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


def _app_routes() -> dict[str, Route]:
    """Apps declare their own routes in ``pamong/<app>/tests/routes.py`` (a ``ROUTES`` dict)."""
    import importlib

    from django.apps import apps

    merged = dict(ROUTES)
    for config in apps.get_app_configs():
        if not config.name.startswith("pamong."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.routes")
        except ModuleNotFoundError:
            continue
        merged.update(module.ROUTES)
    return merged


ALL_ROUTES = _app_routes()


def test_every_pamong_route_declares_who_may_use_it():
    undeclared = sorted(name for name, _ in _pamong_routes() if name not in ALL_ROUTES)
    assert not undeclared, f"routes without an access rule in ROUTES: {undeclared}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_ROUTES))
def test_route_access_matrix(name, personas, client):
    route = ALL_ROUTES[name]
    url = reverse(name, args=route.args(personas))
    results = {}
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(
                getattr(personas, persona), backend="allauth.account.auth_backends.AuthenticationBackend"
            )
        results[persona] = getattr(client, route.method)(url).status_code
    expected = {
        persona: (route.anonymous if persona == "anonymous" else route.ok if persona in route.allowed else 404)
        for persona in PERSONAS
    }
    assert results == expected
