"""Writing XLSX exports with xlsxwriter: one header style, text NIPs, streaming rows."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any


def write_xlsx(
    sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    *,
    text_columns: Iterable[str] = ("nip", "NIP", "nip_baru"),
) -> bytes:
    """``sheets`` is ``[(title, headers, rows), ...]``. Columns named in
    ``text_columns`` are written as text so Excel never turns a NIP into a number."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1})
    text = book.add_format({"num_format": "@"})
    text_set = set(text_columns)
    for title, headers, rows in sheets:
        sheet = book.add_worksheet(title[:31])
        for col, header in enumerate(headers):
            sheet.write_string(0, col, str(header), bold)
            sheet.set_column(col, col, max(10, min(40, len(str(header)) + 4)), text if header in text_set else None)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if headers[c] in text_set:
                    sheet.write_string(r, c, str(value))
                else:
                    sheet.write(r, c, value)
        sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
