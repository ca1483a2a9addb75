"""Reading a year's Renja structure and targets from XLSX (the regional planning system's export).

The layout is one row per indicator: the national code and name of the
programme, activity or sub-activity, then the indicator and its targets, then
the budget ceiling and who is responsible. A row with a blank code continues
the item above (its next indicator), as the planning system's export does with
merged cells. The level comes from the code (3 segments: program, 5: kegiatan,
6: sub kegiatan; Kepmendagri 050-5889/2021) unless a ``tingkat`` column says it.

Headers are matched case-insensitively with spaces and hyphens read as
underscores, by canonical name or alias (:data:`COLUMNS`); a file with other
headers is imported through a mapping ``{canonical name: their header}``
chosen on the mapping page.

Nothing is written here: :func:`parse` returns the items and indicators to
write, or every bad cell as "Baris n, kolom X: …", and
:func:`pamong.monitoring.services.renja_import` writes them all or nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Level

MAX_ROWS = 20_000


@dataclass(frozen=True)
class Column:
    name: str
    label: Any
    required: bool = False
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column(
        "kode",
        gettext_lazy("Kode program/kegiatan/sub kegiatan"),
        True,
        ("kode_rekening", "kode_program", "kode_nomenklatur", "kd"),
    ),
    Column(
        "nama",
        gettext_lazy("Nama program/kegiatan/sub kegiatan"),
        True,
        ("uraian", "nama_program", "program_kegiatan", "nomenklatur"),
    ),
    Column("tingkat", gettext_lazy("Tingkat (program, kegiatan, sub kegiatan)"), False, ("level", "jenis")),
    Column(
        "indikator", gettext_lazy("Indikator kinerja"), False, ("indikator_kinerja", "tolok_ukur", "tolok_ukur_kinerja")
    ),
    Column("satuan", gettext_lazy("Satuan"), False, ("satuan_indikator",)),
    Column("target", gettext_lazy("Target tahunan"), False, ("target_kinerja", "target_tahunan", "target_renja")),
    Column("target_perubahan", gettext_lazy("Target perubahan"), False, ("target_p",)),
    Column("target_tw1", gettext_lazy("Target TW I"), False, ("tw1", "target_tw_i", "tw_i")),
    Column("target_tw2", gettext_lazy("Target TW II"), False, ("tw2", "target_tw_ii", "tw_ii")),
    Column("target_tw3", gettext_lazy("Target TW III"), False, ("tw3", "target_tw_iii", "tw_iii")),
    Column("target_tw4", gettext_lazy("Target TW IV"), False, ("tw4", "target_tw_iv", "tw_iv")),
    Column("arah", gettext_lazy("Arah (naik / turun)"), False, ("polaritas", "arah_indikator")),
    Column("kumulatif", gettext_lazy("Kumulatif (ya / tidak)"), False, ("sifat",)),
    Column("target_renstra", gettext_lazy("Target Renstra akhir periode"), False, ("target_akhir_renstra",)),
    Column("realisasi_renstra_lalu", gettext_lazy("Realisasi Renstra s.d. tahun lalu"), False, ("realisasi_renstra",)),
    Column(
        "pagu",
        gettext_lazy("Pagu (Rp), untuk sub kegiatan"),
        False,
        ("pagu_indikatif", "anggaran", "alokasi", "pagu_anggaran"),
    ),
    Column("pagu_perubahan", gettext_lazy("Pagu perubahan (Rp)"), False, ("pagu_p",)),
    Column("nip_penanggung_jawab", gettext_lazy("NIP pejabat penanggung jawab"), False, ("nip_pj", "nip")),
    Column("kode_unit_penanggung_jawab", gettext_lazy("Kode unit penanggung jawab"), False, ("kode_unit", "unit_pj")),
)
BY_NAME = {c.name: c for c in COLUMNS}
SEGMENTS_LEVEL = {3: Level.PROGRAMME, 5: Level.ACTIVITY, 6: Level.SUB_ACTIVITY}
LEVEL_WORDS = {
    "program": Level.PROGRAMME,
    "kegiatan": Level.ACTIVITY,
    "sub kegiatan": Level.SUB_ACTIVITY,
    "sub_kegiatan": Level.SUB_ACTIVITY,
    "subkegiatan": Level.SUB_ACTIVITY,
}
DIRECTION_WORDS = {
    "naik": "higher",
    "positif": "higher",
    "higher": "higher",
    "makin tinggi makin baik": "higher",
    "turun": "lower",
    "negatif": "lower",
    "lower": "lower",
    "makin rendah makin baik": "lower",
}
BOOL_WORDS = {
    "ya": True,
    "y": True,
    "true": True,
    "1": True,
    "kumulatif": True,
    "tidak": False,
    "t": False,
    "false": False,
    "0": False,
    "non kumulatif": False,
}


class ReadError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalise(header: str) -> str:
    """``Kode Rekening`` → ``kode_rekening``; ``Target-TW 1`` → ``target_tw_1``."""
    text = re.sub(r"[\s\-/.]+", "_", str(header).strip().lower())
    return re.sub(r"[^a-z0-9_]", "", text).strip("_")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the user sees it, cells as text)


def read_xlsx(path: Path) -> Sheet:
    """The first sheet: the first non-empty row is the header; every cell as text."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        data = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:
        raise ReadError(
            _("Berkas tidak dapat dibaca sebagai XLSX (%(error)s).") % {"error": type(exc).__name__}
        ) from exc
    header_at = _header_row(data)
    if header_at is None:
        raise ReadError(_("Berkas kosong: tidak ada baris judul."))
    headers = [_cell_text(c) for c in data[header_at]]
    rows = []
    for index in range(header_at + 1, len(data)):
        cells = [_cell_text(c) for c in data[index]]
        if any(cells):
            rows.append((index + 1, cells + [""] * (len(headers) - len(cells))))
    if len(rows) > MAX_ROWS:
        raise ReadError(_("Berkas berisi lebih dari %(n)d baris.") % {"n": MAX_ROWS})
    return Sheet(headers=headers, rows=rows)


def _header_row(data: list[list[Any]]) -> int | None:
    """The header row: among the first 20 non-empty rows, the one naming most known columns
    (an export often starts with title rows); else the first non-empty row."""
    filled = [i for i, row in enumerate(data[:200]) if any(_cell_text(c) for c in row)][:20]
    if not filled:
        return None
    scores = [(len(guess_mapping([_cell_text(c) for c in data[i]])), -i) for i in filled]
    best, negative_index = max(scores)
    return -negative_index if best > 0 else filled[0]


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """{canonical name: their header} for the headers recognised by name or alias."""
    found: dict[str, str] = {}
    for header in headers:
        key = normalise(header)
        for column in COLUMNS:
            if column.name in found:
                continue
            if key == column.name or key in column.aliases:
                found[column.name] = header
                break
    return found


def missing_required(mapping: dict[str, str]) -> list[Column]:
    return [c for c in COLUMNS if c.required and not mapping.get(c.name)]


@dataclass
class IndicatorSpec:
    row: int
    name: str
    unit_of_measure: str
    target: Decimal
    revised_target: Decimal | None
    quarterly: list[Decimal | None]
    direction: str
    cumulative: bool
    renstra_target: Decimal | None
    renstra_until_last_year: Decimal | None


@dataclass
class ItemSpec:
    row: int
    code: str
    name: str
    level: str
    pagu: Decimal | None
    revised_pagu: Decimal | None
    nip: str
    unit_code: str
    indicators: list[IndicatorSpec] = field(default_factory=list)


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


def parse_number(text: str) -> Decimal | None:
    """``1.500.000,50`` and ``1500000.5`` are both 1500000.5; raises ``ValueError`` for text."""
    text = text.replace(" ", "").replace("Rp", "").replace("%", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def parse(sheet: Sheet, mapping: dict[str, str]) -> tuple[list[ItemSpec], list[CellError]]:
    """1. Every row's cells are checked; each bad cell is named by row and (their) column.
    2. A row with a code starts an item; a row without continues the item above.
    3. An item's level comes from ``tingkat`` or the number of code segments.
    4. Codes are unique in the file; a child's code extends an item above it."""
    index = {name: sheet.headers.index(header) for name, header in mapping.items() if header in sheet.headers}
    errors: list[CellError] = []
    items: list[ItemSpec] = []
    by_code: dict[str, ItemSpec] = {}
    current: ItemSpec | None = None

    def cell(cells: list[str], name: str) -> str:
        return cells[index[name]].strip() if name in index and index[name] < len(cells) else ""

    def label(name: str) -> str:
        return mapping.get(name) or name

    for row, cells in sheet.rows:
        bad = len(errors)

        def add(name: str, message: str, row: int = row) -> None:
            errors.append(CellError(row, label(name), message))

        def number(name: str, *, positive: bool = False, cells: list[str] = cells) -> Decimal | None:
            text = cell(cells, name)
            try:
                value = parse_number(text)
            except ValueError:
                add(name, _("%(value)r bukan angka.") % {"value": text})
                return None
            if value is not None and positive and value <= 0:
                add(name, _("Harus lebih besar dari 0."))
            elif value is not None and value < 0:
                add(name, _("Tidak boleh negatif."))
            return value

        code = cell(cells, "kode")
        if code:
            level_text = cell(cells, "tingkat").lower()
            if level_text:
                level = LEVEL_WORDS.get(level_text)
                if level is None:
                    add(
                        "tingkat",
                        _("Tingkat %(value)r tidak dikenal; isi program, kegiatan atau sub kegiatan.")
                        % {"value": level_text},
                    )
            else:
                level = SEGMENTS_LEVEL.get(len(code.split(".")))
                if level is None or not re.fullmatch(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*", code):
                    add(
                        "kode",
                        _("Kode %(code)s bukan kode program (3 bagian), kegiatan (5) atau sub kegiatan (6).")
                        % {"code": code},
                    )
            name = cell(cells, "nama")
            if not name:
                add("nama", _("Wajib diisi pada baris yang berkode."))
            if code in by_code:
                add(
                    "kode", _("Kode %(code)s sudah muncul di baris %(row)d.") % {"code": code, "row": by_code[code].row}
                )
            pagu = number("pagu")
            revised_pagu = number("pagu_perubahan")
            if (pagu is not None or revised_pagu is not None) and level not in (None, Level.SUB_ACTIVITY):
                add("pagu", _("Pagu diisi pada sub kegiatan saja."))
            nip = cell(cells, "nip_penanggung_jawab")
            if nip and not (len(nip) == 18 and nip.isdigit()):
                add("nip_penanggung_jawab", _("NIP harus 18 angka, ditulis sebagai teks."))
            current = ItemSpec(
                row=row,
                code=code,
                name=name,
                level=level or Level.PROGRAMME,
                pagu=pagu,
                revised_pagu=revised_pagu,
                nip=nip,
                unit_code=cell(cells, "kode_unit_penanggung_jawab"),
            )
            if len(errors) == bad:
                by_code[code] = current
                items.append(current)
        elif current is None:
            add("kode", _("Baris pertama harus berkode."))
            continue
        indicator = cell(cells, "indikator")
        if not indicator:
            if not code:
                add("indikator", _("Baris tanpa kode harus berisi indikator dari program/kegiatan di atasnya."))
            continue
        unit = cell(cells, "satuan")
        if not unit:
            add("satuan", _("Wajib diisi untuk indikator."))
        target = number("target", positive=True)
        if target is None and not any(e.row == row and e.column == label("target") for e in errors):
            add("target", _("Wajib diisi untuk indikator."))
        revised = number("target_perubahan", positive=True)
        quarterly = [number(f"target_tw{q}") for q in (1, 2, 3, 4)]
        direction_text = cell(cells, "arah").lower()
        direction = DIRECTION_WORDS.get(direction_text, "") if direction_text else "higher"
        if not direction:
            add("arah", _("Arah %(value)r tidak dikenal; isi naik atau turun.") % {"value": direction_text})
        cumulative_text = cell(cells, "kumulatif").lower()
        cumulative = BOOL_WORDS.get(cumulative_text) if cumulative_text else True
        if cumulative is None:
            add("kumulatif", _("Isi ya atau tidak."))
        renstra_target = number("target_renstra")
        renstra_last = number("realisasi_renstra_lalu")
        if len(errors) == bad and current is not None and target is not None:
            if any(i.name == indicator for i in current.indicators):
                add(
                    "indikator",
                    _("Indikator %(name)s sudah ada pada %(code)s.") % {"name": indicator, "code": current.code},
                )
                continue
            current.indicators.append(
                IndicatorSpec(
                    row=row,
                    name=indicator,
                    unit_of_measure=unit,
                    target=target,
                    revised_target=revised,
                    quarterly=quarterly,
                    direction=direction,
                    cumulative=bool(cumulative),
                    renstra_target=renstra_target,
                    renstra_until_last_year=renstra_last,
                )
            )
    return items, errors
