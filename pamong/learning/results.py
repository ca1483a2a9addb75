"""A batch's results in a handful of queries: attendance matrix, scores, gains, completion.

Read-only; the closing service, the batch pages, the report, the API and self-service all
use :func:`batch_results`, so they agree on every number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from . import completion, scoring
from .models import AttemptKind, Attendance, Batch, Enrolment, FeedbackSubmission, Session, TestAttempt


@dataclass
class ParticipantResult:
    enrolment: Enrolment
    attended: set[int]
    pre: TestAttempt | None
    post: TestAttempt | None
    feedback_submitted: bool
    completion: completion.Result

    @property
    def gain(self) -> Decimal | None:
        if self.pre is None or self.post is None or self.pre.score is None or self.post.score is None:
            return None
        return scoring.normalised_gain(self.pre.score, self.post.score)

    @property
    def gain_band(self) -> str:
        return scoring.gain_band(self.gain)

    @property
    def attended_count(self) -> int:
        return len(self.attended)


@dataclass
class BatchResults:
    batch: Batch
    sessions: list[Session]
    rows: list[ParticipantResult] = field(default_factory=list)

    @property
    def jp(self) -> Decimal:
        return self.batch.effective_jp([s.minutes for s in self.sessions])

    @property
    def mean_pre(self) -> Decimal | None:
        return scoring.mean(r.pre.score for r in self.rows if r.pre and r.pre.score is not None)

    @property
    def mean_post(self) -> Decimal | None:
        return scoring.mean(r.post.score for r in self.rows if r.post and r.post.score is not None)

    @property
    def batch_gain(self) -> Decimal | None:
        pairs = [
            (r.pre.score, r.post.score)
            for r in self.rows
            if r.pre and r.post and r.pre.score is not None and r.post.score is not None
        ]
        return scoring.batch_gain(pairs)

    @property
    def completed_count(self) -> int:
        return sum(1 for r in self.rows if r.completion.completed)

    def session_count(self, session: Session) -> int:
        return sum(1 for r in self.rows if session.pk in r.attended)


def batch_results(batch: Batch, enrolments: Iterable[Enrolment] | None = None) -> BatchResults:
    """Results of the confirmed participants (or of ``enrolments``), ordered by name."""
    sessions = list(Session.objects.filter(batch=batch).select_related("facilitator"))
    if enrolments is None:
        enrolments = Enrolment.objects.filter(batch=batch).confirmed().for_list()
    enrolments = list(enrolments)
    ids = [e.pk for e in enrolments]
    attended: dict[int, set[int]] = defaultdict(set)
    for enrolment_id, session_id in Attendance.objects.filter(enrolment_id__in=ids).values_list(
        "enrolment_id", "session_id"
    ):
        attended[enrolment_id].add(session_id)
    latest: dict[tuple[int, str], TestAttempt] = {}
    for attempt in TestAttempt.objects.submitted().filter(enrolment_id__in=ids).order_by("number"):
        latest[(attempt.enrolment_id, attempt.kind)] = attempt
    answered = set(FeedbackSubmission.objects.filter(enrolment_id__in=ids).values_list("enrolment_id", flat=True))
    rules = batch.completion_rules()
    result = BatchResults(batch=batch, sessions=sessions)
    for enrolment in enrolments:
        post = latest.get((enrolment.pk, AttemptKind.POST))
        progress = completion.Progress(
            sessions_total=len(sessions),
            sessions_attended=len(attended[enrolment.pk]),
            post_score=post.score if post else None,
            feedback_submitted=enrolment.pk in answered,
        )
        result.rows.append(
            ParticipantResult(
                enrolment=enrolment,
                attended=attended[enrolment.pk],
                pre=latest.get((enrolment.pk, AttemptKind.PRE)),
                post=post,
                feedback_submitted=enrolment.pk in answered,
                completion=completion.evaluate(rules, progress),
            )
        )
    return result


def missing_texts(result: completion.Result) -> list[str]:
    """What a participant still misses, as sentences."""
    from django.utils.translation import gettext as _

    from pamong.core.formatting import number_id

    texts = []
    for item in result.missing:
        if item.code == completion.ATTENDANCE:
            texts.append(
                _("Kehadiran: %(have)s dari %(needed)s sesi yang disyaratkan.")
                % {"have": item.have, "needed": item.needed}
            )
        elif item.code == completion.POST_TEST_MISSING:
            texts.append(_("Post-test belum dikerjakan (nilai lulus %(needed)s).") % {"needed": number_id(item.needed)})
        elif item.code == completion.POST_TEST_BELOW:
            texts.append(
                _("Nilai post-test %(have)s di bawah nilai lulus %(needed)s.")
                % {"have": number_id(item.have), "needed": number_id(item.needed)}
            )
        elif item.code == completion.FEEDBACK:
            texts.append(_("Umpan balik belum diisi."))
    return texts
