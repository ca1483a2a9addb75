"""Test scores and normalised gain (pamong.learning.scoring)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pamong.learning import scoring


@pytest.mark.parametrize(
    ("chosen", "correct", "expected"),
    [
        ({1}, {1}, True),
        ({2}, {1}, False),
        ({1, 3}, {1, 3}, True),
        ({1}, {1, 3}, False),  # one right option missing: no partial credit
        ({1, 2, 3}, {1, 3}, False),  # one wrong option added
        (set(), {1}, False),
    ],
)
def test_a_question_scores_only_with_exactly_the_correct_options(chosen, correct, expected):
    assert scoring.question_correct(chosen, correct) is expected


def test_attempt_score_is_points_over_questions_times_100():
    keys = {1: {10}, 2: {20, 21}, 3: {30}}
    result = scoring.score_attempt({1: {10}, 2: {20, 21}, 3: {31}}, keys)
    assert (result.correct, result.total, result.score) == (2, 3, D("66.67"))


def test_unanswered_questions_count_as_wrong_and_unknown_ones_are_ignored():
    result = scoring.score_attempt({99: {1}}, {1: {10}, 2: {20}})
    assert (result.correct, result.score) == (0, D("0.00"))


@pytest.mark.parametrize(
    ("pre", "post", "gain"),
    [
        (D("40"), D("70"), D("0.500")),
        (D("50"), D("100"), D("1.000")),
        (D("60"), D("50"), D("-0.250")),
        (D("0"), D("33.33"), D("0.333")),
    ],
)
def test_normalised_gain_of_a_participant(pre, post, gain):
    assert scoring.normalised_gain(pre, post) == gain


def test_gain_is_undefined_when_the_pre_test_is_already_perfect():
    assert scoring.normalised_gain(D("100"), D("100")) is None


def test_batch_gain_is_the_gain_of_the_mean_scores():
    # mean pre 50, mean post 80 → (80 − 50) / (100 − 50) = 0,6
    assert scoring.batch_gain([(D("40"), D("70")), (D("60"), D("90"))]) == D("0.600")
    assert scoring.batch_gain([]) is None


@pytest.mark.parametrize(
    ("gain", "band"), [(D("0.7"), "high"), (D("0.69"), "medium"), (D("0.3"), "medium"), (D("0.1"), "low"), (None, "")]
)
def test_gain_bands_follow_hake(gain, band):
    assert scoring.gain_band(gain) == band


@given(st.integers(0, 99), st.integers(0, 100))
def test_gain_is_at_most_one(pre, post):
    gain = scoring.normalised_gain(D(pre), D(post))
    assert gain is not None and gain <= 1
