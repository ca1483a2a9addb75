"""Krejcie & Morgan's sample size, as the regulation's table publishes it (RULES.md §2.4)."""

import pytest

from pamong.satisfaction.ikm import UNSUR_CODES, compute, period_population, sample_size


@pytest.mark.parametrize(
    ("population", "sample"),
    [(1, 1), (10, 10), (50, 44), (100, 80), (500, 217), (1_000, 278), (10_000, 370), (10**9, 384)],
)
def test_sample_size_matches_the_published_table(population, sample):
    assert sample_size(population) == sample


def test_result_says_whether_the_sample_was_reached():
    tallies = {code: (240, 80) for code in UNSUR_CODES}
    assert compute(tallies, respondents=80, population=100).sample_met is True
    assert compute(tallies, respondents=80, population=100).required_sample == 80
    assert compute({c: (237, 79) for c in UNSUR_CODES}, respondents=79, population=100).sample_met is False


def test_a_quarter_uses_the_yearly_population_pro_rata():
    assert period_population(1000, 92, 365) == 253  # 252,05… rounded up
    assert period_population(1000, 365, 365) == 1000
