"""Reading answer tables (CSV for the command line, XLSX for the paper-survey import).

One row per respondent; a mapping names the column that holds each unsur
(``{"u8": "col_x"}``); unmapped unsur are read from the column named by their
code (``u1`` … ``u9``, case-insensitive). Every problem names its row (as a
spreadsheet shows it: the header is row 1) and its column, in Indonesian.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from .ikm import MAX_ANSWER, MIN_ANSWER, UNSUR_CODES


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.row:
            return _("Baris %(row)s, kolom %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Kolom %(column)s: %(message)s") % {"column": self.column, "message": self.message}


@dataclass
class AnswerTable:
    """Validated answers (``rows``) or what is wrong (``errors``); never both used together."""

    columns: dict[str, str]  # unsur code -> column name in the file
    rows: list[dict[str, int | None]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)  # other mapped values per row
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class MappingError(ValueError):
    """A ``--map`` text that cannot be read."""


def parse_map(text: str) -> dict[str, str]:
    """``"u8=col_x,u9=col_y"`` → ``{"u8": "col_x", "u9": "col_y"}``; unsur codes are checked."""
    mapping: dict[str, str] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        code, sep, column = part.partition("=")
        code, column = code.strip().lower(), column.strip()
        if not sep or not column:
            raise MappingError(_("Pemetaan %(part)s harus berbentuk unsur=kolom, mis. u8=col_x.") % {"part": part})
        if code not in UNSUR_CODES:
            raise MappingError(_("%(code)s bukan kode unsur; pakai u1 sampai u9.") % {"code": code})
        if code in mapping:
            raise MappingError(_("Unsur %(code)s dipetakan dua kali.") % {"code": code})
        mapping[code] = column
    return mapping


def parse_answer(value: Any) -> tuple[int | None, str]:
    """A cell as an answer: ``(1..4, "")``, ``(None, "")`` when blank, or ``(None, message)`` when invalid.

    Spreadsheets give ``4.0`` for 4; that is accepted, ``4.5`` is not.
    """
    if value is None:
        return None, ""
    if isinstance(value, bool):
        return None, _("nilai %(value)s bukan angka 1–4") % {"value": value}
    text = str(value).strip()
    if text == "":
        return None, ""
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None, _("nilai \u201c%(value)s\u201d bukan angka 1–4") % {"value": text[:40]}
    if number != number.to_integral_value() or not (MIN_ANSWER <= number <= MAX_ANSWER):
        return None, _("nilai \u201c%(value)s\u201d di luar 1–4") % {"value": text[:40]}
    return int(number), ""


def resolve_columns(header: Sequence[str], mapping: Mapping[str, str]) -> tuple[dict[str, str], list[RowError]]:
    """For each unsur, the header name that holds it (mapping first, else the code itself)."""
    by_lower = {str(h).strip().lower(): str(h).strip() for h in header if h is not None}
    columns: dict[str, str] = {}
    errors: list[RowError] = []
    for code in UNSUR_CODES:
        wanted = mapping.get(code, code)
        found = by_lower.get(wanted.strip().lower())
        if found is None:
            errors.append(
                RowError(0, wanted, _("kolom untuk unsur %(unsur)s tidak ada di berkas") % {"unsur": code.upper()})
            )
        else:
            columns[code] = found
    return columns, errors


def validate_rows(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    mapping: Mapping[str, str],
    *,
    first_row: int = 2,
    extra_columns: Mapping[str, str] | None = None,
    max_errors: int = 1000,
) -> AnswerTable:
    """Check every row; collect every error (up to ``max_errors``) rather than stopping at the first."""
    columns, errors = resolve_columns(header, mapping)
    table = AnswerTable(columns=columns, errors=errors)
    if errors:
        return table
    position = {str(h).strip(): i for i, h in enumerate(header) if h is not None}
    extra_pos = {key: position[name] for key, name in (extra_columns or {}).items() if name in position}
    for offset, raw in enumerate(rows):
        row_number = first_row + offset
        values: dict[str, int | None] = {}
        for code, column in columns.items():
            i = position[column]
            cell = raw[i] if i < len(raw) else None
            value, problem = parse_answer(cell)
            if problem:
                if len(table.errors) < max_errors:
                    table.errors.append(RowError(row_number, column, problem))
                continue
            values[code] = value
        table.rows.append(values)
        table.extra.append({key: (raw[i] if i < len(raw) else None) for key, i in extra_pos.items()})
    return table


def read_csv(path: Path, mapping: Mapping[str, str]) -> AnswerTable:
    """A CSV file (UTF-8, with or without BOM; comma, semicolon or tab separated) as an :class:`AnswerTable`."""
    text = path.read_text(encoding="utf-8-sig")
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample.splitlines()[0] if sample else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, [])
    rows = (row for row in reader if any(cell.strip() for cell in row))
    # Blank lines are skipped, but row numbers must still match the file: number them as read.
    numbered: list[Sequence[Any]] = []
    line_numbers: list[int] = []
    for row in rows:
        numbered.append(row)
        line_numbers.append(reader.line_num)
    table = validate_rows(header, numbered, mapping)
    # validate_rows numbered rows consecutively from 2; map back to the file's own line numbers.
    table.errors = [RowError(line_numbers[e.row - 2], e.column, e.message) if e.row else e for e in table.errors]
    return table
