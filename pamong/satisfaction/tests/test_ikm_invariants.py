"""Invariants of the IKM for any answers (hypothesis)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pamong.satisfaction.ikm import UNSUR_CODES, compute, tally

answer = st.integers(min_value=1, max_value=4)
respondent = st.fixed_dictionaries({code: answer for code in UNSUR_CODES})
respondents = st.lists(respondent, min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(respondents)
def test_ikm_stays_between_25_and_100(rows):
    n, tallies = tally(rows)
    result = compute(tallies, respondents=n)
    assert Decimal("25.00") <= result.ikm <= Decimal("100.00")


@settings(max_examples=300, deadline=None)
@given(respondents, st.data())
def test_raising_one_answer_never_lowers_the_ikm(rows, data):
    i = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    code = data.draw(st.sampled_from(UNSUR_CODES))
    if rows[i][code] == 4:
        return
    before = compute(tally(rows)[1], respondents=len(rows)).ikm
    raised = [dict(r) for r in rows]
    raised[i][code] += 1
    after = compute(tally(raised)[1], respondents=len(rows)).ikm
    assert after >= before


@settings(max_examples=200, deadline=None)
@given(respondents)
def test_ikm_is_twenty_five_times_the_mean_nrr(rows):
    n, tallies = tally(rows)
    result = compute(tallies, respondents=n)
    exact = sum(u.nrr_exact for u in result.unsur) * 25 / 9
    assert abs(Decimal(exact.numerator) / Decimal(exact.denominator) - result.ikm) <= Decimal("0.005")
