"""Indonesian number and date formatting, for PDFs, exports and messages.

Templates use Django's localisation (LANGUAGE_CODE ``id``); code that writes
text outside a template calls these so ``91,48`` and ``28 November 2026``
look the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def date_id(value: dt.date | None) -> str:
    """``28 November 2026``."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def number_id(value: Decimal | float | int | None, places: int = 2) -> str:
    """``1.234,57``: dot for thousands, comma for decimals, rounded half-up."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
