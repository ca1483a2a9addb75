"""Workbooks the import hands back: the empty template of each layout and the error report."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import IO

import xlsxwriter
from django.utils.translation import gettext as _

from .columns import LAYOUTS, Layout
from .reading import ROW, Table
from .validate import ACCEPTED, RowError

# Above this many rows the report lists only the rows with errors (writing every row of a
# 100,000-row file takes half a minute and the user fixes a handful of rows anyway).
FULL_REPORT_ROWS = 20_000


def write_error_report(target: Path | IO[bytes], table: Table, errors: list[RowError]) -> None:
    """The user's own rows with two added columns, ``baris_asal`` and ``kesalahan``, and a
    second sheet listing every error. Extra columns are ignored on import, so the
    corrected workbook can be uploaded as it is."""
    by_row: dict[int | None, list[str]] = defaultdict(list)
    for error in errors:
        by_row[error.row].append(f"{error.column}: {error.message}" if error.column else error.message)
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": not isinstance(target, Path)})
    text = workbook.add_format({"num_format": "@"})
    bold = workbook.add_format({"bold": True})
    bad = workbook.add_format({"num_format": "@", "bg_color": "#F8D7DA", "font_color": "#58151C", "text_wrap": True})

    sheet = workbook.add_worksheet(_("data"))
    headers = [*table.headers, "baris_asal", "kesalahan"]
    sheet.write_row(0, 0, headers, bold)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, len(headers) - 3, 18, text)
    sheet.set_column(len(headers) - 1, len(headers) - 1, 80)
    only_errors = table.height > FULL_REPORT_ROWS
    frame = table.frame.select([*table.headers, ROW])
    out = 1
    for values in frame.iter_rows():
        row = values[-1]
        messages = by_row.get(row)
        if only_errors and not messages:
            continue
        for c, value in enumerate(values[:-1]):
            if value is not None:
                sheet.write_string(out, c, value, text)
        sheet.write_number(out, len(headers) - 2, row)
        if messages:
            sheet.write_string(out, len(headers) - 1, "; ".join(messages), bad)
        out += 1

    listing = workbook.add_worksheet(_("kesalahan"))
    listing.write_row(0, 0, [_("Baris"), _("Kolom"), _("Kesalahan")], bold)
    listing.set_column(0, 0, 8)
    listing.set_column(1, 1, 24)
    listing.set_column(2, 2, 100)
    for r, error in enumerate(errors, start=1):
        if error.row is not None:
            listing.write_number(r, 0, error.row)
        listing.write_string(r, 1, error.column)
        listing.write_string(r, 2, error.message)
    if only_errors:
        listing.write_string(
            len(errors) + 2,
            0,
            _("Berkas berisi %(n)d baris; lembar data hanya memuat baris yang salah.") % {"n": table.height},
        )
    workbook.close()


def write_template(target: Path | IO[bytes], kind: str) -> None:
    """An empty workbook for ``kind``: the header row with a note on each column, the NIP
    column formatted as text, and a ``petunjuk`` sheet describing every column."""
    layout: Layout = LAYOUTS[kind]
    workbook = xlsxwriter.Workbook(target, {"in_memory": not isinstance(target, Path)})
    bold = workbook.add_format({"bold": True, "bg_color": "#E9ECEF", "border": 1})
    required = workbook.add_format({"bold": True, "bg_color": "#FFF3CD", "border": 1})
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": "dd-mm-yyyy"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    sheet = workbook.add_worksheet(_("data"))
    sheet.freeze_panes(1, 0)
    for c, column in enumerate(layout.columns):
        sheet.write_string(0, c, column.name, required if column.required else bold)
        note = str(column.label)
        if column.help:
            note += "\n" + str(column.help)
        if column.example:
            note += "\n" + _("Contoh: %(example)s") % {"example": column.example}
        sheet.write_comment(0, c, note, {"x_scale": 2, "y_scale": 1.5})
        cell_format = (
            text if column.type in ("nip", "text", "choice", "email") else date if column.type == "date" else None
        )
        sheet.set_column(c, c, max(14, len(column.name) + 2), cell_format)

    notes = workbook.add_worksheet(_("petunjuk"))
    notes.set_column(0, 0, 28)
    notes.set_column(1, 1, 8)
    notes.set_column(2, 2, 70, wrap)
    notes.set_column(3, 3, 26)
    notes.write_string(0, 0, str(layout.label), workbook.add_format({"bold": True, "font_size": 14}))
    lines = [
        str(layout.key_help),
        _("Isi lembar 'data' mulai baris 2; baris 1 adalah judul kolom. Judul kolom boleh huruf besar atau kecil."),
        _(
            "Kolom NIP sudah berformat Teks: ketik atau tempel NIP sebagai teks (18 digit). NIP yang tersimpan "
            "sebagai angka ditolak karena Excel sudah menghapus digit terakhirnya."
        ),
        _("Tanggal: sel tanggal Excel, atau teks hh-bb-tttt (31-12-1990) atau tttt-bb-hh (1990-12-31)."),
        _(
            "Seluruh berkas diperiksa dulu. Bila ada satu saja kesalahan, tidak ada data yang disimpan dan "
            "laporan menyebut baris serta kolom setiap kesalahan."
        ),
        _("Kolom yang tidak dikenal diabaikan. Sel kosong pada kolom yang ada berarti nilainya dikosongkan."),
    ]
    if layout.one_of:
        groups = "; ".join(" / ".join(group) for group in layout.one_of)
        lines.append(_("Salah satu kolom ini wajib ada: %(groups)s.") % {"groups": groups})
    for r, line in enumerate(lines, start=1):
        notes.write_string(r, 0, line)
    start = len(lines) + 2
    notes.write_row(start, 0, [_("Kolom"), _("Wajib"), _("Keterangan"), _("Contoh")], bold)
    for r, column in enumerate(layout.columns, start=start + 1):
        description = str(column.label)
        if column.help:
            description += ". " + str(column.help)
        if column.name in ACCEPTED:
            description += " " + _("Nilai yang diterima: %(values)s.") % {"values": ACCEPTED[column.name]}
        if column.aliases:
            description += " " + _("Nama kolom lain yang dikenali: %(names)s.") % {"names": ", ".join(column.aliases)}
        notes.write_string(r, 0, column.name)
        notes.write_string(r, 1, _("ya") if column.required else "")
        notes.write_string(r, 2, description)
        notes.write_string(r, 3, column.example)
    workbook.close()
