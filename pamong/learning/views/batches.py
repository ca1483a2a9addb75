"""Batches: list, create/edit, the batch page, status changes, test/feedback switches, agenda."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import (
    MANAGE,
    RUN,
    batches_visible_to,
    can_nominate,
    can_run_batch,
    enrolments_visible_in,
    enrolments_writable_in,
    get_batch_for_user,
    get_programme_for_user,
    get_session_for_user,
    is_learning_admin,
    require_learning_reader,
)
from ..forms import BatchForm, ReasonForm, SessionForm
from ..models import BatchStatus, Certificate, EnrolmentStatus
from ..results import batch_results, missing_texts
from .common import apply_errors, flash_errors


@login_required
def batch_list(request: HttpRequest) -> HttpResponse:
    require_learning_reader(request.user)
    batches = batches_visible_to(request.user).for_list()
    status = request.GET.get("status", "")
    if status in BatchStatus.values:
        batches = batches.filter(status=status)
    return render(
        request,
        "learning/batch_list.html",
        {
            "batches": batches,
            "status": status,
            "statuses": BatchStatus.choices,
            "can_manage": is_learning_admin(request.user),
        },
    )


@login_required
def batch_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk, write=True)
    form = BatchForm(request.POST or None, initial={"capacity": 35, "min_attendance_percent": 80})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        facilitators = data.pop("facilitators")
        try:
            batch = services.batch_create(actor=request.user, programme=programme, data=data, facilitators=facilitators)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Angkatan %(n)s dibuat sebagai draf; tambahkan agenda sesi.") % {"n": batch.number}
            )
            return redirect("learning:batch_detail", pk=batch.pk)
    return render(
        request, "learning/form.html", {"form": form, "title": _("Angkatan baru — %(p)s") % {"p": programme.title}}
    )


@login_required
def batch_edit(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk, action=MANAGE)
    form = BatchForm(request.POST or None, instance=batch)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        facilitators = data.pop("facilitators")
        try:
            stored = get_batch_for_user(request.user, pk, action=MANAGE)
            services.batch_update(actor=request.user, batch=stored, data=data, facilitators=facilitators)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Angkatan disimpan."))
            return redirect("learning:batch_detail", pk=pk)
    return render(request, "learning/form.html", {"form": form, "title": _("Ubah %(b)s") % {"b": batch}})


@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk)
    visible = enrolments_visible_in(request.user, batch).for_list()
    enrolments = list(visible)
    confirmed = [e for e in enrolments if e.status == EnrolmentStatus.CONFIRMED]
    results = batch_results(batch, confirmed)
    writable = set(enrolments_writable_in(request.user, batch).values_list("pk", flat=True))
    certificates = {c.enrolment_id: c for c in Certificate.objects.filter(enrolment__in=[e.pk for e in confirmed])}
    rows = [
        {"r": r, "missing": missing_texts(r.completion), "certificate": certificates.get(r.enrolment.pk)}
        for r in results.rows
    ]
    can_run = can_run_batch(request.user, batch)
    context = {
        "batch": batch,
        "programme": batch.programme,
        "sessions": results.sessions,
        "agenda": [(s, results.session_count(s)) for s in results.sessions],
        "enrolments": enrolments,
        "others": [e for e in enrolments if e.status != EnrolmentStatus.CONFIRMED],
        "results": results,
        "rows": rows,
        "writable": writable,
        "feedback": services.feedback_summary(batch),
        "can_manage": is_learning_admin(request.user),
        "can_run": can_run,
        "can_nominate": can_nominate(request.user) and batch.status == BatchStatus.OPEN,
        "seats_taken": sum(1 for e in enrolments if e.holds_seat) if is_learning_admin(request.user) else None,
        "reopen_form": ReasonForm(),
        "statuses": BatchStatus,
    }
    return render(request, "learning/batch_detail.html", context)


@login_required
@require_POST
def batch_status(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk, action=MANAGE)
    action = request.POST.get("action", "")
    try:
        if action == "open":
            services.batch_open(actor=request.user, batch=batch)
            messages.success(request, _("Pendaftaran dibuka."))
        elif action == "start":
            services.batch_start(actor=request.user, batch=batch)
            messages.success(request, _("Angkatan berjalan: presensi dan tes dapat dimulai."))
        elif action == "close":
            result = services.batch_close(actor=request.user, batch=batch)
            messages.success(
                request,
                _("Angkatan ditutup: %(c)d peserta lulus, %(n)d belum; %(s)d sertifikat diterbitkan.")
                % {"c": result.completed, "n": result.not_completed, "s": result.certificates},
            )
        elif action == "reopen":
            services.batch_reopen(actor=request.user, batch=batch, reason=request.POST.get("reason", ""))
            messages.success(request, _("Angkatan dibuka kembali; tutup lagi setelah koreksi."))
        else:
            messages.error(request, _("Tindakan tidak dikenal."))
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("learning:batch_detail", pk=pk)


@login_required
@require_POST
def batch_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk, action=RUN)
    what = request.POST.get("what", "")
    if what not in ("pre", "post", "feedback"):
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect("learning:batch_detail", pk=pk)
    try:
        services.batch_toggle(actor=request.user, batch=batch, what=what, open_=request.POST.get("open") == "1")
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("learning:batch_detail", pk=pk)


@login_required
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk, action=MANAGE)
    form = SessionForm(request.POST or None, initial={"date": batch.start_date})
    if request.method == "POST" and form.is_valid():
        try:
            services.session_create(actor=request.user, batch=batch, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sesi ditambahkan."))
            if "again" in request.POST:
                return redirect("learning:session_create", pk=pk)
            return redirect("learning:batch_detail", pk=pk)
    return render(
        request, "learning/form.html", {"form": form, "title": _("Tambah sesi — %(b)s") % {"b": batch}, "again": True}
    )


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    get_batch_for_user(request.user, session.batch_id, action=MANAGE)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            stored = get_session_for_user(request.user, pk)
            services.session_update(actor=request.user, session=stored, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sesi disimpan."))
            return redirect("learning:batch_detail", pk=session.batch_id)
    return render(request, "learning/form.html", {"form": form, "title": _("Ubah sesi")})


@login_required
@require_POST
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    batch = get_batch_for_user(request.user, session.batch_id, action=MANAGE)
    try:
        services.session_delete(actor=request.user, session=session)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("Sesi dihapus."))
    return redirect("learning:batch_detail", pk=batch.pk)
