"""The IKM formula of PermenPANRB 14/2017 against hand-computed cases (RULES.md §2.2–2.3)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from pamong.satisfaction.ikm import UNSUR_CODES, Mutu, UnsurTally, Weight, compute, mutu_for, round_half_up


def spread(respondents: int, total: int) -> dict[str, tuple[int, int]]:
    """Every unsur answered by every respondent, ``total`` answer points spread as evenly as possible."""
    base, extra = divmod(total, 9)
    return {code: (base + (1 if i < extra else 0), respondents) for i, code in enumerate(UNSUR_CODES)}


def test_all_answers_four_gives_one_hundred_and_mutu_a():
    result = compute(spread(10, 360), respondents=10)
    assert result.ikm == Decimal("100.00")
    assert result.index == Decimal("4.0000")
    assert result.mutu is Mutu.A
    assert result.mutu.kinerja == "Sangat baik"


def test_all_answers_one_gives_twenty_five_and_mutu_d():
    result = compute(spread(7, 63), respondents=7)
    assert result.ikm == Decimal("25.00")
    assert result.mutu is Mutu.D


# (respondents, sum of all answers) chosen so that 25·S/(9·n) lands on each band edge;
# the exact value is in the comment, computed by hand.
@pytest.mark.parametrize(
    ("respondents", "total", "ikm", "mutu"),
    [
        (38, 889, "64.99", "D"),  # 22225/342 = 64.98538… → 64,99 → still D
        (10, 234, "65.00", "C"),  # 5850/90 = 65 exactly
        (26, 717, "76.60", "C"),  # 17925/234 = 76.60256… → 76,60
        (19, 524, "76.61", "B"),  # 13100/171 = 76.60818… → 76,61 (classified after rounding)
        (19, 604, "88.30", "B"),  # 15100/171 = 88.30409… → 88,30
        (24, 763, "88.31", "A"),  # 19075/216 = 88.31018… → 88,31
    ],
)
def test_band_edges_are_classified_after_rounding(respondents, total, ikm, mutu):
    result = compute(spread(respondents, total), respondents=respondents)
    assert result.ikm == Decimal(ikm)
    assert result.mutu.code == mutu


def test_half_way_values_round_up_not_to_even():
    # 8 respondents, 81 points: 25·81/72 = 28.125 exactly → 28,13 (banker's rounding would give 28,12).
    assert compute(spread(8, 81), respondents=8).ikm == Decimal("28.13")
    assert round_half_up(Fraction(5, 2), 0) == Decimal("3")
    assert round_half_up(Fraction(1, 8), 2) == Decimal("0.13")


def test_nrr_divides_by_those_who_answered_that_unsur():
    # 4 respondents; U4 (cost) answered by only 2 of them with 4 and 3.
    tallies = {code: (12, 4) for code in UNSUR_CODES}
    tallies["u4"] = (7, 2)
    result = compute(tallies, respondents=4)
    assert result.by_code("u4").nrr == Decimal("3.5000")
    assert result.by_code("u4").answered == 2
    # ΣNRR = 8·3 + 3,5 = 27,5; IKM = 25·27,5/9 = 76.3888… → 76,39
    assert result.ikm == Decimal("76.39")
    assert result.mutu.code == "C"


def test_weights_are_exactly_one_ninth_not_a_rounded_decimal():
    # NRR 3,0 for all: 0,111-weight gives 3·0,111·9·25 = 74,925 → 74,93; exact 1/9 gives 75,00.
    tallies = {code: (30, 10) for code in UNSUR_CODES}
    assert compute(tallies, respondents=10).ikm == Decimal("75.00")
    assert compute(tallies, respondents=10, weight=Weight.LEGACY_0111).ikm == Decimal("74.93")
    assert compute(tallies, respondents=10, weight=Weight.LEGACY_011).ikm == Decimal("74.25")


def test_weighted_nrr_and_index_are_shown_to_four_decimals():
    result = compute({code: (31, 10) for code in UNSUR_CODES}, respondents=10)
    assert result.by_code("u1").nrr == Decimal("3.1000")
    assert result.by_code("u1").weighted_nrr == Decimal("0.3444")
    assert result.index == Decimal("3.1000")
    assert result.ikm == Decimal("77.50")


def test_an_unsur_nobody_answered_leaves_the_ikm_uncomputed():
    tallies = {code: (12, 4) for code in UNSUR_CODES if code != "u8"}
    result = compute(tallies, respondents=4)
    assert result.ikm is None and result.mutu is None
    assert result.missing == ("u8",)


def test_weakest_unsur_is_the_lowest_nrr_first_in_order_on_a_tie():
    tallies = {code: (12, 4) for code in UNSUR_CODES}
    tallies["u3"] = (9, 4)
    tallies["u7"] = (9, 4)
    assert compute(tallies, respondents=4).weakest.code == "u3"


def test_impossible_tallies_are_refused():
    with pytest.raises(ValueError):
        UnsurTally("u1", 17, 4)  # four answers of at most 4 cannot sum to 17
    with pytest.raises(ValueError):
        compute({"u1": (8, 2)}, respondents=1)


@pytest.mark.parametrize(
    ("ikm", "band"),
    [
        ("25.00", "D"),
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100.00", "A"),
    ],
)
def test_mutu_table(ikm, band):
    assert mutu_for(Decimal(ikm)).code == band
