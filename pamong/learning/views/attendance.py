"""Attendance: the facilitator's rotating QR, the participant's check-in, and marks by hand."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import services
from ..access import enrolments_visible_in, get_session_for_user
from ..certificates import qr_svg
from ..errors import message
from ..forms import ManualAttendanceForm
from ..models import Attendance, Enrolment, Session
from .common import apply_errors


def _checkin_url(request: HttpRequest, session: Session) -> str:
    code = services.checkin_code(session)
    return request.build_absolute_uri(reverse("learning:attendance_checkin", args=[session.pk, code]))


@login_required
def session_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's screen: a QR code that htmx replaces every minute."""
    session = get_session_for_user(request.user, pk)
    present = Attendance.objects.filter(session=session).count()
    context = {
        "session": session,
        "batch": session.batch,
        "present": present,
        "period": services.attendance.CODE_PERIOD,
    }
    context.update(_code_context(request, session))
    return render(request, "learning/session_qr.html", context)


def _code_context(request: HttpRequest, session: Session) -> dict[str, object]:
    url = _checkin_url(request, session)
    return {"url": url, "qr": qr_svg(url, scale=6), "present": Attendance.objects.filter(session=session).count()}


@login_required
def session_qr_code(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    context = {"session": session, **_code_context(request, session)}
    return render(request, "learning/session_qr.html#code", context)


@login_required
def attendance_checkin(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Where the QR code leads: any logged-in user may arrive; the service says yes or why not."""
    session = get_object_or_404(Session.objects.select_related("batch", "batch__programme"), pk=pk)
    error = ""
    done = None
    if request.method == "POST":
        try:
            done, _created = services.attendance_checkin(actor=request.user, session=session, code=code)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        try:
            services.check_code(code, session)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    enrolment = None
    employee = getattr(request.user, "employee", None)
    if employee is not None:
        enrolment = Enrolment.objects.filter(batch_id=session.batch_id, employee=employee).first()
    if not error and done is None and (enrolment is None or not enrolment.holds_seat):
        error = message("not_participant")
    already = enrolment is not None and Attendance.objects.filter(enrolment=enrolment, session=session).exists()
    # Only a participant learns which batch and session the code belongs to.
    show = enrolment is not None
    return render(
        request,
        "learning/checkin.html",
        {
            "session": session if show else None,
            "error": error,
            "done": done,
            "already": already,
            "code": code,
            "pk": pk,
        },
        status=200,
    )


@login_required
def attendance_manual(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    participants = list(enrolments_visible_in(request.user, session.batch).confirmed().for_list())
    present = set(Attendance.objects.filter(session=session).values_list("enrolment_id", flat=True))
    form = ManualAttendanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        enrolment = next((e for e in participants if str(e.pk) == request.POST.get("enrolment")), None)
        if enrolment is None:
            form.add_error(None, _("Pilih peserta."))
        else:
            try:
                services.attendance_mark(
                    actor=request.user,
                    session=session,
                    enrolment=enrolment,
                    present=form.cleaned_data["present"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Kehadiran %(name)s dicatat.") % {"name": enrolment.employee.full_name})
                return redirect("learning:attendance_manual", pk=pk)
    return render(
        request,
        "learning/attendance_manual.html",
        {"session": session, "batch": session.batch, "participants": participants, "present": present, "form": form},
    )
