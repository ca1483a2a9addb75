"""JP from minutes, batch JP, ledger summaries and compliance (pamong.learning.jp)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pamong.learning import jp


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0, D("0.00")), (45, D("1.00")), (90, D("2.00")), (100, D("2.22")), (30, D("0.67")), (450, D("10.00"))],
)
def test_jp_from_minutes_counts_45_minutes_as_one_jp(minutes, expected):
    assert jp.jp_from_minutes(minutes) == expected


def test_negative_minutes_are_refused():
    with pytest.raises(ValueError):
        jp.jp_from_minutes(-1)


def test_batch_jp_sums_minutes_before_dividing():
    assert jp.batch_jp([15, 15, 15]) == D("1.00")


def test_an_explicit_batch_jp_wins_over_the_sessions():
    assert jp.batch_jp([90, 90], explicit=D("32")) == D("32.00")


def test_summary_splits_the_total_by_competency_and_route():
    summary = jp.summarise(
        [
            jp.LedgerEntry(D("12"), "managerial", True),
            jp.LedgerEntry(D("4.5"), "technical", False),
            jp.LedgerEntry(D("3"), "", True),
        ]
    )
    assert summary.total == D("19.50")
    assert summary.by_competency == {"managerial": D("12.00"), "technical": D("4.50"), "": D("3.00")}
    assert summary.by_route == {"classical": D("15.00"), "non_classical": D("4.50")}


@pytest.mark.parametrize(
    ("total", "target", "met", "shortfall", "percent"),
    [
        (D("20"), D("20"), True, D("0"), D("100")),
        (D("19.5"), D("20"), False, D("0.5"), D("97.5")),
        (D("0"), D("24"), False, D("24"), D("0")),
        (D("40"), D("20"), True, D("0"), D("100")),
        (D("3"), D("0"), True, D("0"), D("100")),
    ],
)
def test_compliance_against_the_target(total, target, met, shortfall, percent):
    result = jp.compliance(total, target)
    assert (result.met, result.shortfall, result.percent) == (met, shortfall, percent)


def test_share_of_compliant_employees_is_a_percentage_or_none_for_an_empty_unit():
    assert jp.share(2, 3) == D("66.67")
    assert jp.share(0, 0) is None


@given(st.integers(min_value=0, max_value=100_000), st.integers(min_value=0, max_value=100_000))
def test_more_minutes_never_give_fewer_jp(a, b):
    low, high = sorted((a, b))
    assert jp.jp_from_minutes(low) <= jp.jp_from_minutes(high)


@given(st.decimals(min_value=0, max_value=500, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_compliance_percent_stays_between_0_and_100(total, target):
    result = jp.compliance(total, target)
    assert D(0) <= result.percent <= D(100)
    assert result.met == (result.shortfall == 0)
