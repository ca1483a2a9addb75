"""Scoring one employee (PermenPANRB 38/2018; RULES.md §1), actions on facts, and aggregates (§1.4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from .rules import DEFAULT_RULES, CompetencyRow, Rules
from .vocabulary import (
    CATEGORIES,
    DIMENSIONS,
    EDUCATION_LEVELS,
    EXCLUDED,
    INCOMPLETE,
    INDICATOR_DIMENSION,
    INDICATOR_FACT,
    PREDIKATS,
    SCORED,
    half_up,
)

# --- Inputs and outputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What the rules need to know about one employee, as of the measurement date. ``None`` = unknown.

    Field names are the CSV columns of ``pamong ipasn compute``.
    """

    status: str | None
    position_type: str | None
    education_level: str | None
    leadership_training_matches_position: bool | None = None
    functional_training_matches_position: bool | None = None
    technical_jp_last_year: Decimal | None = None
    seminar_last_2_years: bool | None = None
    predikat_last_year: str | None = None
    sanction_level: str | None = None


@dataclass(frozen=True)
class Indicator:
    """One line of the explanation: the points an indicator gave, its maximum, and for one not earned,
    what earning it would add to the total (``gain``, after the competency cap)."""

    key: str
    points: Decimal
    max_points: Decimal
    earned: bool
    gain: Decimal = Decimal(0)
    target: str = ""  # the level that would earn more: S2, sangat_baik, none, or the leadership level
    shortfall: Decimal | None = None  # technical: JP still needed

    @property
    def dimension(self) -> str:
        return INDICATOR_DIMENSION[self.key]


@dataclass(frozen=True)
class Score:
    state: str  # scored | incomplete | excluded
    kualifikasi: Decimal | None = None
    kompetensi: Decimal | None = None
    kinerja: Decimal | None = None
    disiplin: Decimal | None = None
    total: Decimal | None = None
    category: str = ""  # a category key, or "incomplete" / "excluded"
    missing: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    def dimension(self, name: str) -> Decimal | None:
        return getattr(self, name)

    @property
    def steps(self) -> tuple[Indicator, ...]:
        """Indicators not at their maximum that can still raise the total, largest gain first."""
        return tuple(sorted((i for i in self.indicators if i.gain > 0), key=lambda i: (-i.gain, i.key)))


def category_for(total: Decimal, rules: Rules = DEFAULT_RULES) -> str:
    """RULES.md §1.3 [design]: round half-up to 2 decimals, then the first band whose threshold is exceeded."""
    value = half_up(total)
    for band in rules.categories:
        if band.above is None or value > band.above:
            return band.key
    return rules.categories[-1].key


def missing_facts(facts: Facts, rules: Rules) -> tuple[str, ...]:
    """The required facts (for this position type) that are unknown, in :data:`FACT_FIELDS` order."""
    return tuple(f for f in rules.required_facts(facts.position_type) if getattr(facts, f) is None)


def score(facts: Facts, rules: Rules = DEFAULT_RULES) -> Score:
    """One employee's IP ASN (PermenPANRB 38/2018; RULES.md §1).

    1. A CPNS, or a PPPK when the rule set leaves PPPK out, is excluded.
    2. Any required fact unknown → incomplete, naming what is missing (never scored as zero).
    3. Kualifikasi: the points of the highest education level.
    4. Kompetensi: the sum of the position type's rows that are earned, capped at the dimension maximum (40).
    5. Kinerja: the points of last year's predikat. Disiplin: the points of the worst sanction in the window.
    6. Total = the sum of the four; category from the rounded total.
    Each indicator not at its maximum carries what earning it would add (after the cap).
    """
    if facts.status is not None and not rules.measures(facts.status):
        return Score(EXCLUDED, category=EXCLUDED)
    missing = missing_facts(facts, rules)
    if missing:
        return Score(INCOMPLETE, category=INCOMPLETE, missing=missing)
    assert facts.position_type and facts.education_level and facts.predikat_last_year and facts.sanction_level
    mx = rules.dimension_max

    # Kualifikasi
    kualifikasi = min(rules.education_points[facts.education_level], mx["kualifikasi"])
    better = [
        (rules.education_points[lv], lv)
        for lv in EDUCATION_LEVELS[EDUCATION_LEVELS.index(facts.education_level) + 1 :]
        if rules.education_points[lv] > kualifikasi
    ]
    edu_target = better[0][1] if better else ""
    indicators = [
        Indicator(
            "education",
            kualifikasi,
            mx["kualifikasi"],
            earned=kualifikasi >= mx["kualifikasi"],
            gain=min(better[0][0], mx["kualifikasi"]) - kualifikasi if better else Decimal(0),
            target=edu_target,
        )
    ]

    # Kompetensi
    rows = rules.competency[facts.position_type]
    earned = {row.indicator: _row_earned(row, facts) for row in rows}
    raw = sum((row.points for row in rows if earned[row.indicator]), Decimal(0))
    cap = mx["kompetensi"]
    kompetensi = min(raw, cap)
    for row in rows:
        gain = Decimal(0) if earned[row.indicator] else min(raw + row.points, cap) - kompetensi
        shortfall = None
        if row.indicator == "technical" and not earned["technical"]:
            shortfall = (row.min_jp or Decimal(0)) - (facts.technical_jp_last_year or Decimal(0))
        indicators.append(
            Indicator(
                row.indicator,
                row.points if earned[row.indicator] else Decimal(0),
                row.points,
                earned=earned[row.indicator],
                gain=gain,
                shortfall=shortfall,
            )
        )

    # Kinerja
    kinerja = min(rules.predikat_points[facts.predikat_last_year], mx["kinerja"])
    best = max(rules.predikat_points.values())
    better_p = [p for p in PREDIKATS if rules.predikat_points[p] > kinerja]
    next_p = min(better_p, key=lambda p: rules.predikat_points[p]) if better_p else ""
    indicators.append(
        Indicator(
            "performance",
            kinerja,
            mx["kinerja"],
            earned=kinerja >= min(best, mx["kinerja"]),
            gain=min(rules.predikat_points[next_p], mx["kinerja"]) - kinerja if next_p else Decimal(0),
            target=next_p,
        )
    )

    # Disiplin
    disiplin = min(rules.sanction_points[facts.sanction_level], mx["disiplin"])
    clean = min(rules.sanction_points["none"], mx["disiplin"])
    indicators.append(
        Indicator(
            "discipline",
            disiplin,
            mx["disiplin"],
            earned=facts.sanction_level == "none",
            gain=max(clean - disiplin, Decimal(0)),
            target="none" if facts.sanction_level != "none" else "",
        )
    )

    total = kualifikasi + kompetensi + kinerja + disiplin
    return Score(
        SCORED,
        kualifikasi=kualifikasi,
        kompetensi=kompetensi,
        kinerja=kinerja,
        disiplin=disiplin,
        total=total,
        category=category_for(total, rules),
        indicators=tuple(indicators),
    )


def _row_earned(row: CompetencyRow, facts: Facts) -> bool:
    if row.indicator == "technical":
        return (facts.technical_jp_last_year or Decimal(0)) >= (row.min_jp or Decimal(0))
    return bool(getattr(facts, INDICATOR_FACT[row.indicator]))


# --- Simulation --------------------------------------------------------------------------------------------

ACTIONS = ("technical_jp", "seminar", "leadership", "functional", "education")


@dataclass(frozen=True)
class Action:
    """A change to apply to a group before anyone acts: ``technical_jp`` adds ``jp`` JP of technical
    training; ``seminar``/``leadership``/``functional`` completes that training; ``education`` raises the
    highest education to ``level`` (never lowers it)."""

    kind: str
    jp: Decimal = Decimal(0)
    level: str = ""


def apply_action(facts: Facts, action: Action) -> Facts:
    """The facts after ``action``; facts the action does not touch are kept, unknowns stay unknown."""
    if action.kind == "technical_jp":
        if facts.technical_jp_last_year is None:
            return facts
        return replace(facts, technical_jp_last_year=facts.technical_jp_last_year + action.jp)
    if action.kind == "seminar":
        return replace(facts, seminar_last_2_years=True)
    if action.kind == "leadership":
        return replace(facts, leadership_training_matches_position=True)
    if action.kind == "functional":
        return replace(facts, functional_training_matches_position=True)
    if action.kind == "education":
        if facts.education_level is None or EDUCATION_LEVELS.index(action.level) <= EDUCATION_LEVELS.index(
            facts.education_level
        ):
            return facts
        return replace(facts, education_level=action.level)
    raise ValueError(f"unknown action {action.kind!r}")


# --- Aggregates (RULES.md §1.4) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    """A unit's or the regency's IP ASN: the mean of its measured employees' totals, each dimension's mean,
    the category counts, and how many were left out as incomplete or excluded."""

    scored: int
    incomplete: int
    excluded: int
    mean_total: Decimal | None
    means: dict[str, Decimal | None]
    categories: dict[str, int]
    category: str  # of the mean total; "" when nobody was scored
    lowest_dimension: str  # the dimension furthest below its maximum (as a share); "" when nobody was scored

    @property
    def measured(self) -> int:
        return self.scored + self.incomplete


def aggregate(scores: Iterable[Score | tuple], rules: Rules = DEFAULT_RULES) -> Aggregate:
    """1. Count states. 2. Sum each dimension and the totals of the scored. 3. Means rounded half-up to two
    decimals (the unrounded dimension means add up to the unrounded total mean). 4. Category of the mean.

    ``scores`` may be :class:`Score` objects or plain tuples ``(state, kualifikasi, kompetensi, kinerja,
    disiplin, total, category)`` straight from a database query."""
    counts = {SCORED: 0, INCOMPLETE: 0, EXCLUDED: 0}
    sums = dict.fromkeys(DIMENSIONS, Decimal(0))
    total = Decimal(0)
    cats = dict.fromkeys(CATEGORIES, 0)
    for item in scores:
        if isinstance(item, Score):
            state, dims, t, cat = item.state, [item.dimension(d) for d in DIMENSIONS], item.total, item.category
        else:
            state, dims, t, cat = item[0], list(item[1:5]), item[5], item[6]
        counts[state] += 1
        if state != SCORED:
            continue
        for d, v in zip(DIMENSIONS, dims, strict=True):
            sums[d] += Decimal(v or 0)
        total += Decimal(t or 0)
        cats[cat] += 1
    n = counts[SCORED]
    if not n:
        return Aggregate(0, counts[INCOMPLETE], counts[EXCLUDED], None, dict.fromkeys(DIMENSIONS), cats, "", "")
    means: dict[str, Decimal | None] = {d: half_up(sums[d] / n) for d in DIMENSIONS}
    mean_total = half_up(total / n)
    shares = {d: (sums[d] / n) / rules.dimension_max[d] for d in DIMENSIONS if rules.dimension_max[d]}
    lowest = min(shares, key=lambda d: (shares[d], DIMENSIONS.index(d))) if shares else ""
    return Aggregate(
        n,
        counts[INCOMPLETE],
        counts[EXCLUDED],
        mean_total,
        means,
        cats,
        category_for(mean_total, rules),
        lowest,
    )
