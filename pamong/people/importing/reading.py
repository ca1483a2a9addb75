"""Reading an uploaded XLSX or CSV file into a table of text cells.

Every cell is read as text (fastexcel ``dtypes="string"``, polars
``infer_schema=False``), so a NIP typed as text keeps all 18 digits. A NIP
typed as a *number* has already lost its last digits inside the spreadsheet;
fastexcel renders such a cell as an 18-digit string ending in zeros, which
looks valid. :func:`_number_cells` finds those cells in the sheet's XML so
the validator can reject them (RULES.md §7).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from posixpath import join, normpath

import polars as pl
from django.utils.translation import gettext as _

ROW = "__row"  # the spreadsheet row number as the user sees it (header = row 1)
NUMBER_CELL = "__nip_number_cell"
SUFFIXES = (".xlsx", ".csv")


class ReadError(ValueError):
    """The file cannot be read at all; ``message`` is a translated sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """The cells of one sheet, all text, with the user's own headers.

    ``frame`` has one column per header (blank cells are null) plus ``__row``.
    Fully empty rows are dropped; ``__row`` keeps the numbers the user sees."""

    name: str
    headers: list[str]
    frame: pl.DataFrame

    @property
    def height(self) -> int:
        return self.frame.height


def read_table(path: Path, *, name: str = "") -> Table:
    """Read the first sheet of an XLSX file, or a CSV file (comma, semicolon or tab separated)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        table = _read_xlsx(path, name or path.name)
    elif suffix == ".csv":
        table = _read_csv(path, name or path.name)
    else:
        raise ReadError(_("Jenis berkas %(suffix)s tidak didukung; unggah XLSX atau CSV.") % {"suffix": suffix})
    return table


def _clean(frame: pl.DataFrame, first_data_row: int) -> pl.DataFrame:
    """Trim cells, make blank cells null, number the rows, drop fully empty rows."""
    columns = frame.columns
    frame = frame.with_columns(
        [pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None) for c in columns]
    ).with_row_index(ROW, offset=first_data_row)
    if columns:
        frame = frame.filter(~pl.all_horizontal(pl.col(c).is_null() for c in columns))
    return frame.with_columns(pl.col(ROW).cast(pl.Int64))


def _read_xlsx(path: Path, name: str) -> Table:
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
        sheet = reader.load_sheet(0, dtypes="string", whitespace_as_null=True, skip_whitespace_tail_rows=True)
        headers = [c.name for c in sheet.available_columns()]
        frame = sheet.to_polars()
    except Exception as exc:
        raise ReadError(
            _("Berkas %(name)s tidak dapat dibaca sebagai XLSX (%(error)s).") % {"name": name, "error": exc}
        ) from exc
    start_row, _start_col = _dimension_start(path)
    return Table(name=name, headers=headers, frame=_clean(frame, start_row + 1))


def _read_csv(path: Path, name: str) -> Table:
    with open(path, "rb") as handle:
        head = handle.read(64 * 1024)
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    first_line = text.splitlines()[0] if text else ""
    separator = max((";", ",", "\t"), key=first_line.count) if first_line else ","
    try:
        frame = pl.read_csv(
            path, infer_schema=False, separator=separator, encoding="utf8-lossy", truncate_ragged_lines=True
        )
    except Exception as exc:
        raise ReadError(
            _("Berkas %(name)s tidak dapat dibaca sebagai CSV (%(error)s).") % {"name": name, "error": exc}
        ) from exc
    headers = [h.lstrip("\ufeff").strip() for h in frame.columns]
    frame = frame.rename(dict(zip(frame.columns, headers, strict=True)))
    return Table(name=name, headers=headers, frame=_clean(frame, 2))


# --- number cells in the NIP column --------------------------------------------------------------

_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _first_sheet_path(archive: zipfile.ZipFile) -> str:
    """The XML part of the workbook's first sheet (usually ``xl/worksheets/sheet1.xml``)."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8", errors="replace")
    first = re.search(r"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]+)\"", workbook) or re.search(
        r"<(?:\w+:)?sheet\b[^>]*?\bid=\"([^\"]+)\"", workbook
    )
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", errors="replace")
    if first:
        for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
            tag = rel.group(0)
            if f'Id="{first.group(1)}"' in tag:
                target = re.search(r'Target="([^"]+)"', tag)
                if target:
                    value = target.group(1)
                    return value.lstrip("/") if value.startswith("/") else normpath(join("xl", value))
    return "xl/worksheets/sheet1.xml"


def _dimension_start(path: Path) -> tuple[int, int]:
    """(row, column) where the sheet's used range starts, 1-based row, 0-based column.

    fastexcel (calamine) starts a sheet at its first used cell, so a header on
    row 3 is "row 0" to it; the ``<dimension>`` element tells us the offset."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(_first_sheet_path(archive)) as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return 1, 0
    match = re.search(r'<(?:\w+:)?dimension ref="([A-Z]+)(\d+)', head)
    if not match:
        return 1, 0
    col = 0
    for char in match.group(1):
        col = col * 26 + ord(char) - 64
    return int(match.group(2)), col - 1


def _looks_like_number_cell(text: str) -> bool:
    """True when ``text`` could be a spreadsheet number rendered by fastexcel: 18 digits whose
    value is exactly a floating-point number (fastexcel prints a number cell's exact value,
    ``1.98501022010121E+17`` as ``198501022010120992``).

    About one text NIP in 32 also passes, so files with such values pay for the exact
    check in the sheet XML; files without pay nothing."""
    if len(text) != 18 or not text.isdigit():
        return False
    return int(float(text)) == int(text)


def number_cells(path: Path, table: Table, nip_header: str) -> set[int]:
    """Rows of an XLSX table whose NIP cell is a spreadsheet number (empty for CSV).

    Only rows whose text could be a rendered number are looked up in the XML."""
    if path.suffix.lower() != ".xlsx" or nip_header not in table.frame.columns:
        return set()
    frame = table.frame.select(nip_header, ROW).drop_nulls()
    candidates = [row for text, row in frame.iter_rows() if _looks_like_number_cell(text)]
    if not candidates:
        return set()
    return _number_cells(path, table.headers.index(nip_header), candidates)


def _number_cells(path: Path, header_index: int, candidates: list[int]) -> set[int]:
    """Which of the ``candidates`` rows hold a number (no ``t`` attribute, or ``t="n"``) in this column.

    Streams the sheet XML once, looking for each candidate cell in row order;
    string cells carry ``t="s"``, ``t="str"`` or ``t="inlineStr"``."""
    _start_row, start_col = _dimension_start(path)
    letter = _column_letter(start_col + header_index).encode()
    pending = iter(sorted(candidates))
    current = next(pending, None)
    rows: set[int] = set()
    with zipfile.ZipFile(path) as archive, archive.open(_first_sheet_path(archive)) as handle:
        buffer = b""
        while current is not None:
            chunk = handle.read(1 << 22)
            buffer += chunk
            while current is not None:
                tag = b'<c r="' + letter + str(current).encode() + b'"'
                start = buffer.find(tag)
                end = buffer.find(b">", start) if start >= 0 else -1
                if end < 0:
                    break
                attributes = buffer[start + len(tag) : end]
                if b' t="' not in attributes or b' t="n"' in attributes:
                    rows.add(current)
                buffer = buffer[end:]
                current = next(pending, None)
            if not chunk:
                break
            buffer = buffer[-256:]  # a tag may straddle two chunks
    return rows
