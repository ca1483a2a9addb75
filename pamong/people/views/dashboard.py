from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..access import can_read_people, employees_visible_to
from ..models import EmployeeStatus, PositionType


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Headcounts by status, position type and OPD, over what the user may see."""
    context: dict = {"can_read": can_read_people(request.user)}
    if context["can_read"]:
        employees = employees_visible_to(request.user).active()
        status_labels = dict(EmployeeStatus.choices)
        type_labels = dict(PositionType.choices)
        by_status = [
            {"label": status_labels.get(row["status"], row["status"]), "count": row["n"]}
            for row in employees.values("status").annotate(n=Count("id")).order_by("status")
        ]
        by_type = [
            {"label": type_labels.get(row["position__position_type"], "—"), "count": row["n"]}
            for row in employees.values("position__position_type").annotate(n=Count("id")).order_by("-n")
        ]
        by_opd = list(
            employees.values("org_unit__opd__id", "org_unit__opd__name")
            .annotate(n=Count("id"))
            .order_by("-n", "org_unit__opd__name")
        )
        context.update(
            total=sum(row["count"] for row in by_status),
            by_status=by_status,
            by_type=by_type,
            by_opd=by_opd,
            chart={
                "labels": [row["org_unit__opd__name"] or "—" for row in by_opd],
                "values": [row["n"] for row in by_opd],
            },
        )
    else:
        context["employee"] = getattr(request.user, "employee", None)
    return render(request, "people/dashboard.html", context)
