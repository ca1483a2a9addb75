"""The ``pamong monev achievement`` contract: indicators in a CSV file, results as JSON.

Input columns (a header row, comma separated, UTF-8 with or without BOM):
``id``, ``direction`` (``higher`` | ``lower``), ``cumulative`` (``true`` |
``false``), ``target``, ``q1``, ``q2``, ``q3``, ``q4`` (blank when not yet
reported; decimals with a dot). Output: one JSON object per row in input
order, ``{"id", "realisation", "achievement", "band"}``; realisation and
achievement are JSON numbers (achievement rounded half-up to 2 decimals),
``null`` with a ``null`` band when no quarter is reported.

Every bad cell is reported with its row (the line of the file: the header is
row 1) and column, and then nothing is printed on standard output.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from . import achievement as calc

COLUMNS = ("id", "direction", "cumulative", "target", "q1", "q2", "q3", "q4")
QUARTERS = ("q1", "q2", "q3", "q4")
BOOLEANS = {"true": True, "false": False}


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Baris %(row)d, kolom %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass(frozen=True)
class RowResult:
    id: str
    result: calc.Result


def _number(text: str) -> Decimal | None:
    """A finite decimal with a dot, or ``None`` when the text is not one."""
    if not text or "," in text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def evaluate_csv(text: str) -> tuple[list[RowResult], list[CellError]]:
    """1. Check the header has every column. 2. Check each row's cells. 3. Evaluate the
    rows (``achievement.evaluate``) only when no cell anywhere is bad."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headers = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in headers]
    if missing:
        return [], [CellError(1, c, _("Kolom ini tidak ada di baris judul.")) for c in missing]
    reader.fieldnames = headers
    results: list[RowResult] = []
    errors: list[CellError] = []
    for row_number, raw in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        row_errors: list[CellError] = []

        def bad(column: str, message: str, row_number: int = row_number, row_errors: list = row_errors) -> None:
            row_errors.append(CellError(row_number, column, message))

        if not row["id"]:
            bad("id", _("Wajib diisi."))
        direction = row["direction"].lower()
        if direction not in {d.value for d in calc.Direction}:
            bad("direction", _("Arah %(value)r tidak dikenal; isi higher atau lower.") % {"value": row["direction"]})
        cumulative = BOOLEANS.get(row["cumulative"].lower())
        if cumulative is None:
            bad("cumulative", _("Nilai %(value)r tidak dikenal; isi true atau false.") % {"value": row["cumulative"]})
        target = _number(row["target"])
        if target is None:
            bad("target", _("Target %(value)r bukan angka (pakai titik untuk desimal).") % {"value": row["target"]})
        elif target <= 0:
            bad("target", _("Target harus lebih besar dari 0."))
        quarters: list[Decimal | None] = []
        for column in QUARTERS:
            if not row[column]:
                quarters.append(None)
                continue
            value = _number(row[column])
            if value is None:
                bad(column, _("Nilai %(value)r bukan angka (pakai titik untuk desimal).") % {"value": row[column]})
            quarters.append(value)
        if row_errors:
            errors.extend(row_errors)
            continue
        assert target is not None and cumulative is not None
        results.append(
            RowResult(
                row["id"], calc.evaluate(target=target, quarters=quarters, cumulative=cumulative, direction=direction)
            )
        )
    return ([] if errors else results), errors


def _number_json(value: Decimal | None) -> str:
    return "null" if value is None else format(value, "f")


def results_json(results: list[RowResult]) -> str:
    """The results as a JSON list; decimals are written digit for digit, never through float."""
    import json

    items = []
    for item in results:
        r = item.result
        percent = calc.round_percent(r.achievement) if r.achievement is not None else None
        band = json.dumps(r.band.value) if r.band is not None else "null"
        items.append(
            "  {"
            f'"id": {json.dumps(item.id, ensure_ascii=False)}, '
            f'"realisation": {_number_json(r.realisation)}, '
            f'"achievement": {_number_json(percent)}, '
            f'"band": {band}'
            "}"
        )
    if not items:
        return "[]"
    return "[\n" + ",\n".join(items) + "\n]"
