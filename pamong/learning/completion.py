"""Whether a participant completed a batch, and what is still missing: pure, no Django.

A batch's rules [design, defaults from common practice in BKD workshops]:

1. Attendance: at least ``min_attendance_percent`` of the batch's sessions
   (default 80). The number of sessions needed is rounded up: 80% of 6
   sessions is 4,8, so 5 sessions. A batch without sessions has no attendance rule.
2. Post-test (optional): a submitted post-test scoring at least the passing grade.
3. Feedback (optional): the reaction questionnaire submitted.

Every unmet rule is reported, so the participant sees everything still missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ATTENDANCE = "attendance"
POST_TEST_MISSING = "post_test_missing"
POST_TEST_BELOW = "post_test_below"
FEEDBACK = "feedback"


@dataclass(frozen=True)
class Rules:
    min_attendance_percent: int = 80
    pass_score: Decimal | None = None
    feedback_required: bool = False


@dataclass(frozen=True)
class Progress:
    sessions_total: int
    sessions_attended: int
    post_score: Decimal | None = None
    feedback_submitted: bool = False


@dataclass(frozen=True)
class Missing:
    code: str
    needed: Decimal | int = 0
    have: Decimal | int = 0


@dataclass(frozen=True)
class Result:
    completed: bool
    missing: tuple[Missing, ...]
    sessions_needed: int


def sessions_needed(sessions_total: int, min_attendance_percent: int) -> int:
    """Sessions to attend: the percentage of the total, rounded up."""
    if sessions_total <= 0:
        return 0
    # Integer arithmetic: ceil(total × percent / 100) without float error at exact multiples.
    return -(-sessions_total * max(0, min_attendance_percent) // 100)


def evaluate(rules: Rules, progress: Progress) -> Result:
    missing: list[Missing] = []
    needed = sessions_needed(progress.sessions_total, rules.min_attendance_percent)
    if progress.sessions_attended < needed:
        missing.append(Missing(ATTENDANCE, needed=needed, have=progress.sessions_attended))
    if rules.pass_score is not None:
        if progress.post_score is None:
            missing.append(Missing(POST_TEST_MISSING, needed=rules.pass_score))
        elif Decimal(progress.post_score) < Decimal(rules.pass_score):
            missing.append(Missing(POST_TEST_BELOW, needed=rules.pass_score, have=progress.post_score))
    if rules.feedback_required and not progress.feedback_submitted:
        missing.append(Missing(FEEDBACK))
    return Result(completed=not missing, missing=tuple(missing), sessions_needed=needed)
