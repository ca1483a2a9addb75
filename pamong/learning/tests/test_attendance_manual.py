"""Attendance marked by hand by the facilitator, always with a reason."""

import pytest
from django.core.exceptions import ValidationError

from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.models import Attendance, BatchStatus, Session

from .helpers import batch, enrol

pytestmark = pytest.mark.django_db


def test_the_facilitator_marks_a_participant_present_with_a_reason(personas):
    b = batch(personas, status=BatchStatus.RUNNING)
    e = enrol(personas, b)
    s = Session.objects.filter(batch=b).first()
    attendance = services.attendance_mark(
        actor=personas.gita, session=s, enrolment=e, present=True, reason="Ponsel mati"
    )
    assert (attendance.method, attendance.reason, attendance.recorded_by) == ("manual", "Ponsel mati", personas.gita)
    assert AuditEntry.objects.get(action="learning.attendance.marked").changes["reason"] == [None, "Ponsel mati"]


def test_a_manual_mark_without_a_reason_is_refused(personas):
    b = batch(personas, status=BatchStatus.RUNNING)
    e = enrol(personas, b)
    s = Session.objects.filter(batch=b).first()
    with pytest.raises(ValidationError) as exc:
        services.attendance_mark(actor=personas.gita, session=s, enrolment=e, present=True, reason="  ")
    assert exc.value.message_dict["reason"] == ["Tuliskan alasan pencatatan kehadiran secara manual."]


def test_the_facilitator_can_remove_a_wrong_mark_with_a_reason(personas):
    b = batch(personas, status=BatchStatus.RUNNING)
    e = enrol(personas, b)
    s = Session.objects.filter(batch=b).first()
    services.attendance_mark(actor=personas.gita, session=s, enrolment=e, present=True, reason="Hadir")
    services.attendance_mark(actor=personas.gita, session=s, enrolment=e, present=False, reason="Salah catat")
    assert not Attendance.objects.exists()
    assert AuditEntry.objects.filter(action="learning.attendance.unmarked").count() == 1
