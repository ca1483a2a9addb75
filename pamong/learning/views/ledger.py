"""The JP ledger: unit compliance, one employee's year, the SIASN-shaped export, and the targets."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.people.access import employees_visible_to, units_visible_to

from .. import services
from ..access import get_ledger_employee, require_learning_admin, require_ledger_reader
from ..forms import JpTargetForm, LedgerFilterForm
from ..ledger import employee_year, ledger_xlsx, unit_compliance
from ..models import COMMON_DEFAULTS, JpTarget
from .common import apply_errors

PAGE_SIZE = 100


def _filtered(request: HttpRequest):  # type: ignore[no-untyped-def]
    """(form, year, employees) from the query string, scoped to what the user may read."""
    units = units_visible_to(request.user).order_by("code")
    year_now = timezone.localdate().year
    form = LedgerFilterForm(request.GET or None, units=units, initial={"year": year_now})
    employees = employees_visible_to(request.user)
    year = year_now
    if form.is_valid():
        year = form.cleaned_data["year"]
        if form.cleaned_data["unit"]:
            employees = employees.in_subtree(form.cleaned_data["unit"])
    return form, year, employees


@login_required
def jp_ledger(request: HttpRequest) -> HttpResponse:
    require_ledger_reader(request.user)
    form, year, employees = _filtered(request)
    result = unit_compliance(employees, year)
    behind = Paginator(result.behind, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "learning/jp_ledger.html",
        {"form": form, "year": year, "result": result, "behind": behind, "query": query.urlencode()},
    )


@login_required
def jp_ledger_export(request: HttpRequest) -> HttpResponse:
    require_ledger_reader(request.user)
    _form, year, employees = _filtered(request)
    response = HttpResponse(
        ledger_xlsx(employees, year),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="jp-{year}.xlsx"'
    return response


@login_required
def jp_employee(request: HttpRequest, pk: int) -> HttpResponse:
    employee = get_ledger_employee(request.user, pk)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    return render(request, "learning/jp_employee.html", {"ledger": employee_year(employee, year), "year": year})


@login_required
def jp_targets(request: HttpRequest) -> HttpResponse:
    require_learning_admin(request.user)
    year = timezone.localdate().year
    form = JpTargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.jp_target_set(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Target JP disimpan."))
            return redirect("learning:jp_targets")
    current = services.targets_for(year)
    rows = [
        {"status": status, "target": target, "is_default": is_default, "common": status in COMMON_DEFAULTS}
        for status, (target, is_default) in current.items()
    ]
    return render(
        request,
        "learning/jp_targets.html",
        {"form": form, "rows": rows, "year": year, "history": JpTarget.objects.select_related("updated_by")},
    )
