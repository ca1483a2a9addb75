"""Pre-test and post-test attempts: start (shuffled), submit (scored), one attempt each unless
the facilitator allows another.

[design] The latest submitted attempt of each kind is the participant's score. An attempt
submitted more than :data:`GRACE_SECONDS` after its deadline counts with no answers (the page
submits itself when the time is up, so this only catches a tampered or abandoned attempt).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from pamong.core.audit import audit_record
from pamong.core.models import Source

from .. import scoring
from ..errors import message
from ..models import AttemptKind, Choice, Enrolment, EnrolmentStatus, Question, TestAttempt

GRACE_SECONDS = 60
_shuffle = random.SystemRandom().shuffle


def attempts_allowed(enrolment: Enrolment, kind: str) -> int:
    return enrolment.pre_attempts_allowed if kind == AttemptKind.PRE else enrolment.post_attempts_allowed


def is_open(enrolment: Enrolment, kind: str) -> bool:
    batch = enrolment.batch
    return batch.pre_test_open if kind == AttemptKind.PRE else batch.post_test_open


def attempts_left(enrolment: Enrolment, kind: str) -> int:
    used = TestAttempt.objects.filter(enrolment=enrolment, kind=kind).count()
    return max(0, attempts_allowed(enrolment, kind) - used)


def _finish(attempt: TestAttempt, answers: Mapping[str, list[int]], *, late: bool) -> TestAttempt:
    question_ids = [qid for qid, _choices in attempt.layout]
    offered = {cid for _qid, choices in attempt.layout for cid in choices}
    keys: dict[int, set[int]] = {qid: set() for qid in question_ids}
    for question_id, choice_id in Choice.objects.filter(question_id__in=question_ids, is_correct=True).values_list(
        "question_id", "id"
    ):
        keys[question_id].add(choice_id)
    clean = {} if late else {int(q): [int(c) for c in cs if int(c) in offered] for q, cs in answers.items()}
    result = scoring.score_attempt({q: set(cs) for q, cs in clean.items()}, keys)
    now = timezone.now()
    updated = TestAttempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
        submitted_at=now,
        answers={str(q): cs for q, cs in clean.items()},
        correct=result.correct,
        total=result.total,
        score=result.score,
        late=late,
    )
    if updated != 1:
        raise ValidationError(message("attempt_submitted"))
    attempt.refresh_from_db()
    return attempt


def _expire_stale(enrolment: Enrolment, kind: str) -> None:
    limit = timezone.now() - dt.timedelta(seconds=GRACE_SECONDS)
    for attempt in TestAttempt.objects.filter(
        enrolment=enrolment, kind=kind, submitted_at__isnull=True, deadline__lt=limit
    ):
        _finish(attempt, {}, late=True)


def attempt_start(*, actor: Any, enrolment: Enrolment, kind: str, source: str = Source.WEB) -> TestAttempt:
    """The running attempt if there is one, else a new one with its own question and option order.

    An abandoned attempt past its deadline is closed first, in its own transaction, so it
    stays closed even when no new attempt may start."""
    with transaction.atomic():
        _expire_stale(enrolment, kind)
    return _attempt_start(actor=actor, enrolment=enrolment, kind=kind, source=source)


@transaction.atomic
def _attempt_start(*, actor: Any, enrolment: Enrolment, kind: str, source: str) -> TestAttempt:
    label = AttemptKind(kind).label
    if enrolment.status != EnrolmentStatus.CONFIRMED:
        raise ValidationError(message("not_confirmed"))
    if not is_open(enrolment, kind):
        raise ValidationError(message("test_not_open", kind=label))
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    running = TestAttempt.objects.filter(enrolment=enrolment, kind=kind, submitted_at__isnull=True).first()
    if running is not None:
        return running
    if attempts_left(enrolment, kind) <= 0:
        raise ValidationError(message("no_attempts_left", kind=label))
    questions = list(
        Question.objects.active().filter(programme_id=enrolment.batch.programme_id).prefetch_related("choices")
    )
    if not questions:
        raise ValidationError(message("no_questions"))
    _shuffle(questions)
    layout = []
    for question in questions:
        choice_ids = [c.pk for c in question.choices.all()]
        if question.kind != "true_false":
            _shuffle(choice_ids)
        layout.append([question.pk, choice_ids])
    number = (TestAttempt.objects.filter(enrolment=enrolment, kind=kind).aggregate(n=Max("number"))["n"] or 0) + 1
    now = timezone.now()
    attempt = TestAttempt.objects.create(
        enrolment=enrolment,
        kind=kind,
        number=number,
        started_at=now,
        deadline=now + dt.timedelta(minutes=enrolment.batch.test_minutes),
        layout=layout,
        total=len(layout),
    )
    audit_record(
        actor=actor,
        action="learning.test.started",
        obj=attempt,
        source=source,
        changes={"kind": [None, kind], "number": [None, number]},
    )
    return attempt


@transaction.atomic
def attempt_submit(
    *, actor: Any, attempt: TestAttempt, answers: Mapping[str, list[int]], source: str = Source.WEB
) -> TestAttempt:
    """Score the attempt. ``answers`` maps question id (text or int) → chosen option ids."""
    if attempt.is_submitted:
        raise ValidationError(message("attempt_submitted"))
    late = timezone.now() > attempt.deadline + dt.timedelta(seconds=GRACE_SECONDS)
    attempt = _finish(attempt, {str(k): list(v) for k, v in answers.items()}, late=late)
    audit_record(
        actor=actor,
        action="learning.test.submitted",
        obj=attempt,
        source=source,
        changes={"score": [None, attempt.score], "late": [None, late]},
    )
    return attempt


def latest_scores(enrolment_ids: list[int]) -> dict[tuple[int, str], TestAttempt]:
    """``{(enrolment_id, kind): latest submitted attempt}`` in one query."""
    found: dict[tuple[int, str], TestAttempt] = {}
    for attempt in TestAttempt.objects.submitted().filter(enrolment_id__in=enrolment_ids).order_by("number"):
        found[(attempt.enrolment_id, attempt.kind)] = attempt
    return found
