"""Programmes, batches, sessions, the question bank and the batch status workflow."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from pamong.accounts.models import Role, RoleAssignment
from pamong.core.audit import audit_record, diff, snapshot
from pamong.core.models import Source
from pamong.people.models import PositionType

from ..errors import message
from ..models import (
    Batch,
    BatchStatus,
    Choice,
    Programme,
    Question,
    QuestionKind,
    Route,
    Session,
    route_of_kind,
)

PROGRAMME_FIELDS = (
    "title",
    "description",
    "goals",
    "kind",
    "route",
    "competency_type",
    "target_position_types",
    "hours_jp",
    "value_framework",
    "owner_unit",
    "certificate_number_format",
    "is_active",
)
BATCH_FIELDS = (
    "start_date",
    "end_date",
    "venue",
    "online_url",
    "capacity",
    "hours_jp",
    "min_attendance_percent",
    "pass_score",
    "feedback_required",
    "test_minutes",
    "evaluation_months",
    "signatory_name",
    "signatory_position",
    "signatory_nip",
)
SESSION_FIELDS = ("date", "start_time", "end_time", "topic", "facilitator")


def check_number_format(text: str) -> None:
    """The certificate number template may use ``{seq}`` (with a format spec) and ``{year}`` only."""
    try:
        names = {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}
        text.format(seq=1, year=2026)
    except (ValueError, KeyError, IndexError):
        raise ValidationError({"certificate_number_format": message("bad_number_format")}) from None
    if "seq" not in names or not names <= {"seq", "year"}:
        raise ValidationError({"certificate_number_format": message("bad_number_format")})


def _check_programme(programme: Programme) -> None:
    errors: dict[str, list[str]] = {}
    expected = route_of_kind(programme.kind)
    if programme.kind and programme.route and programme.route != expected:
        errors["route"] = [
            message("route_mismatch", kind=programme.get_kind_display(), route=str(dict(Route.choices)[expected]))
        ]
    unknown = [v for v in programme.target_position_types if v not in PositionType.values]
    if unknown:
        errors["target_position_types"] = [message("unknown_position_type", value=", ".join(unknown))]
    try:
        check_number_format(programme.certificate_number_format)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        programme.full_clean()
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def programme_create(*, actor: Any, data: Mapping[str, Any], source: str = Source.WEB) -> Programme:
    values = {k: v for k, v in data.items() if k in PROGRAMME_FIELDS}
    values.setdefault("route", route_of_kind(values.get("kind", "")))
    programme = Programme(**values)
    _check_programme(programme)
    programme.save()
    audit_record(
        actor=actor,
        action="learning.programme.created",
        obj=programme,
        source=source,
        changes=diff({}, snapshot(programme, PROGRAMME_FIELDS)),
    )
    return programme


@transaction.atomic
def programme_update(
    *, actor: Any, programme: Programme, data: Mapping[str, Any], source: str = Source.WEB
) -> Programme:
    before = snapshot(programme, PROGRAMME_FIELDS)
    for key, value in data.items():
        if key in PROGRAMME_FIELDS:
            setattr(programme, key, value)
    _check_programme(programme)
    changes = diff(before, snapshot(programme, PROGRAMME_FIELDS))
    if changes:
        programme.save(update_fields=[k for k in changes if k in PROGRAMME_FIELDS])
        audit_record(actor=actor, action="learning.programme.updated", obj=programme, source=source, changes=changes)
    return programme


# --- Batches -------------------------------------------------------------------------------------------------


def _check_facilitators(users: Iterable[Any]) -> None:
    users = list(users)
    holders = set(
        RoleAssignment.objects.current().filter(role=Role.FACILITATOR, user__in=users).values_list("user_id", flat=True)
    )
    bad = [u for u in users if u.pk not in holders]
    if bad:
        raise ValidationError({"facilitators": [message("not_facilitator", name=str(u)) for u in bad]})


def _check_batch(batch: Batch) -> None:
    try:
        batch.full_clean(exclude=["programme", "number"])
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None


@transaction.atomic
def batch_create(
    *,
    actor: Any,
    programme: Programme,
    data: Mapping[str, Any],
    facilitators: Iterable[Any] = (),
    source: str = Source.WEB,
) -> Batch:
    """A new draft batch; its number is the programme's next."""
    facilitators = list(facilitators)
    _check_facilitators(facilitators)
    # Lock the programme so two batches created at once do not take the same number.
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    number = (programme.batches.aggregate(n=Max("number"))["n"] or 0) + 1
    batch = Batch(programme=programme, number=number, **{k: v for k, v in data.items() if k in BATCH_FIELDS})
    _check_batch(batch)
    batch.save()
    batch.facilitators.set(facilitators)
    audit_record(
        actor=actor,
        action="learning.batch.created",
        obj=batch,
        source=source,
        changes={**diff({}, snapshot(batch, BATCH_FIELDS)), "facilitators": [None, [u.pk for u in facilitators]]},
    )
    return batch


@transaction.atomic
def batch_update(
    *,
    actor: Any,
    batch: Batch,
    data: Mapping[str, Any],
    facilitators: Iterable[Any] | None = None,
    source: str = Source.WEB,
) -> Batch:
    if batch.is_closed:
        raise ValidationError(message("batch_not_editable"))
    before = snapshot(batch, BATCH_FIELDS)
    for key, value in data.items():
        if key in BATCH_FIELDS:
            setattr(batch, key, value)
    _check_batch(batch)
    changes = diff(before, snapshot(batch, BATCH_FIELDS))
    if changes:
        batch.save(update_fields=list(changes))
    if facilitators is not None:
        facilitators = list(facilitators)
        _check_facilitators(facilitators)
        old = sorted(batch.facilitators.values_list("pk", flat=True))
        new = sorted(u.pk for u in facilitators)
        if old != new:
            batch.facilitators.set(facilitators)
            changes["facilitators"] = [old, new]
    if changes:
        audit_record(actor=actor, action="learning.batch.updated", obj=batch, source=source, changes=changes)
    if "capacity" in changes and batch.status in (BatchStatus.OPEN, BatchStatus.RUNNING):
        from .enrolment import _promote_waitlist

        Batch.objects.select_for_update().filter(pk=batch.pk).first()
        _promote_waitlist(actor=actor, batch=batch, source=source)
    return batch


# The workflow: draft → open → running → closed. Closing (and reopening) lives in closing.py.
TRANSITIONS = {
    BatchStatus.OPEN: (BatchStatus.DRAFT,),
    BatchStatus.RUNNING: (BatchStatus.OPEN,),
}


def set_status(*, batch: Batch, to: str, allowed_from: Iterable[str], **fields: Any) -> None:
    """Move the batch's status with a conditional UPDATE; refuse if it was not in ``allowed_from``."""
    allowed_from = tuple(allowed_from)
    if batch.status not in allowed_from:
        raise ValidationError(
            message(
                "batch_bad_transition",
                **{"from": batch.get_status_display(), "to": str(dict(BatchStatus.choices)[to])},
            )
        )
    updated = Batch.objects.filter(pk=batch.pk, status=batch.status).update(status=to, **fields)
    if updated != 1:
        raise ValidationError(message("batch_changed_meanwhile"))
    batch.status = to
    for key, value in fields.items():
        setattr(batch, key, value)


@transaction.atomic
def batch_open(*, actor: Any, batch: Batch, source: str = Source.WEB) -> Batch:
    """Draft → open for enrolment (needs an agenda)."""
    if not batch.sessions.exists():
        raise ValidationError(message("batch_needs_sessions"))
    old = batch.status
    set_status(batch=batch, to=BatchStatus.OPEN, allowed_from=TRANSITIONS[BatchStatus.OPEN])
    audit_record(
        actor=actor, action="learning.batch.opened", obj=batch, source=source, changes={"status": [old, batch.status]}
    )
    return batch


@transaction.atomic
def batch_start(*, actor: Any, batch: Batch, source: str = Source.WEB) -> Batch:
    """Open → running: enrolment stops; check-in and tests can begin."""
    old = batch.status
    set_status(batch=batch, to=BatchStatus.RUNNING, allowed_from=TRANSITIONS[BatchStatus.RUNNING])
    audit_record(
        actor=actor, action="learning.batch.started", obj=batch, source=source, changes={"status": [old, batch.status]}
    )
    return batch


@transaction.atomic
def batch_toggle(*, actor: Any, batch: Batch, what: str, open_: bool, source: str = Source.WEB) -> Batch:
    """Open or close the pre-test, the post-test or the feedback form (``what`` = pre/post/feedback)."""
    field = {"pre": "pre_test_open", "post": "post_test_open", "feedback": "feedback_open"}[what]
    if batch.is_closed and open_:
        raise ValidationError(message("batch_closed"))
    before = getattr(batch, field)
    if before != open_:
        Batch.objects.filter(pk=batch.pk).update(**{field: open_})
        setattr(batch, field, open_)
        audit_record(
            actor=actor,
            action=f"learning.batch.{field}_{'set' if open_ else 'unset'}",
            obj=batch,
            source=source,
            changes={field: [before, open_]},
        )
    return batch


# --- Sessions --------------------------------------------------------------------------------------------------


def _session_values(session: Session) -> dict[str, Any]:
    """The audit log stores JSON; times go in as ``HH:MM``."""
    values = snapshot(session, SESSION_FIELDS)
    for key in ("start_time", "end_time"):
        if values[key] is not None:
            values[key] = values[key].strftime("%H:%M")
    return values


def _check_session(session: Session) -> None:
    errors: dict[str, list[str]] = {}
    try:
        session.full_clean(exclude=["batch"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    batch = session.batch
    if session.date and not (batch.start_date <= session.date <= batch.end_date):
        errors.setdefault("date", []).append(message("session_outside_batch"))
    if session.start_time and session.end_time and session.end_time <= session.start_time:
        errors.setdefault("end_time", []).append(_("Jam selesai harus setelah jam mulai."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_create(*, actor: Any, batch: Batch, data: Mapping[str, Any], source: str = Source.WEB) -> Session:
    if batch.is_closed:
        raise ValidationError(message("batch_not_editable"))
    session = Session(batch=batch, **{k: v for k, v in data.items() if k in SESSION_FIELDS})
    _check_session(session)
    session.save()
    audit_record(
        actor=actor,
        action="learning.session.created",
        obj=session,
        source=source,
        changes=diff({}, _session_values(session)),
    )
    return session


@transaction.atomic
def session_update(*, actor: Any, session: Session, data: Mapping[str, Any], source: str = Source.WEB) -> Session:
    if session.batch.is_closed:
        raise ValidationError(message("batch_not_editable"))
    before = _session_values(session)
    for key, value in data.items():
        if key in SESSION_FIELDS:
            setattr(session, key, value)
    _check_session(session)
    changes = diff(before, _session_values(session))
    if changes:
        session.save(update_fields=[Session._meta.get_field(k).name for k in changes])
        audit_record(actor=actor, action="learning.session.updated", obj=session, source=source, changes=changes)
    return session


@transaction.atomic
def session_delete(*, actor: Any, session: Session, source: str = Source.WEB) -> None:
    if session.batch.is_closed:
        raise ValidationError(message("batch_not_editable"))
    text = str(session)
    batch = session.batch
    session.delete()
    audit_record(
        actor=actor, action="learning.session.deleted", obj=batch, source=source, changes={"session": [text, None]}
    )


# --- Question bank -------------------------------------------------------------------------------------------------


def _check_choices(kind: str, choices: list[tuple[str, bool]]) -> None:
    if kind == QuestionKind.TRUE_FALSE:
        return
    if len(choices) < 2:
        raise ValidationError({"choices": message("question_needs_choices")})
    correct = sum(1 for _t, ok in choices if ok)
    if kind == QuestionKind.SINGLE and correct != 1:
        raise ValidationError({"choices": message("question_single_one_correct")})
    if kind == QuestionKind.MULTIPLE and correct < 1:
        raise ValidationError({"choices": message("question_multiple_correct")})


@transaction.atomic
def question_create(
    *,
    actor: Any,
    programme: Programme,
    text: str,
    kind: str,
    choices: Iterable[tuple[str, bool]] = (),
    true_answer: bool | None = None,
    source: str = Source.WEB,
) -> Question:
    """Add a question to the bank. ``choices`` are ``(text, is_correct)``; a true/false question
    takes ``true_answer`` and gets the two options "Benar" and "Salah"."""
    cleaned = [(t.strip(), bool(ok)) for t, ok in choices if t and t.strip()]
    if kind == QuestionKind.TRUE_FALSE:
        cleaned = [(_("Benar"), bool(true_answer)), (_("Salah"), not bool(true_answer))]
    _check_choices(kind, cleaned)
    question = Question(programme=programme, text=text.strip(), kind=kind)
    question.full_clean(exclude=["programme"])
    question.save()
    Choice.objects.bulk_create([Choice(question=question, text=t, is_correct=ok) for t, ok in cleaned])
    audit_record(
        actor=actor,
        action="learning.question.created",
        obj=question,
        source=source,
        changes={"text": [None, question.text], "kind": [None, kind], "choices": [None, cleaned]},
    )
    return question


@transaction.atomic
def question_set_active(*, actor: Any, question: Question, active: bool, source: str = Source.WEB) -> Question:
    """Retire (or bring back) a question; past attempts keep their record."""
    if question.is_active != active:
        Question.objects.filter(pk=question.pk).update(is_active=active)
        audit_record(
            actor=actor,
            action="learning.question.updated",
            obj=question,
            source=source,
            changes={"is_active": [question.is_active, active]},
        )
        question.is_active = active
    return question
