"""A URLconf for the monev API tests that works before and after ``pamong/api.py`` mounts the router.

It serves a second API (same authentication, same error handlers) with the
monev router at ``/api/v1/``, then the site's own URLs."""

from __future__ import annotations

from django.urls import path

from pamong.accounts.api import API_AUTH
from pamong.api import PamongAPI
from pamong.api import api as site_api
from pamong.monitoring.api import router
from pamong.urls import urlpatterns as site_urlpatterns

test_api = PamongAPI(
    title="pamong monev (uji)", version="1-monev-test", urls_namespace="api-v1-monev-test", auth=API_AUTH
)
test_api._exception_handlers = dict(site_api._exception_handlers)
test_api.add_router("", router)

urlpatterns = [path("api/v1/", test_api.urls), *site_urlpatterns]


def router_is_mounted_on_the_site() -> bool:
    """Whether ``pamong/api.py`` already adds the monev router (then the central matrix covers it too)."""
    return any(registration[1] is router for registration in site_api._router_registrations)
