"""Achievement, realisation, absorption and Renstra progress (RULES.md §5), as tables of real cases."""

from decimal import Decimal as D

import pytest

from pamong.monitoring import achievement as calc


@pytest.mark.parametrize(
    ("quarters", "cumulative", "expected"),
    [
        ([D(20), D(30), D(25), D(20)], True, D(95)),
        ([D(20), D(30), None, None], True, D(50)),
        ([D("12.5"), D("11.0"), D("10.2"), None], False, D("10.2")),
        ([D("12.5"), None, D("10.2"), None], False, D("10.2")),
        ([D("12.5"), D("11.0"), None, None], False, D("11.0")),
        ([None, None, None, None], True, None),
        ([None, None, None, None], False, None),
    ],
)
def test_yearly_realisation_sums_cumulative_quarters_and_takes_the_latest_otherwise(quarters, cumulative, expected):
    assert calc.yearly_realisation(quarters, cumulative=cumulative) == expected


def test_worked_example_target_100_quarters_20_30_25_20_is_95_percent_sangat_tinggi():
    result = calc.evaluate(target=D(100), quarters=[D(20), D(30), D(25), D(20)], cumulative=True, direction="higher")
    assert result.realisation == D(95)
    assert calc.round_percent(result.achievement) == D("95.00")
    assert result.band == calc.Band.SANGAT_TINGGI


def test_worked_example_budget_470_million_of_500_million_is_94_percent():
    assert calc.absorption(spent=D(470_000_000), ceiling=D(500_000_000)) == D(94)


@pytest.mark.parametrize(
    ("target", "realisation", "direction", "expected"),
    [
        (D(100), D(95), "higher", D("95.00")),
        (D(3), D(2), "higher", D("66.67")),
        (D(80), D(120), "higher", D("150.00")),
        (D(10), D(0), "higher", D("0.00")),
        # lower is better: (2 × target − realisation) / target × 100
        (D(10), D(8), "lower", D("120.00")),
        (D(10), D(10), "lower", D("100.00")),
        (D(10), D(12), "lower", D("80.00")),
        (D("12.5"), D("13.1"), "lower", D("95.20")),
        (D(10), D(20), "lower", D("0.00")),
        (D(10), D(35), "lower", D("0.00")),  # floored at 0, never negative
    ],
)
def test_achievement_for_both_directions(target, realisation, direction, expected):
    percent = calc.achievement(target=target, realisation=realisation, direction=direction)
    assert calc.round_percent(percent) == expected


def test_non_cumulative_lower_is_better_indicator_uses_the_latest_quarter():
    # A stunting prevalence: 14.0 % target; 16.0 then 15.0 then 14.5 reported.
    result = calc.evaluate(target=D(14), quarters=[D(16), D(15), D("14.5"), None], cumulative=False, direction="lower")
    assert result.realisation == D("14.5")
    assert calc.round_percent(result.achievement) == D("96.43")
    assert result.band == calc.Band.SANGAT_TINGGI


def test_nothing_reported_gives_no_realisation_no_achievement_no_band():
    assert calc.evaluate(target=D(5), quarters=[None] * 4, cumulative=True, direction="higher") == calc.Result(
        None, None, None
    )


@pytest.mark.parametrize("target", [D(0), D(-1)])
def test_achievement_refuses_a_target_that_is_not_positive(target):
    with pytest.raises(ValueError):
        calc.achievement(target=target, realisation=D(1), direction="higher")


def test_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        calc.achievement(target=D(1), realisation=D(1), direction="sideways")


@pytest.mark.parametrize(
    ("spent", "ceiling", "expected"),
    [(D(0), D(100), D(0)), (D(125_000_000), D(500_000_000), D(25)), (None, D(100), None), (D(5), D(0), None)],
)
def test_budget_absorption(spent, ceiling, expected):
    assert calc.absorption(spent=spent, ceiling=ceiling) == expected


@pytest.mark.parametrize(
    ("five_year", "until_last_year", "this_year", "cumulative", "direction", "expected"),
    [
        (D(500), D(300), D(95), True, "higher", D("79.00")),
        (D(500), None, D(95), True, "higher", D("19.00")),
        (D(500), D(300), None, True, "higher", D("60.00")),
        (D(80), D(70), D(75), False, "higher", D("93.75")),  # a rate: this year's level
        (D(10), D(14), D(12), False, "lower", D("80.00")),
        (None, D(1), D(1), True, "higher", None),
        (D(100), None, None, True, "higher", None),
    ],
)
def test_renstra_progress(five_year, until_last_year, this_year, cumulative, direction, expected):
    progress = calc.renstra_progress(
        five_year_target=five_year,
        until_last_year=until_last_year,
        this_year=this_year,
        cumulative=cumulative,
        direction=direction,
    )
    assert (calc.round_percent(progress) if progress is not None else None) == expected


def test_revised_target_changes_achievement_and_the_original_target_would_give_another():
    # Original target 100, revised to 80 after the budget change; 76 realised.
    quarters = [D(20), D(20), D(20), D(16)]
    original = calc.evaluate(target=D(100), quarters=quarters, cumulative=True, direction="higher")
    revised = calc.evaluate(target=D(80), quarters=quarters, cumulative=True, direction="higher")
    assert (original.achievement, original.band) == (D(76), calc.Band.TINGGI)
    assert (revised.achievement, revised.band) == (D(95), calc.Band.SANGAT_TINGGI)


@pytest.mark.parametrize(
    ("yearly", "quarterly", "quarter", "cumulative", "expected"),
    [
        (D(100), [D(10), D(30), D(30), D(30)], 2, True, D(40)),
        (D(100), [None] * 4, 3, True, D(75)),
        (D(100), [D(10), None, None, None], 2, True, D(35)),
        (D(80), [D(60), D(65), D(70), D(80)], 2, False, D(65)),
        (D(80), [None] * 4, 1, False, D(80)),
    ],
)
def test_target_to_date(yearly, quarterly, quarter, cumulative, expected):
    assert calc.target_to_date(yearly=yearly, quarterly=quarterly, quarter=quarter, cumulative=cumulative) == expected


def test_average_is_the_plain_mean_and_none_for_nothing():
    assert calc.average([D(95), D(80), D(50)]) == D(75)
    assert calc.average([]) is None
