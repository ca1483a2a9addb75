from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .models import Job


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For monitoring: is the database reachable? Says what failed, nothing more."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any database failure is "down" here
        checks["database"] = "error"
    ok = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's progress; polled by htmx while it runs. Only its owner sees it."""
    job = Job.objects.visible_to(request.user).filter(pk=pk).first()
    if job is None:
        raise Http404
    template = "core/job_detail.html#progress" if request.htmx else "core/job_detail.html"
    return render(request, template, {"job": job})
