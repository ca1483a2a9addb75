"""The regency ranking of OPD, the early-warning list and the user's notifications."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import access, evaluation, services
from ..models import EarlyWarning, Notification
from .common import period_context, period_of


@login_required
def ranking(request: HttpRequest) -> HttpResponse:
    """OPD by average achievement; the ranks are over the whole regency, the rows those the user reads."""
    access.require_monev_reader(request.user)
    year, quarter = period_of(request)
    visible = set(access.opds_visible_to(request.user).values_list("pk", flat=True))
    rows = [r for r in evaluation.ranking(year=year, quarter=quarter) if r.opd.pk in visible]  # type: ignore[attr-defined]
    programmes = access.plan_items_visible_to(request.user).for_year(year).outside_budget().for_tree()
    others = evaluation.evaluate_items(list(programmes), year=year, quarter=quarter)
    chart = {
        "labels": [r.opd.name for r in rows if r.average is not None],  # type: ignore[attr-defined]
        "values": [float(round(r.average, 2)) for r in rows if r.average is not None],
        "label": "%",
    }
    return render(
        request,
        "monitoring/ranking.html",
        {**period_context(year, quarter), "rows": rows, "others": others, "chart": chart},
    )


@login_required
def warnings_list(request: HttpRequest) -> HttpResponse:
    """Open early warnings of the items this user reads (officials: their own; leaders: their scope)."""
    year, quarter = period_of(request)
    warnings = (
        EarlyWarning.objects.open()
        .for_period(year, quarter)
        .filter(plan_item__in=access.plan_items_visible_to(request.user))
        .for_list()
    )
    opd = request.GET.get("opd")
    if opd and opd.isdigit():
        warnings = warnings.filter(plan_item__opd_id=int(opd))
    page = Paginator(warnings, 100).get_page(request.GET.get("page"))
    return render(request, "monitoring/warnings.html", {**period_context(year, quarter), "page": page})


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    items = Notification.objects.filter(user=user)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "monitoring/notifications.html", {"page": page})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one of the user's own notifications read and go to its link."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_read(user=request.user, notification=notification)
    if notification.url and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(notification.url)
    return redirect("monev_notifications")
