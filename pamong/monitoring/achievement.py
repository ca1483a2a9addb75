"""Achievement, budget absorption, Renstra progress and bands: RULES.md §5, with no Django.

Every function takes plain values (``Decimal``, ``bool``, ``str``) and returns
``Decimal`` (or ``None`` when nothing can be said), so the web pages, the
reports, the API and the ``pamong monev achievement`` command all compute the
same figure. Percentages are returned unrounded; :func:`round_percent` rounds
them half-up for display, and :func:`band_for` rounds to a whole percent
before banding.

Rules (Permendagri 86/2017 evaluation of the Renja; RULES.md §5):

1. Yearly realisation: the sum of the reported quarters for a cumulative
   indicator; the latest reported quarter for a percentage, index or rate
   (a non-cumulative indicator) [design].
2. Achievement (tingkat capaian) = realisation / target × 100 [firm]. Where
   lower is better: (2 × target − realisation) / target × 100, floored at 0
   [design].
3. Budget absorption = realised rupiah / budget ceiling (pagu) × 100 [firm].
4. Renstra progress = (realisation up to last year + this year's
   realisation) / five-year target × 100 [firm] for a cumulative indicator
   where higher is better. For a non-cumulative indicator this year's value is
   already the level reached, so progress is its achievement against the
   five-year target; where lower is better the lower-is-better formula of
   rule 2 applies to the combined value [design].
5. Bands: ≥ 91 sangat tinggi; 76–90 tinggi; 66–75 sedang; 51–65 rendah;
   ≤ 50 sangat rendah [firm]. The percent is first rounded half-up to a whole
   number; above 100 stays in the top band [design]. The band is taken from
   the exact percent, not from a two-decimal display value, so 90,495 % is
   banded as 90 (tinggi) [design].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HUNDRED = Decimal(100)
ZERO = Decimal(0)


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better (a poverty rate, a stunting prevalence)


class Band(StrEnum):
    SANGAT_TINGGI = "sangat_tinggi"
    TINGGI = "tinggi"
    SEDANG = "sedang"
    RENDAH = "rendah"
    SANGAT_RENDAH = "sangat_rendah"


# (lowest whole percent of the band, band), highest first: RULES.md §5.
BAND_FLOORS: tuple[tuple[int, Band], ...] = (
    (91, Band.SANGAT_TINGGI),
    (76, Band.TINGGI),
    (66, Band.SEDANG),
    (51, Band.RENDAH),
)


def round_percent(value: Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals (``90.495`` → ``90.50``)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def yearly_realisation(quarters: Sequence[Decimal | None], *, cumulative: bool) -> Decimal | None:
    """Rule 1. ``quarters`` holds the reported value of each quarter in order, ``None`` where
    nothing is reported. ``None`` when no quarter is reported."""
    reported = [q for q in quarters if q is not None]
    if not reported:
        return None
    if cumulative:
        return sum(reported, ZERO)
    return reported[-1]


def achievement(*, target: Decimal, realisation: Decimal, direction: str) -> Decimal:
    """Rule 2, in percent, unrounded. ``target`` must be positive."""
    if target <= 0:
        raise ValueError("target must be positive")
    if Direction(direction) is Direction.LOWER:
        return max(ZERO, (2 * target - realisation) * HUNDRED / target)
    return realisation * HUNDRED / target


def absorption(*, spent: Decimal | None, ceiling: Decimal | None) -> Decimal | None:
    """Rule 3, in percent, unrounded; ``None`` without a positive ceiling or any spending reported."""
    if spent is None or ceiling is None or ceiling <= 0:
        return None
    return spent * HUNDRED / ceiling


def renstra_progress(
    *,
    five_year_target: Decimal | None,
    until_last_year: Decimal | None,
    this_year: Decimal | None,
    cumulative: bool,
    direction: str,
) -> Decimal | None:
    """Rule 4, in percent, unrounded; ``None`` without a positive five-year target or any realisation."""
    if five_year_target is None or five_year_target <= 0:
        return None
    if cumulative:
        if until_last_year is None and this_year is None:
            return None
        reached = (until_last_year or ZERO) + (this_year or ZERO)
    else:
        reached_or_none = this_year if this_year is not None else until_last_year
        if reached_or_none is None:
            return None
        reached = reached_or_none
    return achievement(target=five_year_target, realisation=reached, direction=direction)


def band_for(percent: Decimal) -> Band:
    """Rule 5: round half-up to a whole percent, then band."""
    whole = int(percent.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    for floor, band in BAND_FLOORS:
        if whole >= floor:
            return band
    return Band.SANGAT_RENDAH


def target_to_date(*, yearly: Decimal, quarterly: Sequence[Decimal | None], quarter: int, cumulative: bool) -> Decimal:
    """The target an indicator should have reached by the end of ``quarter`` (1–4) [design].

    Quarterly targets of a cumulative indicator are what each quarter adds, so
    the target to date is their sum; those of a non-cumulative indicator are
    the level expected at each quarter's end. A quarter without its own target
    takes a straight line: ``yearly × quarter / 4`` (cumulative) or the yearly
    target (not cumulative)."""
    if not 1 <= quarter <= 4:
        raise ValueError("quarter must be 1 to 4")
    if cumulative:
        total = ZERO
        for q in range(1, quarter + 1):
            own = quarterly[q - 1] if q - 1 < len(quarterly) else None
            total += own if own is not None else yearly / 4
        return total
    own = quarterly[quarter - 1] if quarter - 1 < len(quarterly) else None
    return own if own is not None else yearly


def realisation_to_date(quarters: Sequence[Decimal | None], *, quarter: int, cumulative: bool) -> Decimal | None:
    """Rule 1 applied to the quarters up to ``quarter``."""
    return yearly_realisation(list(quarters[:quarter]), cumulative=cumulative)


@dataclass(frozen=True)
class Result:
    """One indicator's evaluation: ``None`` fields when nothing is reported."""

    realisation: Decimal | None
    achievement: Decimal | None  # percent, unrounded
    band: Band | None


def evaluate(*, target: Decimal, quarters: Sequence[Decimal | None], cumulative: bool, direction: str) -> Result:
    """Rules 1, 2 and 5 together: an indicator's yearly result from its four quarters."""
    realisation = yearly_realisation(quarters, cumulative=cumulative)
    if realisation is None:
        return Result(None, None, None)
    percent = achievement(target=target, realisation=realisation, direction=direction)
    return Result(realisation, percent, band_for(percent))


@dataclass(frozen=True)
class Lag:
    """How far an indicator (or a budget) is behind its plan at a quarter's end."""

    expected: Decimal
    reached: Decimal | None
    percent: Decimal | None  # achievement (volume) or absorption (budget) against the plan to date
    lagging: bool


def volume_lag(
    *,
    yearly_target: Decimal,
    quarterly_targets: Sequence[Decimal | None],
    quarters: Sequence[Decimal | None],
    quarter: int,
    cumulative: bool,
    direction: str,
    margin: Decimal,
) -> Lag:
    """Early warning for volume [design]: the achievement against the target to date falls
    more than ``margin`` percentage points below 100. Nothing reported counts as lagging."""
    expected = target_to_date(yearly=yearly_target, quarterly=quarterly_targets, quarter=quarter, cumulative=cumulative)
    reached = realisation_to_date(quarters, quarter=quarter, cumulative=cumulative)
    if expected <= 0:
        return Lag(expected, reached, None, False)
    if reached is None:
        return Lag(expected, None, None, True)
    percent = achievement(target=expected, realisation=reached, direction=direction)
    return Lag(expected, reached, percent, percent < HUNDRED - margin)


def budget_lag(*, ceiling: Decimal, spent: Sequence[Decimal | None], quarter: int, margin: Decimal) -> Lag:
    """Early warning for budget [design]: absorption to date falls more than ``margin``
    percentage points below the straight-line plan (25 % a quarter)."""
    if ceiling <= 0:
        return Lag(ZERO, None, None, False)
    planned_percent = HUNDRED * quarter / 4
    expected = ceiling * quarter / 4
    reported = [s for s in spent[:quarter] if s is not None]
    reached = sum(reported, ZERO) if reported else None
    percent = (reached or ZERO) * HUNDRED / ceiling
    return Lag(expected, reached, percent, percent < planned_percent - margin)


def average(values: Sequence[Decimal]) -> Decimal | None:
    """The plain mean of the achievements of a programme or an OPD (the Renja form's
    "rata-rata capaian"), unrounded; ``None`` for no values."""
    if not values:
        return None
    return sum(values, ZERO) / len(values)
