"""Attendance: the rotating QR check-in code, check-in by a participant, and marks by hand.

The code is ``TimestampSigner(salt).sign_object({"s": session_id})``: it names the session
and carries the time it was made, signed with the site's secret. The facilitator's page
fetches a new one every minute; a code is accepted for :data:`CODE_MAX_AGE` seconds, so a
participant who scanned just before the change still gets in [design: two minutes].
"""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from pamong.core.audit import audit_record
from pamong.core.models import Source

from ..errors import message
from ..models import Attendance, AttendanceMethod, BatchStatus, Enrolment, EnrolmentStatus, Session

CODE_SALT = "pamong.learning.checkin"
CODE_PERIOD = 60  # seconds between new codes on the facilitator's screen
CODE_MAX_AGE = 120  # seconds a code is accepted


def checkin_code(session: Session) -> str:
    """A fresh signed, time-stamped code for ``session``."""
    return signing.TimestampSigner(salt=CODE_SALT).sign_object({"s": session.pk})


def check_code(code: str, session: Session) -> None:
    """Raise ``ValidationError`` when ``code`` is expired, forged, or for another session."""
    signer = signing.TimestampSigner(salt=CODE_SALT)
    try:
        data = signer.unsign_object(code, max_age=CODE_MAX_AGE)
    except signing.SignatureExpired:
        raise ValidationError(message("code_expired"), code="code_expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise ValidationError(message("code_forged"), code="code_forged") from None
    if not isinstance(data, dict) or data.get("s") != session.pk:
        raise ValidationError(message("code_other_session"), code="code_other_session")


def _participant(user: Any, session: Session) -> Enrolment:
    employee = getattr(user, "employee", None)
    enrolment = (
        Enrolment.objects.filter(batch_id=session.batch_id, employee=employee).first() if employee is not None else None
    )
    if enrolment is None or enrolment.status not in (EnrolmentStatus.INVITED, EnrolmentStatus.CONFIRMED):
        raise ValidationError(message("not_participant"), code="not_participant")
    if enrolment.status != EnrolmentStatus.CONFIRMED:
        raise ValidationError(message("not_confirmed"), code="not_confirmed")
    return enrolment


@transaction.atomic
def attendance_checkin(*, actor: Any, session: Session, code: str, source: str = Source.WEB) -> tuple[Attendance, bool]:
    """Check the logged-in participant in with a scanned code. Returns ``(attendance, created)``;
    a second scan of the same session is harmless."""
    check_code(code, session)
    if session.batch.status != BatchStatus.RUNNING:
        raise ValidationError(message("batch_not_running"), code="batch_not_running")
    enrolment = _participant(actor, session)
    existing = Attendance.objects.filter(enrolment=enrolment, session=session).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            attendance = Attendance.objects.create(
                enrolment=enrolment, session=session, method=AttendanceMethod.QR, recorded_by=actor
            )
    except IntegrityError:  # the same participant scanned twice at once
        return Attendance.objects.get(enrolment=enrolment, session=session), False
    audit_record(
        actor=actor,
        action="learning.attendance.checked_in",
        obj=attendance,
        source=source,
        changes={"session": [None, session.pk], "method": [None, AttendanceMethod.QR]},
    )
    return attendance, True


@transaction.atomic
def attendance_mark(
    *,
    actor: Any,
    session: Session,
    enrolment: Enrolment,
    present: bool,
    reason: str,
    method: str = AttendanceMethod.MANUAL,
    source: str = Source.WEB,
) -> Attendance | None:
    """The facilitator records (or removes) a participant's attendance by hand, with a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message("reason_required")})
    if session.batch.is_closed:
        raise ValidationError(message("batch_closed"))
    if enrolment.batch_id != session.batch_id or enrolment.status != EnrolmentStatus.CONFIRMED:
        raise ValidationError(message("not_participant"))
    existing = Attendance.objects.filter(enrolment=enrolment, session=session).first()
    if present:
        if existing is not None:
            return existing
        attendance = Attendance.objects.create(
            enrolment=enrolment,
            session=session,
            method=method,
            recorded_by=actor if getattr(actor, "pk", None) else None,
            reason=reason[:300],
            checked_in_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action="learning.attendance.marked",
            obj=attendance,
            source=source,
            changes={"session": [None, session.pk], "present": [False, True], "reason": [None, reason]},
        )
        return attendance
    if existing is not None:
        existing.delete()
        audit_record(
            actor=actor,
            action="learning.attendance.unmarked",
            obj=enrolment,
            source=source,
            changes={"session": [session.pk, None], "present": [True, False], "reason": [None, reason]},
        )
    return None


@transaction.atomic
def attendance_import(
    *, actor: Any, batch: Any, rows: list[Any], file_name: str, source: str = Source.IMPORT
) -> dict[str, int]:
    """Write a checked attendance file (see :mod:`pamong.learning.importing`) with one audit entry."""
    if batch.is_closed:
        raise ValidationError(message("batch_closed"))
    existing = {(a.enrolment_id, a.session_id): a for a in Attendance.objects.filter(session__batch=batch)}
    added = removed = unchanged = 0
    to_create = []
    to_delete = []
    recorder = actor if getattr(actor, "pk", None) else None
    now = timezone.now()
    for row in rows:
        current = existing.get((row.enrolment.pk, row.session.pk))
        if row.present and current is None:
            to_create.append(
                Attendance(
                    enrolment=row.enrolment,
                    session=row.session,
                    method=AttendanceMethod.IMPORT,
                    recorded_by=recorder,
                    reason=row.reason,
                    checked_in_at=now,
                )
            )
            added += 1
        elif not row.present and current is not None:
            to_delete.append(current.pk)
            removed += 1
        else:
            unchanged += 1
    Attendance.objects.bulk_create(to_create)
    Attendance.objects.filter(pk__in=to_delete).delete()
    counts = {"added": added, "removed": removed, "unchanged": unchanged}
    audit_record(
        actor=actor,
        action="learning.attendance.imported",
        obj=batch,
        source=source,
        changes={"file": [None, file_name], **{k: [None, v] for k, v in counts.items()}},
    )
    return counts
