"""Entering a quarter's realisation, evidence files, submitting, verifying, returning and reopening."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pamong.core.formatting import date_id

from .. import access, services
from ..forms import EvidenceForm, RealisationForm, ReopenForm, ReturnForm
from ..models import Level, Realisation
from ..periods import roman
from ..services import quarter_window
from .common import apply_service_errors, period_of


def _initial(realisation: Realisation | None) -> dict:
    if realisation is None:
        return {}
    initial = {
        "budget_spent": realisation.budget_spent,
        "drivers": realisation.drivers,
        "obstacles": realisation.obstacles,
        "follow_up": realisation.follow_up,
    }
    for value in realisation.values.all():
        initial[f"value_{value.indicator_id}"] = value.value
    return initial


@login_required
def entry(request: HttpRequest, pk: int, quarter: int) -> HttpResponse:
    """The responsible official's (or planning staff's) form for one quarter: save as draft or submit."""
    item = access.get_plan_item_for_entry(request.user, pk)
    if quarter not in (1, 2, 3, 4):
        raise Http404
    realisation = Realisation.objects.filter(plan_item=item, quarter=quarter).prefetch_related("values").first()
    if realisation is not None and not realisation.is_editable_state:
        return redirect("monev_realisation", pk=realisation.pk)
    window = quarter_window(opd_id=item.opd_id, year=item.year, quarter=quarter)
    indicators = list(item.indicators.select_related("plan_item", "source_unit"))
    initial = _initial(realisation)
    if window.is_open:
        for indicator in indicators:
            if indicator.is_automatic:
                initial[f"value_{indicator.pk}"] = services.automatic_value(indicator, quarter)
    form = RealisationForm(
        request.POST or None,
        initial=initial,
        indicators=indicators,
        with_budget=item.level == Level.SUB_ACTIVITY,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.realisation_save(
                actor=request.user, item=item, quarter=quarter, values=form.values(), data=form.data_fields()
            )
            if request.POST.get("action") == "submit":
                services.realisation_submit(actor=request.user, realisation=saved)
                messages.success(request, _("Realisasi TW %(q)s diajukan untuk verifikasi.") % {"q": roman(quarter)})
            else:
                messages.success(request, _("Draf realisasi TW %(q)s disimpan.") % {"q": roman(quarter)})
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return redirect("monev_realisation", pk=saved.pk)
    context = {
        "item": item,
        "quarter": quarter,
        "roman": roman(quarter),
        "form": form,
        "realisation": realisation,
        "window": window,
        "evidence_form": EvidenceForm(),
        "official": access.effective_official(item),
    }
    return render(request, "monitoring/entry.html", context)


@login_required
def realisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = access.get_realisation_for_user(request.user, pk)
    item = realisation.plan_item
    values = {v.indicator_id: v for v in realisation.values.all()}
    rows = [(indicator, values.get(indicator.pk)) for indicator in item.indicators.all()]
    can_enter = access.can_enter_realisation(request.user, item)
    window = quarter_window(opd_id=item.opd_id, year=item.year, quarter=realisation.quarter)
    context = {
        "realisation": realisation,
        "item": item,
        "rows": rows,
        "roman": roman(realisation.quarter),
        "evidence": realisation.evidence.all(),
        "window": window,
        "can_edit": can_enter and realisation.is_editable_state and window.is_open,
        "can_verify": realisation.status == "submitted" and access.can_verify(request.user, realisation),
        "is_submitter": realisation.submitted_by_id == request.user.pk,
        "missing": services.missing_for_submission(realisation) if realisation.is_editable_state else [],
        "evidence_form": EvidenceForm(),
    }
    return render(request, "monitoring/realisation_detail.html", context)


def _entry_realisation(request: HttpRequest, pk: int) -> Realisation:
    """A report the user may enter (its item's official or planning staff); else 404."""
    realisation = access.get_realisation_for_user(request.user, pk)
    if not access.can_enter_realisation(request.user, realisation.plan_item):
        raise Http404
    return realisation


def _verifiable(request: HttpRequest, pk: int) -> Realisation:
    """A report the user may verify or return (planning staff, not its submitter); else 404."""
    realisation = access.get_realisation_for_user(request.user, pk)
    if not access.is_planning_staff(request.user, realisation.plan_item):
        raise Http404
    return realisation


def _fail(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
@require_POST
def realisation_submit(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = _entry_realisation(request, pk)
    try:
        services.realisation_submit(actor=request.user, realisation=realisation)
    except ValidationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Realisasi diajukan untuk verifikasi."))
    return redirect("monev_realisation", pk=pk)


@login_required
@require_POST
def realisation_verify(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = _verifiable(request, pk)
    try:
        services.realisation_verify(actor=request.user, realisation=realisation)
    except ValidationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Realisasi diverifikasi."))
    return redirect("monev_realisation", pk=pk)


@login_required
def realisation_return(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = _verifiable(request, pk)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.realisation_return(actor=request.user, realisation=realisation, note=form.cleaned_data["note"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Realisasi dikembalikan dengan catatan."))
            return redirect("monev_realisation", pk=pk)
    return render(
        request,
        "monitoring/return_form.html",
        {"form": form, "realisation": realisation, "item": realisation.plan_item, "roman": roman(realisation.quarter)},
    )


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = _entry_realisation(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_add(actor=request.user, realisation=realisation, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            _fail(request, exc)
        else:
            messages.success(request, _("Bukti dukung diunggah."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
    if realisation.is_editable_state:
        return redirect("monev_entry", pk=realisation.plan_item_id, quarter=realisation.quarter)
    return redirect("monev_realisation", pk=pk)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The file, for whoever may read its report: always as an attachment, never rendered inline."""
    evidence = access.get_evidence_for_user(request.user, pk)
    path = services.evidence_path(evidence)
    if not path.is_file():
        raise Http404
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask (GET), then delete (POST) an evidence file of a report still being entered."""
    evidence = access.get_evidence_for_user(request.user, pk)
    realisation = evidence.realisation
    if not access.can_enter_realisation(request.user, realisation.plan_item):
        raise Http404
    if request.method != "POST":
        return render(
            request,
            "monitoring/evidence_delete.html",
            {"evidence": evidence, "item": realisation.plan_item, "roman": roman(realisation.quarter)},
        )
    try:
        services.evidence_delete(actor=request.user, evidence=evidence)
    except ValidationError as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Bukti dukung dihapus."))
    return redirect("monev_entry", pk=realisation.plan_item_id, quarter=realisation.quarter)


@login_required
def verification_queue(request: HttpRequest) -> HttpResponse:
    """Reports submitted in the OPD this user plans for, waiting for verification."""
    access.require_monev_planner(request.user)
    reports = access.realisations_verifiable_by(request.user).for_list()
    return render(request, "monitoring/verification.html", {"reports": reports})


@login_required
def reopen(request: HttpRequest, opd_id: int) -> HttpResponse:
    """A BKD administrator reopens a locked quarter of one OPD until a date, with a reason."""
    access.require_reopener(request.user)
    opd = access.get_opd_for_user(request.user, opd_id)
    year, quarter = period_of(request)
    window = quarter_window(opd_id=opd.pk, year=year, quarter=quarter)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.quarter_reopen(
                actor=request.user,
                opd=opd,
                year=year,
                quarter=quarter,
                open_until=form.cleaned_data["open_until"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("TW %(q)s %(year)d %(opd)s dibuka kembali sampai %(day)s.")
                % {"q": roman(quarter), "year": year, "opd": opd.name, "day": date_id(form.cleaned_data["open_until"])},
            )
            return redirect(f"{_opd_url(opd.pk)}?year={year}&quarter={quarter}")
    return render(
        request,
        "monitoring/reopen_form.html",
        {"form": form, "opd": opd, "year": year, "quarter": quarter, "roman": roman(quarter), "window": window},
    )


def _opd_url(opd_id: int) -> str:
    from django.urls import reverse

    return reverse("monev_opd", args=[opd_id])
