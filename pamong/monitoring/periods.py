"""Quarters (triwulan) and their default deadlines, as plain dates (no Django).

A quarter's realisation may be entered from the quarter's first day until its
deadline, inclusive; the default deadline is ten days after the quarter's end
[design, as asked by the regency: configurable per year in PeriodSetting].
"""

from __future__ import annotations

import datetime as dt

DEFAULT_DEADLINE_DAYS = 10
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarter_of(day: dt.date) -> tuple[int, int]:
    """(year, quarter) containing ``day``."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def default_deadline(year: int, quarter: int) -> dt.date:
    """Ten days after the quarter's end: 10 April, 10 July, 10 October, 10 January."""
    return quarter_end(year, quarter) + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)


def last_ended_quarter(day: dt.date) -> tuple[int, int]:
    """(year, quarter) of the latest quarter whose last day is ``day`` or earlier."""
    year, quarter = quarter_of(day)
    if day == quarter_end(year, quarter):
        return year, quarter
    if quarter == 1:
        return year - 1, 4
    return year, quarter - 1


def roman(quarter: int) -> str:
    return ROMAN[quarter]
