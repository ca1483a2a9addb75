"""JP (jam pelajaran) arithmetic and compliance: pure functions, no Django.

Rules (RULES.md §4):

- 1 JP = 45 minutes of classical training [common]. A batch's JP is the sum of
  its sessions' minutes divided by 45, kept to two decimals and rounded
  half-up [design: a 100-minute session is 2,22 JP, not 2].
- Every PNS must receive at least 20 JP a year (PP 11/2017 art. 203(4), as
  amended by PP 17/2020) [firm]; CPNS the same; PPPK 24 [common]. The targets
  are data (``learning.JpTarget``), passed in here.
- Classical and non-classical routes both count (Peraturan LAN 10/2018) [firm].
- A record counts in the year its training ends [design, as the people app's
  ledger query].
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MINUTES_PER_JP = 45
TWO_PLACES = Decimal("0.01")
UNCLASSIFIED = ""


def quantize(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def jp_from_minutes(minutes: int) -> Decimal:
    """``minutes`` of learning as JP: 45 → 1,00; 90 → 2,00; 100 → 2,22."""
    if minutes < 0:
        raise ValueError("minutes must not be negative")
    return quantize(Decimal(minutes) / MINUTES_PER_JP)


def batch_jp(session_minutes: Iterable[int], explicit: Decimal | None = None) -> Decimal:
    """1. An explicit JP set on the batch wins. 2. Else the sessions' minutes, summed, as JP
    (summing first, so three 15-minute sessions are 1 JP, not 3 × 0,33)."""
    if explicit is not None:
        return quantize(Decimal(explicit))
    return jp_from_minutes(sum(session_minutes))


@dataclass(frozen=True)
class LedgerEntry:
    """One training record as the ledger sees it."""

    hours_jp: Decimal
    competency_type: str  # "" when the record does not say
    classical: bool


@dataclass(frozen=True)
class JpSummary:
    total: Decimal
    by_competency: dict[str, Decimal] = field(default_factory=dict)
    by_route: dict[str, Decimal] = field(default_factory=dict)  # "classical" / "non_classical"


def summarise(entries: Iterable[LedgerEntry]) -> JpSummary:
    """Total JP, and the same total split by competency type and by route."""
    total = Decimal(0)
    by_competency: dict[str, Decimal] = {}
    by_route: dict[str, Decimal] = {"classical": Decimal(0), "non_classical": Decimal(0)}
    for entry in entries:
        hours = Decimal(entry.hours_jp)
        total += hours
        by_competency[entry.competency_type] = by_competency.get(entry.competency_type, Decimal(0)) + hours
        by_route["classical" if entry.classical else "non_classical"] += hours
    return JpSummary(
        total=quantize(total),
        by_competency={k: quantize(v) for k, v in by_competency.items()},
        by_route={k: quantize(v) for k, v in by_route.items()},
    )


@dataclass(frozen=True)
class Compliance:
    total: Decimal
    target: Decimal
    met: bool
    shortfall: Decimal  # 0 when met
    percent: Decimal  # of the target, capped at 100, for progress bars


def compliance(total: Decimal, target: Decimal) -> Compliance:
    """1. Met when ``total >= target``. 2. The shortfall is what is still missing.
    3. The percentage is of the target, capped at 100 (a zero target is met: 100)."""
    total, target = Decimal(total), Decimal(target)
    met = total >= target
    shortfall = Decimal(0) if met else target - total
    percent = Decimal(100) if target <= 0 else min(Decimal(100), total * 100 / target)
    return Compliance(quantize(total), quantize(target), met, quantize(shortfall), quantize(percent))


def share(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent, two decimals; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return quantize(Decimal(part) * 100 / Decimal(whole))
