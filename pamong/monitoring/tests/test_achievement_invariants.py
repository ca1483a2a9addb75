"""Invariants of the achievement formula, for any target and realisation (hypothesis)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pamong.monitoring.achievement import achievement, band_for, evaluate

targets = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2)
values = st.decimals(min_value=Decimal(0), max_value=Decimal("1e9"), places=2)
directions = st.sampled_from(["higher", "lower"])


@given(target=targets, realisation=values, direction=directions)
def test_achievement_is_never_negative(target, realisation, direction):
    assert achievement(target=target, realisation=realisation, direction=direction) >= 0


@given(target=targets, a=values, b=values)
def test_more_realisation_never_lowers_achievement_where_higher_is_better(target, a, b):
    low, high = sorted([a, b])
    assert achievement(target=target, realisation=high, direction="higher") >= achievement(
        target=target, realisation=low, direction="higher"
    )


@given(target=targets, a=values, b=values)
def test_more_realisation_never_raises_achievement_where_lower_is_better(target, a, b):
    low, high = sorted([a, b])
    assert achievement(target=target, realisation=high, direction="lower") <= achievement(
        target=target, realisation=low, direction="lower"
    )


@given(
    target=targets, quarters=st.lists(st.one_of(st.none(), values), min_size=4, max_size=4), cumulative=st.booleans()
)
def test_a_band_exists_exactly_when_a_quarter_is_reported(target, quarters, cumulative):
    result = evaluate(target=target, quarters=quarters, cumulative=cumulative, direction="higher")
    assert (result.band is None) == all(q is None for q in quarters)
    if result.achievement is not None:
        assert result.band == band_for(result.achievement)
