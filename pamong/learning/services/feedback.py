"""The participants' reaction questionnaire, stored without a link to who answered.

Two rows are written: a :class:`FeedbackSubmission` (keyed by the enrolment, nothing else)
so the participant cannot answer twice and completion can see it, and a
:class:`FeedbackResponse` with a random id, the batch, the date (not the time) and the answers.
Nothing joins the two. Summaries are shown only when at least :data:`MIN_RESPONSES` answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone

from pamong.core.audit import audit_record
from pamong.core.models import Source

from ..errors import message
from ..models import Batch, Enrolment, EnrolmentStatus, FeedbackResponse, FeedbackSubmission

MIN_RESPONSES = 3
ASPECTS = ("content", "facilitators", "organisation", "relevance")


@transaction.atomic
def feedback_submit(
    *,
    actor: Any,
    enrolment: Enrolment,
    ratings: dict[str, int],
    comments: str = "",
    source: str = Source.WEB,
) -> None:
    batch = enrolment.batch
    if enrolment.status != EnrolmentStatus.CONFIRMED:
        raise ValidationError(message("not_participant"))
    if not batch.feedback_open:
        raise ValidationError(message("feedback_not_open"))
    try:
        with transaction.atomic():
            FeedbackSubmission.objects.create(enrolment=enrolment)
    except IntegrityError:
        raise ValidationError(message("feedback_once")) from None
    response = FeedbackResponse(
        batch=batch,
        submitted_on=timezone.localdate(),
        comments=comments.strip(),
        **{aspect: int(ratings[aspect]) for aspect in ASPECTS},
    )
    response.full_clean()
    response.save(force_insert=True)
    # The audit entry says that the participant answered, never what.
    audit_record(actor=actor, action="learning.feedback.submitted", obj=batch, source=source, changes={})


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    shown: bool  # False when fewer than MIN_RESPONSES answered
    averages: dict[str, Decimal]
    comments: list[str]


def feedback_summary(batch: Batch) -> FeedbackSummary:
    responses = FeedbackResponse.objects.filter(batch=batch)
    aggregates = responses.aggregate(n=Count("id"), **{a: Avg(a) for a in ASPECTS})
    count = aggregates["n"] or 0
    if count < MIN_RESPONSES:
        return FeedbackSummary(count=count, shown=False, averages={}, comments=[])
    averages = {a: Decimal(str(aggregates[a])).quantize(Decimal("0.01")) for a in ASPECTS if aggregates[a] is not None}
    # Comments in a fixed order that follows neither time nor the participant: by their text.
    comments = sorted(c for c in responses.exclude(comments="").values_list("comments", flat=True))
    return FeedbackSummary(count=count, shown=True, averages=averages, comments=comments)
