"""IP ASN pages: the employee's own result, unit and regency figures, simulation, reports, rule sets.

Each view: access helper → form → one service or query → render. Figures come from :mod:`.figures`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pamong.people.access import can_read_people, units_visible_to
from pamong.people.models import Employee, OrgUnit

from . import explain, figures, ipasn, report, services
from .access import (
    can_set_target,
    get_employee_results_for_user,
    get_unit_results_for_user,
    own_employee,
    reads_regency,
    require_bkd_admin,
    require_results_reader,
    require_unit_reader,
)
from .forms import MeasurementForm, RuleCopyForm, RuleSetForm, SimulationForm, TargetForm
from .models import Measurement, Result, RuleSet


def _render(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """``render`` with the app's tab bar (which tabs this user may open)."""
    user = request.user
    context["ipasn_nav"] = {
        "me": own_employee(user) is not None,
        "units": can_read_people(user),
        "admin": _is_admin(user),
    }
    return render(request, template, context)


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() else None


# --- The employee's own result ---------------------------------------------------------------------------------


@login_required
def me(request: HttpRequest) -> HttpResponse:
    """My IP ASN: the official results, their breakdown, and the steps that would raise it."""
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    return _employee_page(request, employee, own=True)


@login_required
def employee(request: HttpRequest, pk: int) -> HttpResponse:
    return _employee_page(request, get_employee_results_for_user(request.user, pk), own=False)


def _employee_page(request: HttpRequest, person: Employee, *, own: bool) -> HttpResponse:
    results = list(
        Result.objects.filter(employee=person).select_related("measurement__rule_set").order_by("-measurement__year")
    )
    year = _year(request)
    chosen = next((r for r in results if r.measurement.year == year), results[0] if results else None)
    context: dict[str, Any] = {"person": person, "own": own, "results": results, "chosen": chosen, "charts": True}
    if chosen is not None:
        rules = chosen.measurement.rule_set.rules
        official = ipasn.score(chosen.facts, rules)
        context["official"] = official
        context["official_label"] = explain.CATEGORY_LABELS.get(official.category, "")
        context["official_rows"] = (
            explain.breakdown(
                official,
                chosen.facts,
                chosen.position_type,
                rules,
                chosen.measurement.as_of.year - rules.predikat_year_offset,
            )
            if official.state == ipasn.SCORED
            else []
        )
        context["official_missing"] = explain.missing_texts(official.missing)
    today = timezone.localdate()
    try:
        rule_set = services.ruleset_in_force(today)
        facts = services.facts_for_employee(person, as_of=today, rules=rule_set.rules)
    except ValidationError:
        context["live"] = None
    else:
        live = ipasn.score(facts, rule_set.rules)
        position_type = person.position.position_type if person.position else ""
        context.update(
            live=live,
            live_label=explain.CATEGORY_LABELS.get(live.category, ""),
            live_rule_set=rule_set,
            live_steps=[explain.step_text(s, position_type, rule_set.rules) for s in live.steps],
            live_missing=explain.missing_texts(live.missing),
            today=today,
        )
    context["trend"] = {
        "labels": [str(r.measurement.year) for r in reversed(results) if r.total is not None],
        "values": [float(r.total) for r in reversed(results) if r.total is not None],
        "label": _("IP ASN"),
    }
    return _render(request, "professionalism/employee.html", context)


# --- Units and the regency ------------------------------------------------------------------------------------


def _root() -> OrgUnit:
    root = OrgUnit.objects.filter(parent__isnull=True).order_by("code").first()
    if root is None:
        raise Http404
    return root


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The regency for regency-wide readers; otherwise the user's own units."""
    require_unit_reader(request.user)
    if reads_regency(request.user):
        return _unit_page(request, _root())
    visible = units_visible_to(request.user)
    ids = set(visible.values_list("id", flat=True))
    tops = [u for u in visible.order_by("code") if u.parent_id not in ids]
    if len(tops) == 1:
        return _unit_page(request, tops[0])
    measurement = figures.measurement_for(_year(request))
    rows = [figures.UnitRow(u, figures.unit_aggregate(u, measurement), None) for u in tops] if measurement else []
    return _render(request, "professionalism/overview.html", {"rows": rows, "measurement": measurement})


@login_required
def unit(request: HttpRequest, pk: int) -> HttpResponse:
    return _unit_page(request, get_unit_results_for_user(request.user, pk))


def _chart(labels: list[str], values: list[Any], label: str = "") -> dict[str, Any]:
    return {"labels": labels, "values": [float(v) if v is not None else None for v in values], "label": label}


def _unit_page(request: HttpRequest, unit_obj: OrgUnit) -> HttpResponse:
    measurement = figures.measurement_for(_year(request))
    context: dict[str, Any] = {
        "unit": unit_obj,
        "measurement": measurement,
        "measurements": list(Measurement.objects.order_by("-year").values_list("year", flat=True)),
        "can_set_target": can_set_target(request.user, unit_obj),
        "is_admin": request.user.is_authenticated and _is_admin(request.user),
        "charts": True,
        "tab": "overview",
    }
    if measurement is None:
        return _render(request, "professionalism/unit.html", context)
    page = figures.unit_page(unit_obj, measurement)
    rules = measurement.rule_set.rules
    agg: ipasn.Aggregate = page["aggregate"]
    context.update(page)
    context["dimensions"] = [
        {
            "key": d,
            "label": explain.DIMENSION_LABELS[d],
            "mean": agg.means[d],
            "max": rules.dimension_max[d],
            "percent": int((agg.means[d] or 0) * 100 / rules.dimension_max[d]) if rules.dimension_max[d] else 0,
            "lowest": d == agg.lowest_dimension,
        }
        for d in ipasn.DIMENSIONS
    ]
    context["mean_label"] = explain.CATEGORY_LABELS.get(agg.category, "")
    context["category_rows"] = [(explain.CATEGORY_LABELS[c], agg.categories[c]) for c in ipasn.CATEGORIES]
    context["category_chart"] = _chart(
        [str(explain.CATEGORY_LABELS[c]) for c in ipasn.CATEGORIES],
        [agg.categories[c] for c in ipasn.CATEGORIES],
        _("Pegawai"),
    )
    context["trend_chart"] = _chart(
        [str(y) for y, a in page["trend"] if a.mean_total is not None],
        [a.mean_total for _y, a in page["trend"] if a.mean_total is not None],
        _("IP ASN rata-rata"),
    )
    context["comparison_chart"] = _chart(
        [r.unit.name for r in page["comparison"] if r.aggregate.mean_total is not None],
        [r.aggregate.mean_total for r in page["comparison"] if r.aggregate.mean_total is not None],
        _("IP ASN rata-rata"),
    )
    employees = Result.objects.of_measurement(measurement).in_subtree(unit_obj).for_table()
    context["employees"] = Paginator(employees, 50).get_page(request.GET.get("page"))
    context["incomplete_count"] = page["incomplete"].count()
    context["incomplete_rows"] = [(r, explain.missing_texts(r.missing_list)) for r in page["incomplete"][:200]]
    return _render(request, "professionalism/unit.html", context)


def _is_admin(user: Any) -> bool:
    try:
        require_bkd_admin(user)
    except Http404:
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def unit_target(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the unit's IP ASN target for a year (BKD administrators and the unit's operators)."""
    unit_obj = get_unit_results_for_user(request.user, pk)
    if not can_set_target(request.user, unit_obj):
        raise Http404
    latest = figures.measurement_for(None)
    form = TargetForm(request.POST or None, initial={"year": latest.year if latest else timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        services.target_set(
            actor=request.user, unit=unit_obj, year=form.cleaned_data["year"], target=form.cleaned_data["target"]
        )
        messages.success(request, _("Target IP ASN disimpan."))
        return redirect(f"{_unit_url(unit_obj)}?year={form.cleaned_data['year']}")
    return _render(request, "professionalism/target_form.html", {"unit": unit_obj, "form": form})


def _unit_url(unit_obj: OrgUnit) -> str:
    from django.urls import reverse

    return reverse("ipasn:unit", args=[unit_obj.pk])


# --- Simulation -----------------------------------------------------------------------------------------------


def _simulation_units(user: Any) -> Any:
    visible = units_visible_to(user)
    if reads_regency(user):
        return OrgUnit.objects.filter(parent__isnull=True) | OrgUnit.objects.opds()
    return visible


@login_required
def simulate(request: HttpRequest) -> HttpResponse:
    """Choose a group and an action; see the unit's and the regency's new means before anyone acts."""
    require_unit_reader(request.user)
    units = _simulation_units(request.user).order_by("code")
    measurement = figures.measurement_for(None)
    form = SimulationForm(request.GET if "action" in request.GET else None, units=units)
    context: dict[str, Any] = {"form": form, "measurement": measurement}
    if measurement is not None and form.is_bound and form.is_valid():
        unit_obj: OrgUnit = form.cleaned_data["unit"]
        regency = reads_regency(request.user)
        population = Result.objects.of_measurement(measurement)
        if not regency:
            population = population.in_units(units_visible_to(request.user).values("id"))
        unit_ids = set(OrgUnit.objects.subtree_ids(unit_obj.pk))
        rules = measurement.rule_set.rules
        lacking = form.cleaned_data["lacking"]
        ptype = form.cleaned_data["position_type"]
        members = []
        for row in population.only(*_FACT_FIELDS).iterator(chunk_size=5000):
            facts = row.facts
            in_unit = row.org_unit_id in unit_ids
            in_group = (
                in_unit
                and (not ptype or facts.position_type == ptype)
                and (not lacking or ipasn.lacks(facts, lacking, rules))
            )
            members.append(ipasn.Member(facts, in_unit, in_group))
        context.update(
            result=ipasn.simulate(members, form.to_action(), rules),
            unit=unit_obj,
            whole_label=_("Kabupaten") if regency else _("Seluruh cakupan Anda"),
        )
    return _render(request, "professionalism/simulate.html", context)


_FACT_FIELDS = (
    "org_unit_id",
    "employee_status",
    "position_type",
    "education_level",
    "leadership_training",
    "functional_training",
    "technical_jp",
    "seminar",
    "predikat",
    "sanction_level",
)


# --- Reports --------------------------------------------------------------------------------------------------


def _report_context(request: HttpRequest, pk: int) -> dict[str, Any]:
    unit_obj = get_unit_results_for_user(request.user, pk)
    measurement = figures.measurement_for(_year(request))
    if measurement is None:
        raise Http404
    return report.report_context(unit_obj, measurement)


@login_required
def unit_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    context = _report_context(request, pk)
    response = HttpResponse(report.report_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{report.filename(context, "pdf")}"'
    return response


@login_required
def unit_report_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    context = _report_context(request, pk)
    response = HttpResponse(
        report.report_xlsx(context), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{report.filename(context, "xlsx")}"'
    return response


# --- Measurements ---------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def measurements(request: HttpRequest) -> HttpResponse:
    """Stored measurements, and (for BKD administrators) a form that runs one in the background."""
    require_bkd_admin(request.user)
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.measurement_start(
                actor=request.user, year=form.cleaned_data["year"], as_of=form.cleaned_data["as_of"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("job_detail", pk=job.pk)
    return _render(
        request,
        "professionalism/measurements.html",
        {"form": form, "measurements": Measurement.objects.latest_first()},
    )


# --- Rule sets --------------------------------------------------------------------------------------------------


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    require_results_reader(request.user)
    in_force = RuleSet.objects.in_force_on(timezone.localdate())
    return _render(
        request,
        "professionalism/rules.html",
        {"rule_sets": RuleSet.objects.newest_first(), "in_force": in_force, "is_admin": _is_admin(request.user)},
    )


@login_required
def rule_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_results_reader(request.user)
    rule_set = get_object_or_404(RuleSet, pk=pk)
    return _render(
        request,
        "professionalism/rule_detail.html",
        {"rule_set": rule_set, "tables": report.rule_tables(rule_set), "is_admin": _is_admin(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_copy(request: HttpRequest, pk: int) -> HttpResponse:
    require_bkd_admin(request.user)
    rule_set = get_object_or_404(RuleSet, pk=pk)
    form = RuleCopyForm(
        request.POST or None,
        initial={"name": _("Salinan dari %(name)s") % {"name": rule_set.name}, "effective_from": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        copy = services.ruleset_copy(
            actor=request.user,
            rule_set=rule_set,
            name=form.cleaned_data["name"],
            effective_from=form.cleaned_data["effective_from"],
        )
        messages.success(
            request, _("Aturan disalin sebagai versi %(v)s; ubah nilainya di bawah.") % {"v": copy.version}
        )
        return redirect("ipasn:rule_edit", pk=copy.pk)
    return _render(request, "professionalism/rule_copy.html", {"rule_set": rule_set, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_bkd_admin(request.user)
    rule_set = get_object_or_404(RuleSet, pk=pk)
    if rule_set.is_locked:
        messages.warning(request, _("Aturan ini sudah dipakai pengukuran; salin untuk mengubahnya."))
        return redirect("ipasn:rule_detail", pk=rule_set.pk)
    form = RuleSetForm(request.POST or None, rule_set=rule_set)
    if request.method == "POST" and form.is_valid():
        try:
            services.ruleset_update(
                actor=request.user,
                rule_set=rule_set,
                document=form.document(),
                name=form.cleaned_data["name"],
                effective_from=form.cleaned_data["effective_from"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            for message in exc.message_dict.get("document", exc.messages):
                form.add_error(None, message)
        else:
            messages.success(request, _("Aturan disimpan."))
            return redirect("ipasn:rule_detail", pk=rule_set.pk)
    groups = [
        {"key": key, "title": title, "fields": [form[n] for n in names], "provenance": explain.provenance_for(key)}
        for key, title, names in form.groups
    ]
    return _render(request, "professionalism/rule_form.html", {"rule_set": rule_set, "form": form, "groups": groups})
