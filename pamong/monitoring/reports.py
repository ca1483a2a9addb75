"""The Renja evaluation form (Permendagri 86/2017) as rows, XLSX and PDF; the leaders' quarterly summary PDF.

The form's columns, in the regulation's order (K = volume, Rp = rupiah):

1 no · 2 kode · 3 program/kegiatan/sub kegiatan · 4 indikator kinerja · 5 satuan ·
6 target Renstra (akhir periode) K · 7 realisasi Renstra s.d. tahun lalu K ·
8 target Renja tahun berjalan K / Rp · 9–12 realisasi triwulan I–IV K / Rp ·
13 realisasi capaian tahun berjalan K / Rp · 14 tingkat capaian (%) K / Rp ·
15 realisasi Renstra s.d. tahun berjalan K · 16 tingkat capaian Renstra (%) K ·
17 unit penanggung jawab · 18 predikat.

Below the table: the average achievement and its predikat, and per quarter the
drivers, obstacles and follow-up written by the officials.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.formatting import date_id, number_id
from pamong.core.pdf import render_pdf

from . import achievement as calc
from .evaluation import IndicatorResult, ItemResult, OpdResult, RankRow
from .models import BandChoice
from .periods import roman


@dataclass
class FormRow:
    number: str
    code: str
    name: str
    level: str
    indicator: str
    unit: str
    renstra_target: Decimal | None
    renstra_last_year: Decimal | None
    target: Decimal | None
    ceiling: Decimal | None
    quarters: list[Decimal | None]
    budget_quarters: list[Decimal | None]
    realisation: Decimal | None
    spent: Decimal | None
    achievement: Decimal | None
    absorption: Decimal | None
    renstra_reached: Decimal | None
    renstra_progress: Decimal | None
    responsible_unit: str
    band: str
    is_item: bool


@dataclass
class Narrative:
    code: str
    name: str
    quarter: int
    drivers: str
    obstacles: str
    follow_up: str


@dataclass
class RenjaForm:
    opd: Any
    year: int
    quarter: int
    rows: list[FormRow] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)
    average: Decimal | None = None
    band: str = ""
    generated: str = ""


def _band_label(band: calc.Band | None) -> str:
    return str(BandChoice(band.value).label) if band else ""


def renja_form(opd: Any, result: OpdResult) -> RenjaForm:
    """The rows of the form: per item its budget row, then one row per indicator."""
    form = RenjaForm(opd=opd, year=result.year, quarter=result.quarter)
    counter = 0

    def add(node: ItemResult) -> None:
        nonlocal counter
        counter += 1
        item = node.item
        unit_name = item.responsible_unit.name if item.responsible_unit else ""
        first = True
        indicators: list[IndicatorResult | None] = list(node.indicators) or [None]
        for r in indicators:
            form.rows.append(
                FormRow(
                    number=str(counter) if first else "",
                    code=item.code if first else "",
                    name=item.name if first else "",
                    level=item.level,
                    indicator=r.indicator.name if r else "",
                    unit=r.indicator.unit_of_measure if r else "",
                    renstra_target=r.indicator.renstra_target if r else None,
                    renstra_last_year=r.indicator.renstra_until_last_year if r else None,
                    target=r.target if r else None,
                    ceiling=node.ceiling if first else None,
                    quarters=r.quarters if r else [None] * 4,
                    budget_quarters=node.budget_quarters if first else [None] * 4,
                    realisation=r.realisation if r else None,
                    spent=node.spent if first else None,
                    achievement=r.achievement if r else None,
                    absorption=node.absorption if first else None,
                    renstra_reached=r.renstra_reached if r else None,
                    renstra_progress=r.renstra_progress if r else None,
                    responsible_unit=unit_name if first else "",
                    band=_band_label(r.band) if r else "",
                    is_item=first,
                )
            )
            first = False
        for q in sorted(node.reports):
            report = node.reports[q]
            if report.status in ("submitted", "verified") and (report.drivers or report.obstacles or report.follow_up):
                form.narratives.append(
                    Narrative(item.code, item.name, q, report.drivers, report.obstacles, report.follow_up)
                )
        for child in node.children:
            add(child)

    for root in result.budget_roots:
        add(root)
    form.average = result.average
    form.band = _band_label(result.band)
    form.generated = date_id(timezone.localdate())
    return form


# --- XLSX --------------------------------------------------------------------------------------------------


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def renja_xlsx(form: RenjaForm) -> bytes:
    """The form as a workbook: title rows, the two-row header of the regulation, the rows, the average."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(_("Evaluasi Renja")[:31])
    title = book.add_format({"bold": True, "font_size": 12})
    head = book.add_format(
        {"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"}
    )
    text = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    bold_text = book.add_format({"border": 1, "text_wrap": True, "valign": "top", "bold": True})
    number = book.add_format({"border": 1, "num_format": "#,##0.####", "valign": "top"})
    rupiah = book.add_format({"border": 1, "num_format": "#,##0", "valign": "top"})
    percent = book.add_format({"border": 1, "num_format": "0.00", "valign": "top"})
    sheet.write(0, 0, _("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"), title)
    sheet.write(
        1,
        0,
        _("%(opd)s — Tahun %(year)d, s.d. Triwulan %(q)s")
        % {"opd": form.opd.name, "year": form.year, "q": roman(form.quarter)},
    )
    sheet.write(2, 0, _("Permendagri 86/2017; dicetak %(day)s") % {"day": form.generated})
    top = 4
    singles = [
        (0, _("No")),
        (1, _("Kode")),
        (2, _("Program / Kegiatan / Sub Kegiatan")),
        (3, _("Indikator Kinerja")),
        (4, _("Satuan")),
        (5, _("Target Renstra (akhir periode) K")),
        (6, _("Realisasi Renstra s.d. tahun lalu K")),
    ]
    for col, label in singles:
        sheet.merge_range(top, col, top + 1, col, label, head)
    pairs = [
        (7, _("Target Renja tahun berjalan")),
        (9, _("Realisasi Triwulan I")),
        (11, _("Realisasi Triwulan II")),
        (13, _("Realisasi Triwulan III")),
        (15, _("Realisasi Triwulan IV")),
        (17, _("Realisasi capaian tahun berjalan")),
        (19, _("Tingkat capaian (%)")),
    ]
    for col, label in pairs:
        sheet.merge_range(top, col, top, col + 1, label, head)
        sheet.write(top + 1, col, "K", head)
        sheet.write(top + 1, col + 1, "Rp", head)
    tail = [
        (21, _("Realisasi Renstra s.d. tahun berjalan K")),
        (22, _("Tingkat capaian Renstra (%) K")),
        (23, _("Unit penanggung jawab")),
        (24, _("Predikat")),
    ]
    for col, label in tail:
        sheet.merge_range(top, col, top + 1, col, label, head)
    widths = [4, 18, 40, 40, 10, 12, 12] + [12, 16] * 7 + [12, 12, 24, 14]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    row = top + 2
    for r in form.rows:
        sheet.write(row, 0, r.number, text)
        sheet.write(row, 1, r.code, text)
        sheet.write(row, 2, r.name, bold_text if r.level == "program" else text)
        sheet.write(row, 3, r.indicator, text)
        sheet.write(row, 4, r.unit, text)
        cells: list[tuple[int, Decimal | None, Any]] = [
            (5, r.renstra_target, number),
            (6, r.renstra_last_year, number),
            (7, r.target, number),
            (8, r.ceiling, rupiah),
        ]
        for q in range(4):
            cells.append((9 + 2 * q, r.quarters[q], number))
            cells.append((10 + 2 * q, r.budget_quarters[q], rupiah))
        cells += [
            (17, r.realisation, number),
            (18, r.spent, rupiah),
            (19, calc.round_percent(r.achievement) if r.achievement is not None else None, percent),
            (20, calc.round_percent(r.absorption) if r.absorption is not None else None, percent),
            (21, r.renstra_reached, number),
            (22, calc.round_percent(r.renstra_progress) if r.renstra_progress is not None else None, percent),
        ]
        for col, value, fmt in cells:
            if value is None:
                sheet.write_blank(row, col, None, fmt)
            else:
                sheet.write_number(row, col, float(value), fmt)
        sheet.write(row, 23, r.responsible_unit, text)
        sheet.write(row, 24, r.band, text)
        row += 1
    row += 1
    sheet.write(row, 2, _("Rata-rata capaian kinerja (%)"), bold_text)
    if form.average is not None:
        sheet.write_number(row, 3, float(calc.round_percent(form.average)), percent)
    sheet.write(row + 1, 2, _("Predikat kinerja"), bold_text)
    sheet.write(row + 1, 3, form.band or "—", text)
    row += 3
    if form.narratives:
        sheet.write(row, 0, _("Faktor pendorong, penghambat dan tindak lanjut"), title)
        row += 1
        for col, label in enumerate(
            [
                _("Kode"),
                _("Program/kegiatan"),
                _("TW"),
                _("Faktor pendorong"),
                _("Faktor penghambat"),
                _("Tindak lanjut"),
            ]
        ):
            sheet.write(row, 1 + col, label, head)
        row += 1
        for n in form.narratives:
            texts = [n.code, n.name, roman(n.quarter), n.drivers, n.obstacles, n.follow_up]
            for col, cell in enumerate(texts):
                sheet.write(row, 1 + col, cell, text)
            row += 1
    sheet.freeze_panes(top + 2, 3)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    book.close()
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------------------------


def _fmt_rows(form: RenjaForm) -> list[dict[str, Any]]:
    def vol(v: Decimal | None) -> str:
        if v is None:
            return ""
        normal = v.normalize()
        exp = normal.as_tuple().exponent
        places = max(0, -exp) if isinstance(exp, int) else 0
        return number_id(normal, min(places, 4))

    def rp(v: Decimal | None) -> str:
        return "" if v is None else number_id(v, 0)

    def pct(v: Decimal | None) -> str:
        return "" if v is None else number_id(v, 2)

    out = []
    for r in form.rows:
        out.append(
            {
                "row": r,
                "renstra_target": vol(r.renstra_target),
                "renstra_last_year": vol(r.renstra_last_year),
                "target": vol(r.target),
                "ceiling": rp(r.ceiling),
                "quarters": [(vol(r.quarters[q]), rp(r.budget_quarters[q])) for q in range(4)],
                "realisation": vol(r.realisation),
                "spent": rp(r.spent),
                "achievement": pct(r.achievement),
                "absorption": pct(r.absorption),
                "renstra_reached": vol(r.renstra_reached),
                "renstra_progress": pct(r.renstra_progress),
            }
        )
    return out


def renja_pdf(form: RenjaForm) -> bytes:
    return render_pdf(
        "monitoring/print/renja.html",
        {
            "form": form,
            "rows": _fmt_rows(form),
            "average": number_id(form.average, 2) if form.average is not None else "—",
            "roman": roman(form.quarter),
            "regency_name": _("Pemerintah %(name)s") % {"name": settings.REGENCY_NAME},
        },
    )


def summary_pdf(
    *, year: int, quarter: int, rows: list[RankRow], others: list[ItemResult], warnings: list[Any]
) -> bytes:
    """The leaders' quarterly summary: OPD ranking, programmes outside the budget, open warnings."""
    table = [
        {
            "rank": row.rank or "—",
            "opd": row.opd.name,  # type: ignore[attr-defined]
            "average": number_id(row.average, 2) if row.average is not None else "—",
            "band": _band_label(row.band) or "—",
            "reported": f"{row.reported}/{row.indicators}",
            "absorption": number_id(row.absorption, 2) if row.absorption is not None else "—",
        }
        for row in rows
    ]
    other_rows = []
    for root in others:
        for node in root.walk():
            for r in node.indicators:
                other_rows.append(
                    {
                        "programme": node.item.name,
                        "indicator": r.indicator.name,
                        "target": number_id(r.target, 2),
                        "realisation": number_id(r.realisation, 2) if r.realisation is not None else "—",
                        "achievement": number_id(r.achievement, 2) if r.achievement is not None else "—",
                        "band": _band_label(r.band) or "—",
                    }
                )
    return render_pdf(
        "monitoring/print/summary.html",
        {
            "year": year,
            "roman": roman(quarter),
            "rows": table,
            "others": other_rows,
            "warnings": warnings,
            "generated": date_id(timezone.localdate()),
            "regency_name": _("Pemerintah %(name)s") % {"name": settings.REGENCY_NAME},
        },
    )
