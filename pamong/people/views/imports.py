"""Employee import pages (upload, mapping, validation report, progress)."""

from django.http import HttpResponse
from django.urls import path


def import_upload(request):  # type: ignore[no-untyped-def]
    return HttpResponse("")


urlpatterns = [path("", import_upload, name="import_upload")]
