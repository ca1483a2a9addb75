"""The monev home, an OPD's programme tree, a plan item, and adding or changing items, indicators and settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pamong.accounts.access import require_bkd_admin

from .. import access, evaluation, services
from ..forms import IndicatorForm, PeriodSettingForm, PlanItemForm
from ..models import CHILD_LEVEL, Level, Notification, PeriodSetting, PlanItem, period_setting
from ..services import quarter_window
from .common import apply_service_errors, period_context, period_of


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """What this user has to do and may see for the year: own items, reports to verify, the OPD."""
    year, quarter = period_of(request)
    user: Any = request.user
    own = list(PlanItem.objects.for_year(year).with_official_user(user).for_tree().distinct())
    own_results = evaluation.evaluate_items(own, year=year, quarter=4) if own else []
    own_rows = [node for root in own_results for node in root.walk() if node.item in own]
    opds = list(access.opds_visible_to(user).order_by("code"))
    rows = []
    if opds:
        visible = {o.pk for o in opds}
        rows = [r for r in evaluation.ranking(year=year, quarter=quarter) if r.opd.pk in visible]  # type: ignore[attr-defined]
        listed = {r.opd.pk for r in rows}  # type: ignore[attr-defined]
        empty = [o for o in opds if o.pk not in listed]
    else:
        empty = []
    context = {
        **period_context(year, quarter),
        "own_rows": own_rows,
        "opd_rows": rows,
        "empty_opds": empty,
        "to_verify": access.realisations_verifiable_by(user).for_list()[:50],
        "can_plan": access.opds_writable_by(user).exists(),
        "can_read": bool(opds),
        "is_admin": access.can_reopen(user),
        "unread": Notification.objects.filter(user=user).unread().count(),
    }
    return render(request, "monitoring/home.html", context)


@login_required
def opd_plan(request: HttpRequest, opd_id: int) -> HttpResponse:
    """An OPD's programmes → activities → sub-activities with targets, realisation and achievement colours."""
    year, quarter = period_of(request)
    opd = access.get_opd_for_user(request.user, opd_id)
    items = access.plan_items_visible_to(request.user).filter(opd=opd, year=year).for_tree()
    result = evaluation.evaluate_opd(items, year=year, quarter=quarter)
    windows = [quarter_window(opd_id=opd.pk, year=year, quarter=q) for q in (1, 2, 3, 4)]
    reads_whole = access.opds_visible_to(request.user).filter(pk=opd.pk).exists()
    context = {
        **period_context(year, quarter),
        "opd": opd,
        "result": result,
        "windows": windows,
        "can_plan": access.opds_writable_by(request.user).filter(pk=opd.pk).exists(),
        "can_reopen": access.can_reopen(request.user),
        "reads_whole": reads_whole,
        "warnings": opd_warning_count(opd, year, quarter) if reads_whole else 0,
    }
    return render(request, "monitoring/opd_plan.html", context)


def opd_warning_count(opd, year: int, quarter: int) -> int:  # type: ignore[no-untyped-def]
    from ..models import EarlyWarning

    return EarlyWarning.objects.open().for_period(year, quarter).filter(plan_item__opd=opd).count()


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_plan_item_for_user(request.user, pk)
    year = item.year
    visible = access.plan_items_visible_to(request.user)
    subtree = [item, *visible.filter(parent=item).for_tree(), *visible.filter(parent__parent=item).for_tree()]
    roots = evaluation.evaluate_items(subtree, year=year, quarter=4)
    node = next(r for r in roots if r.item.pk == item.pk)
    ancestors: list[PlanItem] = []
    parent = item.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    context = {
        "item": item,
        "node": node,
        "ancestors": ancestors,
        "official": access.effective_official(item),
        "windows": {q: quarter_window(opd_id=item.opd_id, year=year, quarter=q) for q in (1, 2, 3, 4)},
        "quarters": (1, 2, 3, 4),
        "can_plan": access.is_planning_staff(request.user, item),
        "can_enter": access.can_enter_realisation(request.user, item),
        "child_level": CHILD_LEVEL.get(Level(item.level)),
        "child_label": Level(CHILD_LEVEL[Level(item.level)]).label if Level(item.level) in CHILD_LEVEL else "",
    }
    return render(request, "monitoring/item_detail.html", context)


def _item_form(request: HttpRequest, *, opd, level: str, is_root: bool, instance=None):  # type: ignore[no-untyped-def]
    return PlanItemForm(
        request.POST or None,
        instance=instance,
        units=access.assignable_units(opd),
        officials=access.assignable_officials(opd),
        level=level,
        is_root=is_root,
    )


@login_required
def item_create(request: HttpRequest, opd_id: int) -> HttpResponse:
    """Add a programme (no ``parent``) or an item under ``?parent=``, for ``?year=``."""
    opd = access.get_opd_for_user(request.user, opd_id, write=True)
    parent = None
    if request.GET.get("parent"):
        parent = access.get_plan_item_for_user(request.user, request.GET["parent"], write=True)  # type: ignore[arg-type]
        if parent.opd_id != opd.pk or parent.level not in CHILD_LEVEL:
            raise Http404
        year, level = parent.year, CHILD_LEVEL[Level(parent.level)]
    else:
        year, _q = period_of(request)
        level = Level.PROGRAMME
    form = _item_form(request, opd=opd, level=level, is_root=parent is None)
    if parent is not None and not request.POST:
        form.initial.update(
            {
                "code": parent.code + ".",
                "responsible_unit": parent.responsible_unit_id,
                "responsible_official": parent.responsible_official_id,
            }
        )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.plan_item_create(
                actor=request.user, opd=opd, year=year, level=level, parent=parent, data=form.cleaned_data
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request, _("%(level)s %(name)s ditambahkan.") % {"level": item.get_level_display(), "name": item.name}
            )
            return redirect("monev_item", pk=item.pk)
    title = _("Tambah %(level)s") % {"level": Level(level).label.lower()}
    return render(
        request,
        "monitoring/item_form.html",
        {"form": form, "title": title, "opd": opd, "parent": parent, "year": year},
    )


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_plan_item_for_user(request.user, pk, write=True)
    form = _item_form(request, opd=item.opd, level=item.level, is_root=item.parent_id is None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            stored = access.get_plan_item_for_user(request.user, pk, write=True)
            services.plan_item_update(actor=request.user, item=stored, data=form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Perubahan disimpan."))
            return redirect("monev_item", pk=pk)
    return render(
        request,
        "monitoring/item_form.html",
        {
            "form": form,
            "title": _("Ubah %(name)s") % {"name": item.name},
            "opd": item.opd,
            "item": item,
            "year": item.year,
        },
    )


@login_required
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_plan_item_for_user(request.user, pk, write=True)
    form = IndicatorForm(
        request.POST or None, units=_source_units(item), initial={"cumulative": True, "direction": "higher"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_create(actor=request.user, item=item, data=form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Indikator ditambahkan."))
            return redirect("monev_item", pk=item.pk)
    return render(
        request,
        "monitoring/indicator_form.html",
        {"form": form, "item": item, "title": _("Tambah indikator %(kind)s") % {"kind": item.indicator_kind.lower()}},
    )


def _source_units(item: PlanItem):  # type: ignore[no-untyped-def]
    """Units an automatic source may measure: the OPD's own subtree (or, for the BKD, any)."""
    from pamong.people.models import OrgUnit

    if item.is_budget:
        return access.assignable_units(item.opd)
    return OrgUnit.objects.order_by("code")


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access.get_indicator_for_user(request.user, pk, write=True)
    item = indicator.plan_item
    form = IndicatorForm(request.POST or None, instance=indicator, units=_source_units(item))
    if request.method == "POST" and form.is_valid():
        try:
            stored = access.get_indicator_for_user(request.user, pk, write=True)
            services.indicator_update(actor=request.user, indicator=stored, data=form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Indikator disimpan."))
            return redirect("monev_item", pk=item.pk)
    return render(
        request,
        "monitoring/indicator_form.html",
        {"form": form, "item": item, "indicator": indicator, "title": _("Ubah indikator")},
    )


@login_required
def period_settings(request: HttpRequest, year: int) -> HttpResponse:
    """Deadlines of the four quarters and the early-warning margin of one year (BKD administrator)."""
    require_bkd_admin(request.user)
    setting = period_setting(year)
    form = PeriodSettingForm(request.POST or None, instance=setting if setting.pk else PeriodSetting(year=year))
    if request.method == "POST" and form.is_valid():
        try:
            services.period_setting_update(actor=request.user, year=year, data=form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Pengaturan tahun %(year)d disimpan.") % {"year": year})
            return redirect(reverse("monev_settings", args=[year]))
    deadlines = [(q, setting.deadline(q)) for q in (1, 2, 3, 4)]
    return render(request, "monitoring/settings.html", {"form": form, "year": year, "deadlines": deadlines})
