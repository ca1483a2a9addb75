"""Completion rules of a batch and what a participant still misses (pamong.learning.completion)."""

from decimal import Decimal as D

import pytest

from pamong.learning import completion as c


@pytest.mark.parametrize(
    ("total", "percent", "needed"), [(6, 80, 5), (5, 80, 4), (10, 80, 8), (3, 100, 3), (0, 80, 0), (4, 0, 0)]
)
def test_sessions_needed_round_up(total, percent, needed):
    assert c.sessions_needed(total, percent) == needed


def test_a_participant_with_enough_attendance_completes_by_default():
    result = c.evaluate(c.Rules(), c.Progress(sessions_total=6, sessions_attended=5))
    assert result.completed is True
    assert result.missing == ()


def test_too_little_attendance_is_reported_with_what_is_needed():
    result = c.evaluate(c.Rules(), c.Progress(sessions_total=6, sessions_attended=4))
    assert result.completed is False
    assert result.missing == (c.Missing(c.ATTENDANCE, needed=5, have=4),)


def test_every_missing_rule_is_reported_together():
    rules = c.Rules(min_attendance_percent=80, pass_score=D("70"), feedback_required=True)
    result = c.evaluate(rules, c.Progress(sessions_total=5, sessions_attended=1, post_score=None))
    assert [m.code for m in result.missing] == [c.ATTENDANCE, c.POST_TEST_MISSING, c.FEEDBACK]


def test_a_post_test_below_the_passing_grade_is_reported_with_the_score():
    rules = c.Rules(pass_score=D("70"))
    result = c.evaluate(rules, c.Progress(sessions_total=2, sessions_attended=2, post_score=D("65")))
    assert result.missing == (c.Missing(c.POST_TEST_BELOW, needed=D("70"), have=D("65")),)


def test_the_passing_grade_itself_passes():
    rules = c.Rules(pass_score=D("70"), feedback_required=True)
    result = c.evaluate(
        rules, c.Progress(sessions_total=2, sessions_attended=2, post_score=D("70"), feedback_submitted=True)
    )
    assert result.completed is True
