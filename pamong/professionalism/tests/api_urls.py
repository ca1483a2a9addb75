"""A URL conf for the IP ASN API tests that works before and after ``pamong.api`` mounts the router.

Until the lead adds ``api.add_router("", ipasn_router)`` to ``pamong/api.py``, the tests mount the
router on a second API with the same error handlers, in front of the project's URLs.
"""

from __future__ import annotations

from django.urls import path

from pamong.accounts.api import API_AUTH
from pamong.accounts.api import router as accounts_router
from pamong.api import PamongAPI, api
from pamong.professionalism.api import router
from pamong.urls import urlpatterns as project_urls


def mounted_in_project() -> bool:
    return any(p.startswith("/api/v1/ipasn/") for p in api.get_openapi_schema(path_prefix="/api/v1/")["paths"])


if mounted_in_project():
    urlpatterns = list(project_urls)
else:
    test_api = PamongAPI(title="pamong API (IP ASN tests)", version="1", urls_namespace="ipasn-api-test", auth=API_AUTH)
    test_api._exception_handlers = dict(api._exception_handlers)
    test_api.add_router("", accounts_router)
    test_api.add_router("", router)
    urlpatterns = [path("api/v1/", test_api.urls), *project_urls]
