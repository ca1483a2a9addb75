"""Nominating participants (one by one or in bulk), withdrawing them, allowing a retake."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pamong.people.access import units_writable_by
from pamong.people.models import OrgUnit

from .. import services
from ..access import NOMINATE, RUN, get_batch_for_user, get_enrolment_for_user, nominable_employees
from ..forms import NominateBulkForm, NominateOneForm
from .common import flash_errors


@login_required
def enrolment_nominate(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk, action=NOMINATE)
    units = units_writable_by(request.user).order_by("code")
    mode = request.POST.get("mode", "")
    one = NominateOneForm(request.POST if mode == "one" else None, prefix="one")
    bulk = NominateBulkForm(request.POST if mode == "bulk" else None, units=units, prefix="bulk")
    report = None
    if mode == "one" and one.is_valid():
        employee = nominable_employees(request.user).filter(nip=one.cleaned_data["nip"]).first()
        if employee is None:
            one.add_error("nip", _("Pegawai aktif dengan NIP ini tidak ditemukan di unit yang dapat Anda kelola."))
        else:
            try:
                enrolment = services.enrolment_create(actor=request.user, batch=batch, employee=employee)
            except ValidationError as exc:
                one.add_error("nip", exc.messages)
            else:
                messages.success(
                    request,
                    _("%(name)s: %(status)s.") % {"name": employee.full_name, "status": enrolment.get_status_display()},
                )
                return redirect("learning:enrolment_nominate", pk=pk)
    elif mode == "bulk" and bulk.is_valid():
        unit_ids: set[int] = set()
        for unit in bulk.cleaned_data["units"]:
            unit_ids.update(OrgUnit.objects.subtree_ids(unit.pk))
        employees = (
            nominable_employees(request.user)
            .filter(org_unit_id__in=unit_ids, position__position_type__in=bulk.cleaned_data["position_types"])
            .select_related("position", "org_unit")
            .order_by("name", "id")
        )
        report = services.enrolment_create_bulk(actor=request.user, batch=batch, employees=employees)
        messages.success(
            request,
            _("%(i)d diundang, %(w)d masuk daftar tunggu, %(r)d tidak didaftarkan.")
            % {"i": len(report.invited), "w": len(report.waitlisted), "r": len(report.refused)},
        )
    return render(
        request,
        "learning/nominate.html",
        {"batch": batch, "one": one, "bulk": bulk, "report": report},
    )


@login_required
@require_POST
def enrolment_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk, write=True)
    try:
        services.enrolment_withdraw(actor=request.user, enrolment=enrolment, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("%(name)s diundurkan dari angkatan.") % {"name": enrolment.employee.full_name})
    return redirect("learning:batch_detail", pk=enrolment.batch_id)


@login_required
@require_POST
def enrolment_retake(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, pk)
    get_batch_for_user(request.user, enrolment.batch_id, action=RUN)
    kind = request.POST.get("kind", "")
    if kind not in ("pre", "post"):
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect("learning:batch_detail", pk=enrolment.batch_id)
    services.enrolment_allow_retake(actor=request.user, enrolment=enrolment, kind=kind)
    messages.success(request, _("%(name)s boleh mengerjakan tes sekali lagi.") % {"name": enrolment.employee.full_name})
    return redirect("learning:batch_detail", pk=enrolment.batch_id)
