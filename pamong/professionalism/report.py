"""The IP ASN recapitulation of a unit or the regency: one context, rendered as PDF (WeasyPrint) and XLSX.

Laid out like BKN's recapitulation: a summary (means per dimension, category counts, excluded and
incomplete counts), the comparison of the units one level down, then one row per employee with the
points of each dimension. The PDF lists employees only up to :data:`PDF_EMPLOYEE_LIMIT` rows (a regency
of 10 000 would be 250 pages); the XLSX always has every row.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pamong.core.formatting import date_id, number_id

from . import explain, figures, ipasn
from .models import Measurement, Result, RuleSet

PDF_EMPLOYEE_LIMIT = 1500


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _n(value: Any) -> str:
    return number_id(value) if value is not None else "—"


def report_context(unit: Any, measurement: Measurement) -> dict[str, Any]:
    rules = measurement.rule_set.rules
    page = figures.unit_page(unit, measurement)
    agg: ipasn.Aggregate = page["aggregate"]
    results = list(Result.objects.of_measurement(measurement).in_subtree(unit).for_table())
    rows = [
        {
            "no": i,
            "nip": r.nip,
            "name": r.name,
            "unit": r.org_unit.name if r.org_unit else "",
            "position": r.position_name,
            "status": r.employee_status.upper(),
            "dims": [r.kualifikasi, r.kompetensi, r.kinerja, r.disiplin],
            "total": r.total,
            "category": str(explain.CATEGORY_LABELS.get(r.category, r.category)),
            "missing": ", ".join(explain.missing_texts(r.missing_list)),
            "state": r.state,
        }
        for i, r in enumerate(results, start=1)
    ]
    return {
        "unit": unit,
        "is_regency": unit.parent_id is None,
        "measurement": measurement,
        "rule_set": measurement.rule_set,
        "regency_name": settings.REGENCY_NAME,
        "as_of": date_id(measurement.as_of),
        "generated": date_id(timezone.localdate()),
        "aggregate": agg,
        "mean_total": _n(agg.mean_total),
        "mean_category": str(explain.CATEGORY_LABELS.get(agg.category, "—")) if agg.category else "—",
        "dimension_rows": [
            (str(explain.DIMENSION_LABELS[d]), _n(agg.means[d]), explain.points(rules.dimension_max[d]))
            for d in ipasn.DIMENSIONS
        ],
        "lowest": str(explain.DIMENSION_LABELS[agg.lowest_dimension]) if agg.lowest_dimension else "—",
        "category_rows": [(str(explain.CATEGORY_LABELS[c]), agg.categories[c]) for c in ipasn.CATEGORIES],
        "target": _n(page["target"]) if page["target"] is not None else "—",
        "gap": _n(page["gap"]) if page["gap"] is not None else "—",
        "comparison": [
            {
                "name": r.unit.name,
                "scored": r.aggregate.scored,
                "incomplete": r.aggregate.incomplete,
                "means": [_n(r.aggregate.means[d]) for d in ipasn.DIMENSIONS],
                "mean": _n(r.aggregate.mean_total),
                "category": str(explain.CATEGORY_LABELS.get(r.aggregate.category, "—"))
                if r.aggregate.category
                else "—",
                "target": _n(r.target) if r.target is not None else "—",
                "gap": _n(r.gap) if r.gap is not None else "—",
            }
            for r in page["comparison"]
        ],
        "rows": rows,
        "pdf_rows": rows[:PDF_EMPLOYEE_LIMIT],
        "pdf_truncated": len(rows) > PDF_EMPLOYEE_LIMIT,
        "incomplete_rows": [r for r in rows if r["state"] == ipasn.INCOMPLETE],
    }


def report_pdf(context: dict[str, Any]) -> bytes:
    from pamong.core.pdf import render_pdf

    printable = dict(context)
    printable["pdf_rows"] = [
        {**row, "dims": [_n(d) for d in row["dims"]], "total": _n(row["total"])} for row in context["pdf_rows"]
    ]
    return render_pdf("professionalism/report_pdf.html", printable)


def report_xlsx(context: dict[str, Any]) -> bytes:
    from pamong.core.xlsx import write_xlsx

    agg: ipasn.Aggregate = context["aggregate"]
    summary = [
        ("unit", context["unit"].name),
        ("tahun", context["measurement"].year),
        ("tanggal_pengukuran", context["measurement"].as_of.isoformat()),
        ("aturan", str(context["rule_set"])),
        ("diukur", agg.scored),
        ("data_tidak_lengkap", agg.incomplete),
        ("tidak_diukur", agg.excluded),
        ("ipasn_rata_rata", _float(agg.mean_total)),
        ("kategori", context["mean_category"]),
        *((f"rata_rata_{d}", _float(agg.means[d])) for d in ipasn.DIMENSIONS),
        ("dimensi_terendah", context["lowest"]),
        *((f"jumlah_{c}", agg.categories[c]) for c in ipasn.CATEGORIES),
    ]
    employees = [
        (
            row["no"],
            row["nip"],
            row["name"],
            row["unit"],
            row["position"],
            row["status"],
            *(float(d) if d is not None else None for d in row["dims"]),
            float(row["total"]) if row["total"] is not None else None,
            row["category"],
            row["missing"],
        )
        for row in context["rows"]
    ]
    comparison = [
        (r["name"], r["scored"], r["incomplete"], *r["means"], r["mean"], r["category"], r["target"], r["gap"])
        for r in context["comparison"]
    ]
    return write_xlsx(
        [
            ("ringkasan", ["butir", "nilai"], summary),
            (
                "perbandingan",
                ["unit", "diukur", "tidak_lengkap", *ipasn.DIMENSIONS, "ipasn", "kategori", "target", "selisih"],
                comparison,
            ),
            (
                "pegawai",
                [
                    "no",
                    "nip",
                    "nama",
                    "unit",
                    "jabatan",
                    "status",
                    *ipasn.DIMENSIONS,
                    "total",
                    "kategori",
                    "data_kurang",
                ],
                employees,
            ),
        ]
    )


def filename(context: dict[str, Any], extension: str) -> str:
    return f"ipasn-{context['measurement'].year}-{slugify(context['unit'].name) or 'unit'}.{extension}"


def rule_tables(rule_set: RuleSet) -> list[dict[str, Any]]:
    """The rule set as readable tables with their provenance (the rule-set page)."""
    rules = rule_set.rules
    tables: list[dict[str, Any]] = [
        {
            "title": _("Poin maksimum per dimensi"),
            "key": "dimension_max",
            "rows": [(explain.DIMENSION_LABELS[d], explain.points(rules.dimension_max[d])) for d in ipasn.DIMENSIONS],
        },
        {
            "title": _("Cakupan"),
            "key": "include_pppk",
            "rows": [
                (_("PNS"), _("diukur")),
                (_("CPNS"), _("tidak diukur")),
                (_("PPPK"), _("diukur") if rules.include_pppk else _("tidak diukur")),
            ],
        },
        {
            "title": _("Kualifikasi: poin per jenjang pendidikan"),
            "key": "education_points",
            "rows": [(explain.EDUCATION_LABELS[lv], explain.points(p)) for lv, p in rules.education_points.items()],
        },
    ]
    for ptype in ipasn.POSITION_TYPES:
        rows = []
        for row in rules.competency[ptype]:
            detail = []
            if row.min_jp is not None:
                detail.append(_("minimal %(jp)s JP") % {"jp": explain.points(row.min_jp)})
            if row.window_months:
                detail.append(_("dalam %(m)s bulan terakhir") % {"m": row.window_months})
            label = str(
                {
                    "leadership": _("Diklat kepemimpinan sesuai jabatan"),
                    "functional": _("Diklat fungsional sesuai jabatan"),
                    "technical": _("Diklat teknis"),
                    "seminar": _("Seminar/workshop/magang/kursus"),
                }[row.indicator]
            )
            rows.append((f"{label} ({', '.join(detail)})" if detail else label, explain.points(row.points)))
        rows.append((_("Batas dimensi kompetensi"), explain.points(rules.dimension_max["kompetensi"])))
        tables.append(
            {
                "title": _("Kompetensi: %(type)s") % {"type": ptype.capitalize() if ptype != "jpt" else "JPT"},
                "key": f"competency.{ptype}",
                "rows": rows,
            }
        )
    tables += [
        {
            "title": _("Diklat kepemimpinan yang sesuai per jabatan"),
            "key": "leadership_levels",
            "rows": [(k, ", ".join(v).upper()) for k, v in rules.leadership_levels.items()],
        },
        {
            "title": _("Jenis pelatihan per baris"),
            "key": "technical_kinds",
            "rows": [
                (_("Diklat teknis"), ", ".join(rules.technical_kinds)),
                (_("Kompetensi teknis"), ", ".join(rules.technical_competency_types)),
                (_("Seminar/workshop/magang/kursus"), ", ".join(rules.seminar_kinds)),
                (_("Diklat fungsional"), ", ".join(rules.functional_kinds)),
            ],
        },
        {
            "title": _("Kinerja: poin per predikat"),
            "key": "predikat_points",
            "rows": [(explain.PREDIKAT_LABELS[p], explain.points(v)) for p, v in rules.predikat_points.items()],
        },
        {
            "title": _("Disiplin: poin per tingkat hukuman"),
            "key": "sanction_points",
            "rows": [(explain.SANCTION_LABELS[s], explain.points(v)) for s, v in rules.sanction_points.items()],
        },
        {
            "title": _("Kategori"),
            "key": "categories",
            "rows": [
                (
                    explain.CATEGORY_LABELS[b.key],
                    _("> %(v)s") % {"v": explain.points(b.above)} if b.above is not None else _("selebihnya"),
                )
                for b in rules.categories
            ],
        },
    ]
    for table in tables:
        table["provenance"] = explain.provenance_for(table["key"])
    return tables
