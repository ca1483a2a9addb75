from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .health import health_check
from .models import Job


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For monitoring: database, worker heartbeat and stale jobs (see core/health.py).

    Deliberately public (no login): a monitor or load balancer must reach it.
    It says only which check failed, never exception text or personal data.
    200 for "ok" and "degraded" (pages still work without the worker), 503 for
    "error" (the database is down).
    """
    report = health_check()
    return JsonResponse(report.as_json(), status=report.http_status)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's progress; polled by htmx while it runs. Only its owner sees it."""
    job = Job.objects.visible_to(request.user).filter(pk=pk).first()
    if job is None:
        raise Http404
    template = "core/job_detail.html#progress" if getattr(request, "htmx", False) else "core/job_detail.html"
    return render(request, template, {"job": job})
