"""The Indeks Kepuasan Masyarakat (IKM), exactly as PermenPANRB 14/2017 defines it.

Pure calculation: plain integers in, ``Decimal`` out; no Django, no clock, no
settings (import-linter checks that this module imports no Django).

The rule (RULES.md §2, PermenPANRB 14/2017, lampiran):

1. Each of the nine unsur (U1 … U9, in the regulation's order) is answered 1–4.
2. NRR of an unsur = the sum of its answers / the number of respondents who
   answered *that* unsur.
3. Weighted NRR = NRR × 1/9 (exactly one ninth: every step below is done in
   exact rational arithmetic).
4. Index (scale 1–4) = the sum of the weighted NRRs; IKM = index × 25.
5. Only the IKM is rounded, to 2 decimals, half-up; it is then classified:
   ≥ 88,31 A (sangat baik), ≥ 76,61 B (baik), ≥ 65,00 C (kurang baik), else D
   (tidak baik).

A *legacy weight* (0,111 or 0,11 instead of 1/9) reproduces reports published
with a rounded weight; results computed that way say so (``weight``).

[design] When an unsur has no answer at all, its NRR does not exist and the
IKM cannot be computed (``ikm is None``): re-weighting the other eight would
silently change the regulation's formula.

Sample size (RULES.md §2.4): Krejcie & Morgan (1970),
s = X²·N·P(1−P) / (d²·(N−1) + X²·P(1−P)) with X² = 3,841, P = 0,5, d = 0,05,
rounded to the nearest integer, half-up [design rounding].
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

RULE_SET = "PermenPANRB 14/2017"
UNSUR_CODES: tuple[str, ...] = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
MIN_ANSWER, MAX_ANSWER = 1, 4


class Weight(enum.Enum):
    """The weight of each unsur: exactly 1/9, or a rounded legacy weight."""

    EXACT = "exact"
    LEGACY_0111 = "0.111"
    LEGACY_011 = "0.11"

    @property
    def fraction(self) -> Fraction:
        if self is Weight.EXACT:
            return Fraction(1, len(UNSUR_CODES))
        return Fraction(Decimal(self.value))

    @property
    def is_legacy(self) -> bool:
        return self is not Weight.EXACT


class Mutu(enum.Enum):
    """Service quality bands on the IKM scale (25–100), lower bound inclusive."""

    A = ("A", Decimal("88.31"), "Sangat baik")
    B = ("B", Decimal("76.61"), "Baik")
    C = ("C", Decimal("65.00"), "Kurang baik")
    D = ("D", Decimal("25.00"), "Tidak baik")

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def lower_bound(self) -> Decimal:
        return self.value[1]

    @property
    def kinerja(self) -> str:
        """The regulation's label for the unit's performance (Indonesian, as published)."""
        return self.value[2]


def mutu_for(ikm: Decimal) -> Mutu:
    """The band of an IKM already rounded to 2 decimals (classify after rounding)."""
    for band in (Mutu.A, Mutu.B, Mutu.C):
        if ikm >= band.lower_bound:
            return band
    return Mutu.D


# --- Rounding ------------------------------------------------------------------------------------


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals, exactly (no binary or context rounding first)."""
    scale = 10**places
    scaled = value * scale
    # floor(x + 1/2) for x ≥ 0; mirror it for negatives so -0,5 rounds away from zero too.
    if scaled >= 0:
        whole = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    else:
        whole = -((-scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator))
    return Decimal(whole).scaleb(-places)


# --- Tallies and results --------------------------------------------------------------------------


@dataclass(frozen=True)
class UnsurTally:
    """The raw material of one unsur: the sum of its answers and how many answered it."""

    code: str
    answer_sum: int
    answered: int

    def __post_init__(self) -> None:
        if self.code not in UNSUR_CODES:
            raise ValueError(f"unknown unsur {self.code!r}")
        if self.answered < 0 or self.answer_sum < 0:
            raise ValueError("sums and counts cannot be negative")
        if not (MIN_ANSWER * self.answered <= self.answer_sum <= MAX_ANSWER * self.answered):
            raise ValueError(f"{self.code}: a sum of {self.answer_sum} cannot come from {self.answered} answers of 1–4")

    @property
    def nrr_exact(self) -> Fraction | None:
        return Fraction(self.answer_sum, self.answered) if self.answered else None


@dataclass(frozen=True)
class UnsurResult:
    code: str
    answer_sum: int
    answered: int
    nrr: Decimal | None  # display value, 4 decimals
    weighted_nrr: Decimal | None  # display value, 4 decimals
    nrr_exact: Fraction | None
    ikm: Decimal | None  # this unsur's NRR × 25 (its own 25–100 score), 2 decimals

    @property
    def number(self) -> int:
        return UNSUR_CODES.index(self.code) + 1


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    unsur: tuple[UnsurResult, ...]
    weight: Weight
    index: Decimal | None  # scale 1–4, 4 decimals (display)
    ikm: Decimal | None  # scale 25–100, 2 decimals, half-up
    mutu: Mutu | None
    missing: tuple[str, ...]  # unsur without a single answer (then ikm is None)
    required_sample: int | None = None
    sample_met: bool | None = None
    rule_set: str = RULE_SET

    @property
    def weakest(self) -> UnsurResult | None:
        """The unsur with the lowest NRR (the first in the regulation's order on a tie): the RTL's subject."""
        answered = [u for u in self.unsur if u.nrr_exact is not None]
        if not answered:
            return None
        return min(answered, key=lambda u: (u.nrr_exact, u.number))

    def by_code(self, code: str) -> UnsurResult:
        return self.unsur[UNSUR_CODES.index(code)]


DISPLAY_PLACES = 4


def compute(
    tallies: Iterable[UnsurTally] | Mapping[str, tuple[int, int]],
    *,
    respondents: int,
    weight: Weight = Weight.EXACT,
    population: int | None = None,
) -> IkmResult:
    """The IKM from per-unsur sums and counts (module docstring, steps 1–5).

    ``tallies`` may be :class:`UnsurTally` objects or ``{"u1": (sum, answered), …}``;
    an unsur left out has no answers. ``population``, when given, adds the
    Krejcie–Morgan sample size and whether ``respondents`` reached it.
    """
    if isinstance(tallies, Mapping):
        items = [UnsurTally(code, int(s), int(n)) for code, (s, n) in tallies.items()]
    else:
        items = list(tallies)
    by_code = {t.code: t for t in items}
    if len(by_code) != len(items):
        raise ValueError("an unsur appears twice")
    if respondents < 0:
        raise ValueError("respondents cannot be negative")
    w = weight.fraction
    results: list[UnsurResult] = []
    index = Fraction(0)
    missing: list[str] = []
    for code in UNSUR_CODES:
        t = by_code.get(code, UnsurTally(code, 0, 0))
        if t.answered > respondents:
            raise ValueError(f"{code}: more answers ({t.answered}) than respondents ({respondents})")
        nrr = t.nrr_exact
        if nrr is None:
            missing.append(code)
            results.append(UnsurResult(code, t.answer_sum, 0, None, None, None, None))
            continue
        index += nrr * w
        results.append(
            UnsurResult(
                code,
                t.answer_sum,
                t.answered,
                round_half_up(nrr, DISPLAY_PLACES),
                round_half_up(nrr * w, DISPLAY_PLACES),
                nrr,
                round_half_up(nrr * 25, 2),
            )
        )
    required = sample_size(population) if population is not None else None
    sample_met = (respondents >= required) if required is not None else None
    if missing:
        return IkmResult(respondents, tuple(results), weight, None, None, None, tuple(missing), required, sample_met)
    ikm = round_half_up(index * 25, 2)
    return IkmResult(
        respondents=respondents,
        unsur=tuple(results),
        weight=weight,
        index=round_half_up(index, DISPLAY_PLACES),
        ikm=ikm,
        mutu=mutu_for(ikm),
        missing=(),
        required_sample=required,
        sample_met=sample_met,
    )


def tally(rows: Iterable[Mapping[str, int | None]]) -> tuple[int, list[UnsurTally]]:
    """Respondent count and per-unsur tallies from one mapping per respondent (``None`` = not answered).

    Values must already be validated as 1–4; a wrong value raises ``ValueError``.
    """
    sums = dict.fromkeys(UNSUR_CODES, 0)
    counts = dict.fromkeys(UNSUR_CODES, 0)
    respondents = 0
    for row in rows:
        respondents += 1
        for code in UNSUR_CODES:
            value = row.get(code)
            if value is None:
                continue
            if not (MIN_ANSWER <= value <= MAX_ANSWER):
                raise ValueError(f"{code}: {value} is not 1–4")
            sums[code] += value
            counts[code] += 1
    return respondents, [UnsurTally(code, sums[code], counts[code]) for code in UNSUR_CODES]


# --- Sample size ----------------------------------------------------------------------------------

CHI_SQUARE = Fraction("3.841")
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)


def sample_size(population: int) -> int:
    """Krejcie & Morgan's sample size for ``population`` (RULES.md §2.4), rounded half-up.

    N = 100 → 80, 1 000 → 278, 10 000 → 370, very large N → 384.
    """
    if population < 0:
        raise ValueError("population cannot be negative")
    if population == 0:
        return 0
    n = Fraction(population)
    pq = PROPORTION * (1 - PROPORTION)
    s = CHI_SQUARE * n * pq / (MARGIN**2 * (n - 1) + CHI_SQUARE * pq)
    return int(round_half_up(s, 0))


def period_population(yearly: int, days_in_period: int, days_in_year: int = 365) -> int:
    """[design] The population of a shorter period: the yearly number of users pro rata, rounded up."""
    if days_in_period >= days_in_year:
        return yearly
    return -(-yearly * days_in_period // days_in_year)
