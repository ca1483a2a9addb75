"""Downloads: the Renja evaluation form of an OPD (XLSX, PDF) and the leaders' quarterly summary (PDF)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify

from .. import access, evaluation, reports
from ..models import EarlyWarning
from .common import period_of


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _renja(request: HttpRequest, opd_id: int) -> reports.RenjaForm:
    """The form of an OPD the user reads whole (not only the items they answer for)."""
    opd = access.get_opd_for_user(request.user, opd_id)
    if not access.opds_visible_to(request.user).filter(pk=opd.pk).exists():
        from django.http import Http404

        raise Http404
    year, quarter = period_of(request)
    items = access.plan_items_visible_to(request.user).filter(opd=opd, year=year).for_tree()
    return reports.renja_form(opd, evaluation.evaluate_opd(items, year=year, quarter=quarter))


@login_required
def renja_xlsx(request: HttpRequest, opd_id: int) -> HttpResponse:
    form = _renja(request, opd_id)
    name = f"evaluasi-renja-{slugify(form.opd.name)}-{form.year}-tw{form.quarter}.xlsx"
    return _download(
        reports.renja_xlsx(form), name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


@login_required
def renja_pdf(request: HttpRequest, opd_id: int) -> HttpResponse:
    form = _renja(request, opd_id)
    name = f"evaluasi-renja-{slugify(form.opd.name)}-{form.year}-tw{form.quarter}.pdf"
    return _download(reports.renja_pdf(form), name, "application/pdf")


@login_required
def summary_pdf(request: HttpRequest) -> HttpResponse:
    """The quarter at a glance for leaders: the OPD they read, programmes outside the budget, warnings."""
    access.require_monev_reader(request.user)
    year, quarter = period_of(request)
    visible = set(access.opds_visible_to(request.user).values_list("pk", flat=True))
    rows = [r for r in evaluation.ranking(year=year, quarter=quarter) if r.opd.pk in visible]  # type: ignore[attr-defined]
    items = access.plan_items_visible_to(request.user)
    others = evaluation.evaluate_items(
        list(items.for_year(year).outside_budget().for_tree()), year=year, quarter=quarter
    )
    warnings = list(EarlyWarning.objects.open().for_period(year, quarter).filter(plan_item__in=items).for_list()[:200])
    content = reports.summary_pdf(year=year, quarter=quarter, rows=rows, others=others, warnings=warnings)
    return _download(content, f"ringkasan-monev-{year}-tw{quarter}.pdf", "application/pdf")
