"""Nomination, eligibility, capacity with a waiting list, invitations and withdrawal.

1. BKD administrators and OPD operators nominate employees they may write
   (one by one or in bulk) while the batch is open for enrolment.
2. An employee is eligible when active and, if the programme names target
   position types, holding a post of one of them; otherwise the reason is given.
3. Invited and confirmed participants hold a seat. While seats are free a
   nominee is invited; when the batch is full they join the waiting list.
4. The invited employee confirms or declines. A declined or withdrawn seat goes
   to the first on the waiting list (first nominated, first served), who is invited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import Employee, PositionType

from ..access import nominable_employees
from ..errors import message
from ..models import SEAT_STATUSES, Batch, BatchStatus, Enrolment, EnrolmentStatus, Programme

REUSABLE = (EnrolmentStatus.DECLINED, EnrolmentStatus.WITHDRAWN)


def eligibility_problem(employee: Employee, programme: Programme) -> str | None:
    """Why ``employee`` may not join ``programme``, or None when eligible."""
    if not employee.is_active:
        return message("employee_inactive", name=employee.full_name)
    targets = programme.target_position_types
    if not targets:
        return None
    labels = dict(PositionType.choices)
    target_text = ", ".join(str(labels.get(t, t)) for t in targets)
    position = employee.position
    if position is None:
        return message("no_position", name=employee.full_name, targets=target_text)
    if position.position_type not in targets:
        return message(
            "wrong_position",
            name=employee.full_name,
            position=position.name,
            type=position.get_position_type_display(),
            targets=target_text,
        )
    return None


def _lock_batch(batch: Batch) -> Batch:
    """Lock the batch row so two nominations cannot both take the last seat."""
    return Batch.objects.select_for_update().get(pk=batch.pk)


def _seats_taken(batch: Batch) -> int:
    return Enrolment.objects.filter(batch=batch, status__in=SEAT_STATUSES).count()


def _nominate(*, actor: Any, batch: Batch, employee: Employee) -> Enrolment:
    """Steps 1–3 for one employee; the caller holds the batch lock and writes the audit entry."""
    if batch.status != BatchStatus.OPEN:
        raise ValidationError(message("enrolment_closed", status=batch.get_status_display()))
    if actor is not None and not nominable_employees(actor).filter(pk=employee.pk).exists():
        raise ValidationError(message("not_nominable", name=employee.full_name))
    problem = eligibility_problem(employee, batch.programme)
    if problem:
        raise ValidationError(problem)
    existing = Enrolment.objects.filter(batch=batch, employee=employee).first()
    if existing is not None and existing.status not in REUSABLE:
        raise ValidationError(
            message("already_enrolled", name=employee.full_name, status=existing.get_status_display())
        )
    status = EnrolmentStatus.INVITED if _seats_taken(batch) < batch.capacity else EnrolmentStatus.WAITLISTED
    now = timezone.now()
    nominator = actor if getattr(actor, "pk", None) else None
    if existing is not None:
        updated = Enrolment.objects.filter(pk=existing.pk, status=existing.status).update(
            status=status, created_at=now, responded_at=None, nominated_by=nominator
        )
        if updated != 1:
            raise ValidationError(message("batch_changed_meanwhile"))
        existing.refresh_from_db()
        return existing
    return Enrolment.objects.create(
        batch=batch, employee=employee, status=status, nominated_by=nominator, created_at=now
    )


@transaction.atomic
def enrolment_create(*, actor: Any, batch: Batch, employee: Employee, source: str = Source.WEB) -> Enrolment:
    """Nominate one employee: invited while seats are free, else on the waiting list."""
    batch = _lock_batch(batch)
    enrolment = _nominate(actor=actor, batch=batch, employee=employee)
    audit_record(
        actor=actor,
        action="learning.enrolment.created",
        obj=enrolment,
        source=source,
        changes={"status": [None, enrolment.status], "employee": [None, employee.pk]},
    )
    return enrolment


@dataclass
class BulkResult:
    invited: list[Enrolment] = field(default_factory=list)
    waitlisted: list[Enrolment] = field(default_factory=list)
    refused: list[tuple[Employee, str]] = field(default_factory=list)


@transaction.atomic
def enrolment_create_bulk(
    *, actor: Any, batch: Batch, employees: Iterable[Employee], source: str = Source.WEB
) -> BulkResult:
    """Nominate many employees (e.g. "all administrators of these OPD"). Each is judged like
    :func:`enrolment_create`; those refused are reported with the reason, the rest are written
    with one audit entry."""
    batch = _lock_batch(batch)
    result = BulkResult()
    for employee in employees:
        try:
            with transaction.atomic():
                enrolment = _nominate(actor=actor, batch=batch, employee=employee)
        except ValidationError as exc:
            result.refused.append((employee, " ".join(exc.messages)))
            continue
        (result.invited if enrolment.status == EnrolmentStatus.INVITED else result.waitlisted).append(enrolment)
    if result.invited or result.waitlisted:
        audit_record(
            actor=actor,
            action="learning.enrolment.created_bulk",
            obj=batch,
            source=source,
            changes={
                "invited": [None, [e.employee_id for e in result.invited]],
                "waitlisted": [None, [e.employee_id for e in result.waitlisted]],
            },
        )
    return result


def _promote_waitlist(*, actor: Any, batch: Batch, source: str) -> list[Enrolment]:
    """Invite the first on the waiting list while seats are free (caller holds the batch lock)."""
    promoted = []
    free = batch.capacity - _seats_taken(batch)
    for enrolment in Enrolment.objects.filter(batch=batch).waitlist()[: max(free, 0)]:
        updated = Enrolment.objects.filter(pk=enrolment.pk, status=EnrolmentStatus.WAITLISTED).update(
            status=EnrolmentStatus.INVITED
        )
        if updated != 1:
            continue
        enrolment.status = EnrolmentStatus.INVITED
        promoted.append(enrolment)
        audit_record(
            actor=actor,
            action="learning.enrolment.promoted",
            obj=enrolment,
            source=source,
            changes={"status": [EnrolmentStatus.WAITLISTED, EnrolmentStatus.INVITED]},
        )
    return promoted


def _move(enrolment: Enrolment, *, allowed_from: Iterable[str], to: str, error: str) -> str:
    old = enrolment.status
    if old not in tuple(allowed_from):
        raise ValidationError(message(error, status=enrolment.get_status_display()))
    now = timezone.now()
    updated = Enrolment.objects.filter(pk=enrolment.pk, status=old).update(status=to, responded_at=now)
    if updated != 1:
        raise ValidationError(message("batch_changed_meanwhile"))
    enrolment.status, enrolment.responded_at = to, now
    return old


@transaction.atomic
def enrolment_respond(*, actor: Any, enrolment: Enrolment, accept: bool, source: str = Source.WEB) -> Enrolment:
    """The invited employee confirms (or declines; the seat then goes to the waiting list)."""
    batch = _lock_batch(enrolment.batch)
    if batch.is_closed:
        raise ValidationError(message("batch_closed"))
    to = EnrolmentStatus.CONFIRMED if accept else EnrolmentStatus.DECLINED
    old = _move(enrolment, allowed_from=(EnrolmentStatus.INVITED,), to=to, error="cannot_respond")
    audit_record(
        actor=actor,
        action="learning.enrolment.confirmed" if accept else "learning.enrolment.declined",
        obj=enrolment,
        source=source,
        changes={"status": [old, to]},
    )
    if not accept:
        _promote_waitlist(actor=actor, batch=batch, source=source)
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, actor: Any, enrolment: Enrolment, reason: str = "", source: str = Source.WEB) -> Enrolment:
    """Take a participant (or someone waiting) out of the batch; a freed seat moves the waiting list up."""
    batch = _lock_batch(enrolment.batch)
    if batch.is_closed:
        raise ValidationError(message("batch_closed"))
    held_seat = enrolment.holds_seat
    old = _move(
        enrolment,
        allowed_from=(*SEAT_STATUSES, EnrolmentStatus.WAITLISTED),
        to=EnrolmentStatus.WITHDRAWN,
        error="cannot_withdraw",
    )
    audit_record(
        actor=actor,
        action="learning.enrolment.withdrawn",
        obj=enrolment,
        source=source,
        changes={"status": [old, EnrolmentStatus.WITHDRAWN], "reason": [None, reason or _("tanpa alasan")]},
    )
    if held_seat:
        _promote_waitlist(actor=actor, batch=batch, source=source)
    return enrolment


@transaction.atomic
def enrolment_allow_retake(*, actor: Any, enrolment: Enrolment, kind: str, source: str = Source.WEB) -> Enrolment:
    """The facilitator allows one more attempt at the pre- or post-test."""
    field_name = "pre_attempts_allowed" if kind == "pre" else "post_attempts_allowed"
    before = getattr(enrolment, field_name)
    Enrolment.objects.filter(pk=enrolment.pk, **{field_name: before}).update(**{field_name: before + 1})
    setattr(enrolment, field_name, before + 1)
    audit_record(
        actor=actor,
        action="learning.enrolment.retake_allowed",
        obj=enrolment,
        source=source,
        changes={field_name: [before, before + 1]},
    )
    return enrolment
