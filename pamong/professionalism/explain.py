"""What each indicator means and what would earn it, in words (translated). The numbers come from the engine."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pamong.core.formatting import number_id

from . import ipasn

DIMENSION_LABELS = {
    "kualifikasi": gettext_lazy("Kualifikasi"),
    "kompetensi": gettext_lazy("Kompetensi"),
    "kinerja": gettext_lazy("Kinerja"),
    "disiplin": gettext_lazy("Disiplin"),
}
CATEGORY_LABELS = {
    "sangat_tinggi": gettext_lazy("Sangat Tinggi"),
    "tinggi": gettext_lazy("Tinggi"),
    "sedang": gettext_lazy("Sedang"),
    "rendah": gettext_lazy("Rendah"),
    "sangat_rendah": gettext_lazy("Sangat Rendah"),
    "incomplete": gettext_lazy("Data tidak lengkap"),
    "excluded": gettext_lazy("Tidak diukur"),
}
EDUCATION_LABELS = {
    "SD": "SD",
    "SLTP": "SLTP",
    "SLTA": "SLTA/SMK",
    "D1": "D-I",
    "D2": "D-II",
    "D3": "D-III",
    "D4": "D-IV",
    "S1": "S-1",
    "S2": "S-2",
    "S3": "S-3",
}
PREDIKAT_LABELS = {
    "sangat_baik": gettext_lazy("Sangat Baik"),
    "baik": gettext_lazy("Baik"),
    "butuh_perbaikan": gettext_lazy("Butuh Perbaikan"),
    "kurang": gettext_lazy("Kurang"),
    "sangat_kurang": gettext_lazy("Sangat Kurang"),
}
SANCTION_LABELS = {
    "none": gettext_lazy("tidak ada"),
    "ringan": gettext_lazy("ringan"),
    "sedang": gettext_lazy("sedang"),
    "berat": gettext_lazy("berat"),
}
LEADERSHIP_NAMES = {
    "jpt_utama": gettext_lazy("PKN Tingkat I (Diklatpim I)"),
    "jpt_madya": gettext_lazy("PKN Tingkat I (Diklatpim I)"),
    "jpt_pratama": gettext_lazy("PKN Tingkat II (Diklatpim II)"),
    "administrator": gettext_lazy("PKA (Diklatpim III)"),
    "pengawas": gettext_lazy("PKP (Diklatpim IV)"),
}
MISSING_TEXTS = {
    "status": gettext_lazy("status kepegawaian belum tercatat"),
    "position_type": gettext_lazy("jabatan belum tercatat; lengkapi data jabatan"),
    "education_level": gettext_lazy("pendidikan terakhir belum tercatat; lengkapi riwayat pendidikan"),
    "leadership_training_matches_position": gettext_lazy("data diklat kepemimpinan belum tercatat"),
    "functional_training_matches_position": gettext_lazy("data diklat fungsional belum tercatat"),
    "technical_jp_last_year": gettext_lazy("JP diklat teknis belum tercatat"),
    "seminar_last_2_years": gettext_lazy("data seminar/workshop belum tercatat"),
    "predikat_last_year": gettext_lazy("predikat kinerja tahun lalu belum tercatat; lengkapi riwayat kinerja (SKP)"),
    "sanction_level": gettext_lazy("data hukuman disiplin belum tercatat"),
}
ACTION_LABELS = {
    "technical_jp": gettext_lazy("menyelesaikan diklat teknis sejumlah JP"),
    "seminar": gettext_lazy("mengikuti seminar/workshop/kursus"),
    "leadership": gettext_lazy("menyelesaikan diklat kepemimpinan sesuai jabatan"),
    "functional": gettext_lazy("menyelesaikan diklat fungsional"),
    "education": gettext_lazy("menyelesaikan pendidikan hingga jenjang"),
}


def points(value: Decimal | None) -> str:
    """Points as people read them: ``15``, ``12,5``; ``—`` when unknown."""
    if value is None:
        return "—"
    return number_id(value, 0) if value == value.to_integral_value() else number_id(value)


def indicator_label(key: str, position_type: str, rules: ipasn.Rules, predikat_year: int | None = None) -> str:
    group = ipasn.POSITION_GROUP.get(position_type, "")
    if key == "education":
        return _("Pendidikan terakhir")
    if key == "leadership":
        return _("Diklat kepemimpinan sesuai jabatan: %(name)s") % {
            "name": LEADERSHIP_NAMES.get(position_type, _("diklat kepemimpinan"))
        }
    if key == "functional":
        return _("Diklat fungsional sesuai jabatan fungsional")
    if key == "technical":
        row = rules.row(group, "technical")
        return _("Diklat teknis minimal %(jp)s JP dalam %(months)s bulan terakhir") % {
            "jp": points(row.min_jp if row else None),
            "months": row.window_months if row else 12,
        }
    if key == "seminar":
        row = rules.row(group, "seminar")
        return _("Seminar/workshop/magang/kursus dalam %(months)s bulan terakhir") % {
            "months": row.window_months if row else 24
        }
    if key == "performance":
        return (
            _("Predikat kinerja %(year)s") % {"year": predikat_year or ""} if predikat_year else _("Predikat kinerja")
        )
    return _("Hukuman disiplin")


def fact_text(key: str, facts: ipasn.Facts) -> str:
    """What the record says for an indicator."""
    if key == "education":
        return EDUCATION_LABELS.get(facts.education_level or "", "—")
    if key == "technical":
        return _("%(jp)s JP") % {"jp": points(facts.technical_jp_last_year)}
    if key == "performance":
        return str(PREDIKAT_LABELS.get(facts.predikat_last_year or "", "—"))
    if key == "discipline":
        return str(SANCTION_LABELS.get(facts.sanction_level or "", "—"))
    value = getattr(facts, ipasn.INDICATOR_FACT[key])
    return _("sudah") if value else _("belum")


def step_text(indicator: ipasn.Indicator, position_type: str, rules: ipasn.Rules) -> str:
    """``belum mengikuti PKA (Diklatpim III): +15``."""
    gain = points(indicator.gain)
    if indicator.key == "leadership":
        text = _("belum mengikuti %(name)s") % {"name": LEADERSHIP_NAMES.get(position_type, _("diklat kepemimpinan"))}
    elif indicator.key == "functional":
        text = _("belum mengikuti diklat fungsional sesuai jabatan")
    elif indicator.key == "technical":
        group = ipasn.POSITION_GROUP.get(position_type, "")
        row = rules.row(group, "technical")
        text = _("ikuti diklat teknis %(more)s JP lagi dalam %(months)s bulan (minimal %(min)s JP)") % {
            "more": points(indicator.shortfall),
            "months": row.window_months if row else 12,
            "min": points(row.min_jp if row else None),
        }
    elif indicator.key == "seminar":
        row = rules.row(ipasn.POSITION_GROUP.get(position_type, ""), "seminar")
        text = _("belum mengikuti seminar/workshop/magang/kursus dalam %(months)s bulan terakhir") % {
            "months": row.window_months if row else 24
        }
    elif indicator.key == "education":
        text = _("menyelesaikan pendidikan %(level)s") % {"level": EDUCATION_LABELS.get(indicator.target, "")}
    elif indicator.key == "performance":
        text = _("meraih predikat kinerja %(predikat)s") % {"predikat": PREDIKAT_LABELS.get(indicator.target, "")}
    else:
        text = _("tidak dijatuhi hukuman disiplin pada periode berikutnya")
    return f"{text}: +{gain}"


def breakdown(
    score: ipasn.Score, facts: ipasn.Facts, position_type: str, rules: ipasn.Rules, predikat_year: int | None
) -> list[dict[str, Any]]:
    """Rows per dimension with their indicators, for the employee page and the API."""
    rows = []
    for dimension in ipasn.DIMENSIONS:
        indicators = [i for i in score.indicators if i.dimension == dimension]
        rows.append(
            {
                "key": dimension,
                "label": DIMENSION_LABELS[dimension],
                "points": score.dimension(dimension),
                "max": rules.dimension_max[dimension],
                "percent": int((score.dimension(dimension) or 0) * 100 / rules.dimension_max[dimension])
                if rules.dimension_max[dimension]
                else 0,
                "capped": dimension == "kompetensi"
                and sum((i.points for i in indicators), Decimal(0)) > (score.kompetensi or 0),
                "indicators": [
                    {
                        "key": i.key,
                        "label": indicator_label(i.key, position_type, rules, predikat_year),
                        "fact": fact_text(i.key, facts),
                        "points": i.points,
                        "max": i.max_points,
                        "earned": i.earned,
                        "step": step_text(i, position_type, rules) if i.gain > 0 else "",
                    }
                    for i in indicators
                ],
            }
        )
    return rows


def missing_texts(fields: list[str] | tuple[str, ...]) -> list[str]:
    return [str(MISSING_TEXTS.get(f, f)) for f in fields]


TAG_LABELS = {
    ipasn.FIRM: gettext_lazy("ketentuan"),
    ipasn.COMMON: gettext_lazy("nilai baku, dapat disesuaikan"),
    ipasn.DESIGN: gettext_lazy("keputusan rancangan"),
}
GROUP_PROVENANCE = {
    "dimension_max": [
        "dimension_max.kualifikasi",
        "dimension_max.kompetensi",
        "dimension_max.kinerja",
        "dimension_max.disiplin",
    ],
    "include_pppk": ["include_pppk"],
    "education_points": ["education_points.S3", "education_points.S2", "education_points"],
    "competency.jpt": ["competency.leadership", "competency.technical", "competency.seminar"],
    "competency.administrator": ["competency.leadership", "competency.technical", "competency.seminar"],
    "competency.pengawas": ["competency.leadership", "competency.technical", "competency.seminar"],
    "competency.fungsional": ["competency.functional", "competency.technical", "competency.seminar"],
    "competency.pelaksana": ["competency.pelaksana"],
    "leadership_levels": ["leadership_levels"],
    "technical_kinds": ["technical_kinds"],
    "technical_competency_types": ["technical_kinds"],
    "seminar_kinds": ["seminar_kinds"],
    "functional_kinds": ["functional_kinds"],
    "predikat_points": ["predikat_points", "predikat_year_offset"],
    "sanction_points": ["sanction_points", "sanction_window"],
    "categories": ["categories"],
}


def provenance_for(group: str) -> list[dict[str, str]]:
    """The [firm]/[common]/[design] notes of a group of values, for the rule-set pages."""
    notes = []
    for path in GROUP_PROVENANCE.get(group, []):
        tag, note = ipasn.PROVENANCE[path]
        notes.append({"tag": tag, "label": str(TAG_LABELS[tag]), "note": _(note)})
    return notes
