"""An employee's facts from their histories: look-back windows, the leadership mapping, technical kinds."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .engine import Facts
from .rules import Rules
from .vocabulary import EDUCATION_LEVELS, FACT_FIELDS, POSITION_GROUP, SANCTION_LEVELS

# --- Facts from an employee's histories ---------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingItem:
    """One ``people.TrainingRecord`` as the rules see it (the JP ledger)."""

    kind: str
    end_date: dt.date
    hours_jp: Decimal
    leadership_level: str = ""
    competency_type: str = ""


@dataclass(frozen=True)
class SanctionItem:
    level: str  # ringan | sedang | berat
    start_date: dt.date
    end_date: dt.date | None  # None: a one-off sanction on its start date


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months``, clamped to the month's last day (31 March − 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def window_start(as_of: dt.date, months: int) -> dt.date:
    """First day of the look-back window of ``months`` ending on ``as_of`` (inclusive on both ends):
    12 months to 31 December 2026 is 1 January – 31 December 2026."""
    return add_months(as_of, -months) + dt.timedelta(days=1)


def is_technical(item: TrainingItem, rules: Rules) -> bool:
    """[design] A record counts towards technical JP when its kind is a technical kind of the rule set, or its
    competency type is a technical one, unless its kind belongs to the seminar, functional or leadership rows."""
    if item.kind in rules.seminar_kinds or item.kind in rules.functional_kinds or item.kind == "diklat_struktural":
        return False
    return item.kind in rules.technical_kinds or item.competency_type in rules.technical_competency_types


def facts_from_history(
    *,
    status: str,
    position_type: str | None,
    education_levels: Iterable[str],
    trainings: Iterable[TrainingItem],
    predikat_by_year: Mapping[int, str],
    sanctions: Iterable[SanctionItem],
    as_of: dt.date,
    rules: Rules,
) -> Facts:
    """An employee's :class:`Facts` as of ``as_of`` from their histories. ``position_type`` is pamong's
    (``jpt_pratama`` …); records dated after ``as_of`` are ignored.

    1. Education: the highest level held; none → unknown (reported missing).
    2. Leadership: a leadership training at a level the rule set accepts for the position, any date.
    3. Functional: a record of a functional kind, any date (fungsional only) [design].
    4. Technical JP: the sum of technical records (:func:`is_technical`) ending in the row's window.
    5. Seminar: a seminar-kind record ending in the row's window.
    6. Predikat: the one of ``as_of.year − predikat_year_offset``; none → unknown.
    7. Sanction: the heaviest whose period overlaps the window (``measurement_year``: 1 January –
       31 December of ``as_of``'s year, up to ``as_of``; ``last_12_months``); none → ``none``.
    """
    group = POSITION_GROUP.get(position_type or "")
    levels = [lv for lv in education_levels if lv in EDUCATION_LEVELS]
    education = max(levels, key=EDUCATION_LEVELS.index) if levels else None
    items = [t for t in trainings if t.end_date <= as_of]

    leadership = functional = None
    if group is not None:
        accepted = rules.leadership_levels.get(position_type or "", ())
        if rules.row(group, "leadership"):
            leadership = any(t.leadership_level in accepted for t in items if t.leadership_level)
        if rules.row(group, "functional"):
            functional = any(t.kind in rules.functional_kinds for t in items)
    # Without a position the windows fall back to the usual 12 and 24 months, so only the position is missing.
    tech_row = rules.row(group or "", "technical")
    start = window_start(as_of, tech_row.window_months if tech_row and tech_row.window_months else 12)
    technical = sum((Decimal(t.hours_jp) for t in items if t.end_date >= start and is_technical(t, rules)), Decimal(0))
    sem_row = rules.row(group or "", "seminar")
    start = window_start(as_of, sem_row.window_months if sem_row and sem_row.window_months else 24)
    seminar = any(t.kind in rules.seminar_kinds and t.end_date >= start for t in items)

    low = dt.date(as_of.year, 1, 1) if rules.sanction_window == "measurement_year" else window_start(as_of, 12)
    worst = "none"
    for s in sanctions:
        end = s.end_date or s.start_date
        if s.start_date <= as_of and end >= low and SANCTION_LEVELS.index(s.level) > SANCTION_LEVELS.index(worst):
            worst = s.level

    return Facts(
        status=status,
        position_type=group,
        education_level=education,
        leadership_training_matches_position=leadership,
        functional_training_matches_position=functional,
        technical_jp_last_year=technical,
        seminar_last_2_years=seminar,
        predikat_last_year=predikat_by_year.get(as_of.year - rules.predikat_year_offset),
        sanction_level=worst,
    )


def facts_digest(rows: Iterable[tuple[Any, Facts]]) -> str:
    """A sha256 over ``(key, facts)`` pairs in the given order: equal inputs give equal digests."""
    digest = hashlib.sha256()
    for key, facts in rows:
        values = [str(key)] + ["" if getattr(facts, f) is None else str(getattr(facts, f)) for f in FACT_FIELDS]
        digest.update(("\x1f".join(values) + "\x1e").encode("utf-8"))
    return digest.hexdigest()
