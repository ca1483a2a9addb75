"""The rule-set document: the default of RULES.md §1, where each value comes from, and its schema."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .vocabulary import (
    CATEGORIES,
    CENT,
    COMPETENCY_INDICATORS,
    COMPETENCY_TYPES,
    DIMENSIONS,
    EDUCATION_LEVELS,
    EXCLUDED,
    FACT_FIELDS,
    INCOMPLETE,
    INDICATOR_FACT,
    LEADERSHIP_LEVELS,
    POSITION_GROUP,
    POSITION_TYPES,
    PREDIKATS,
    SANCTION_LEVELS,
    SANCTION_WINDOWS,
    STRUCTURAL,
    TRAINING_KINDS,
    gettext_noop,
)

# --- The default rule set (RULES.md §1) --------------------------------------------------------------------

DEFAULT_DOCUMENT: dict[str, Any] = {
    "schema": 1,
    "dimension_max": {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5},
    "include_pppk": True,
    "education_points": {
        "SD": 1,
        "SLTP": 1,
        "SLTA": 5,
        "D1": 5,
        "D2": 5,
        "D3": 10,
        "D4": 15,
        "S1": 15,
        "S2": 20,
        "S3": 25,
    },
    "competency": {
        "jpt": {
            "leadership": {"points": 15},
            "technical": {"points": 15, "min_jp": 20, "window_months": 12},
            "seminar": {"points": 10, "window_months": 24},
        },
        "administrator": {
            "leadership": {"points": 15},
            "technical": {"points": 15, "min_jp": 20, "window_months": 12},
            "seminar": {"points": 10, "window_months": 24},
        },
        "pengawas": {
            "leadership": {"points": 15},
            "technical": {"points": 15, "min_jp": 20, "window_months": 12},
            "seminar": {"points": 10, "window_months": 24},
        },
        "fungsional": {
            "functional": {"points": 15},
            "technical": {"points": 15, "min_jp": 20, "window_months": 12},
            "seminar": {"points": 10, "window_months": 24},
        },
        "pelaksana": {
            "technical": {"points": 25, "min_jp": 20, "window_months": 12},
            "seminar": {"points": 15, "window_months": 24},
        },
    },
    "leadership_levels": {
        "jpt_utama": ["pkn_i"],
        "jpt_madya": ["pkn_i"],
        "jpt_pratama": ["pkn_ii", "pkn_i"],
        "administrator": ["pka", "pkn_ii", "pkn_i"],
        "pengawas": ["pkp", "pka", "pkn_ii", "pkn_i"],
    },
    "functional_kinds": ["diklat_fungsional"],
    "technical_kinds": ["diklat_teknis", "bimbingan_teknis", "penataran", "e_learning", "pelatihan_jarak_jauh"],
    "technical_competency_types": ["technical"],
    "seminar_kinds": ["seminar", "workshop", "magang", "kursus"],
    "predikat_points": {"sangat_baik": 30, "baik": 25, "butuh_perbaikan": 20, "kurang": 15, "sangat_kurang": 5},
    "predikat_year_offset": 1,
    "sanction_points": {"none": 5, "ringan": 3, "sedang": 2, "berat": 1},
    "sanction_window": "measurement_year",
    "categories": [
        {"key": "sangat_tinggi", "above": 90},
        {"key": "tinggi", "above": 80},
        {"key": "sedang", "above": 70},
        {"key": "rendah", "above": 60},
        {"key": "sangat_rendah", "above": None},
    ],
}

# Where each default value comes from (RULES.md §1): the interface marks [common]
# values "nilai baku, dapat disesuaikan" and explains each [design] decision.
FIRM, COMMON, DESIGN = "firm", "common", "design"
PROVENANCE: dict[str, tuple[str, str]] = {
    "dimension_max.kualifikasi": (FIRM, gettext_noop("PermenPANRB 38/2018: bobot kualifikasi 25.")),
    "dimension_max.kompetensi": (FIRM, gettext_noop("PermenPANRB 38/2018: bobot kompetensi 40.")),
    "dimension_max.kinerja": (COMMON, gettext_noop("Bobot kinerja 30 menurut praktik umum.")),
    "dimension_max.disiplin": (COMMON, gettext_noop("Bobot disiplin 5 menurut praktik umum.")),
    "include_pppk": (
        DESIGN,
        gettext_noop("PPPK diukur secara bawaan dan ditandai; CPNS tidak pernah diukur (praktik umum)."),
    ),
    "education_points.S3": (FIRM, gettext_noop("S-3 = 25 (Perban BKN 8/2019).")),
    "education_points.S2": (FIRM, gettext_noop("S-2 = 20 (Perban BKN 8/2019).")),
    "education_points": (COMMON, gettext_noop("Poin jenjang di bawah S-2 menurut praktik umum.")),
    "competency.leadership": (FIRM, gettext_noop("Diklatpim sesuai tingkat jabatan: 15.")),
    "competency.functional": (FIRM, gettext_noop("Diklat fungsional sesuai jabatan fungsional: 15.")),
    "competency.technical": (FIRM, gettext_noop("Diklat teknis minimal 20 JP dalam setahun: 15.")),
    "competency.seminar": (
        COMMON,
        gettext_noop("Seminar/workshop/magang/kursus dalam 2 tahun terakhir: 10 (jendela 2 tahun: praktik umum)."),
    ),
    "competency.pelaksana": (
        COMMON,
        gettext_noop("Pelaksana: diklat teknis ≥ 20 JP = 25; seminar/workshop/kursus 2 tahun terakhir = 15."),
    ),
    "leadership_levels": (
        DESIGN,
        gettext_noop(
            "JPT utama dan madya → PKN tingkat I; JPT pratama → PKN tingkat II; administrator → PKA "
            "(Diklatpim III); pengawas → PKP (Diklatpim IV). Pelatihan kepemimpinan tingkat yang lebih "
            "tinggi juga dihitung sesuai."
        ),
    ),
    "functional_kinds": (
        DESIGN,
        gettext_noop(
            "Setiap riwayat berjenis diklat fungsional dihitung sesuai dengan jabatan fungsional yang "
            "sedang diduduki; riwayat SIASN tidak menyebut jabatan fungsional mana yang dituju."
        ),
    ),
    "technical_kinds": (
        DESIGN,
        gettext_noop(
            "JP teknis = jumlah JP riwayat berjenis diklat teknis, bimbingan teknis, penataran, e-learning, "
            "pelatihan jarak jauh, atau berkompetensi teknis, yang selesai dalam 12 bulan sebelum tanggal "
            "pengukuran. Seminar, workshop, magang dan kursus dihitung di baris seminar, tidak di sini."
        ),
    ),
    "seminar_kinds": (COMMON, gettext_noop("Seminar, workshop, magang (internship), kursus.")),
    "predikat_points": (
        DESIGN,
        gettext_noop(
            "Sejak PermenPANRB 6/2022 kinerja berupa predikat; pemetaan predikat ke poin ini adalah "
            "keputusan rancangan (Sangat Baik 30, Baik 25, Butuh Perbaikan 20, Kurang 15, Sangat Kurang 5)."
        ),
    ),
    "predikat_year_offset": (DESIGN, gettext_noop("Predikat yang dipakai adalah predikat tahun sebelum pengukuran.")),
    "sanction_points": (COMMON, gettext_noop("Tidak pernah dihukum 5, ringan 3, sedang 2, berat 1 (PP 94/2021).")),
    "sanction_window": (
        DESIGN,
        gettext_noop("Hukuman dihitung bila masa berlakunya beririsan dengan tahun pengukuran."),
    ),
    "categories": (
        DESIGN,
        gettext_noop(
            "Nilai dibulatkan ke 2 desimal (setengah ke atas), lalu > 90 Sangat Tinggi, > 80 Tinggi, "
            "> 70 Sedang, > 60 Rendah, selain itu Sangat Rendah."
        ),
    ),
}

CATEGORY_LABELS = {
    "sangat_tinggi": gettext_noop("Sangat Tinggi"),
    "tinggi": gettext_noop("Tinggi"),
    "sedang": gettext_noop("Sedang"),
    "rendah": gettext_noop("Rendah"),
    "sangat_rendah": gettext_noop("Sangat Rendah"),
    INCOMPLETE: gettext_noop("Data tidak lengkap"),
    EXCLUDED: gettext_noop("Tidak diukur"),
}


# --- The rule set, parsed --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetencyRow:
    indicator: str
    points: Decimal
    min_jp: Decimal | None = None  # technical only
    window_months: int | None = None  # technical and seminar


@dataclass(frozen=True)
class Band:
    key: str
    above: Decimal | None  # None: the lowest band


@dataclass(frozen=True)
class Rules:
    """A validated rule set. Build it with :func:`parse_rules`; ``document`` is what was parsed."""

    dimension_max: dict[str, Decimal]
    include_pppk: bool
    education_points: dict[str, Decimal]
    competency: dict[str, tuple[CompetencyRow, ...]]
    leadership_levels: dict[str, tuple[str, ...]]
    functional_kinds: tuple[str, ...]
    technical_kinds: tuple[str, ...]
    technical_competency_types: tuple[str, ...]
    seminar_kinds: tuple[str, ...]
    predikat_points: dict[str, Decimal]
    predikat_year_offset: int
    sanction_points: dict[str, Decimal]
    sanction_window: str
    categories: tuple[Band, ...]
    document: dict[str, Any] = field(compare=False, repr=False)

    def row(self, position_type: str, indicator: str) -> CompetencyRow | None:
        for row in self.competency.get(position_type, ()):
            if row.indicator == indicator:
                return row
        return None

    def required_facts(self, position_type: str | None) -> tuple[str, ...]:
        """The facts a position type needs: all but the competency rows it does not have."""
        indicators = {r.indicator for r in self.competency.get(position_type or "", ())}
        optional = {fact for indicator, fact in INDICATOR_FACT.items() if indicator not in indicators}
        if position_type is None:
            # Unknown position: which training rows apply is unknown too, so only the rest is asked for.
            optional = {INDICATOR_FACT["leadership"], INDICATOR_FACT["functional"]}
        return tuple(f for f in FACT_FIELDS if f not in optional)

    def measures(self, status: str) -> bool:
        """CPNS are never measured [firm as practice]; PPPK as the rule set says."""
        if status == "cpns":
            return False
        if status == "pppk":
            return self.include_pppk
        return True


@dataclass(frozen=True)
class RuleError:
    path: str
    message: str  # Indonesian source text, translated by the caller
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, translate: Any = None) -> str:
        message = translate(self.message) if translate else self.message
        return f"{self.path}: {message % self.params}" if self.path else message % self.params


class RulesError(ValueError):
    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__("; ".join(e.text() for e in errors))
        self.errors = errors


def _points(value: Any, path: str, errors: list[RuleError], *, maximum: Decimal | None = None) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        errors.append(RuleError(path, gettext_noop("harus berupa angka.")))
        return Decimal(0)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        errors.append(RuleError(path, gettext_noop("harus berupa angka.")))
        return Decimal(0)
    if not number.is_finite() or number < 0:
        errors.append(RuleError(path, gettext_noop("tidak boleh negatif.")))
        return Decimal(0)
    if number != number.quantize(CENT) or number >= 10**6:
        errors.append(RuleError(path, gettext_noop("paling banyak 2 angka desimal, di bawah 1.000.000.")))
        return Decimal(0)
    if maximum is not None and number > maximum:
        errors.append(RuleError(path, gettext_noop("melebihi poin maksimum dimensinya (%(max)s)."), {"max": maximum}))
    return number.quantize(CENT)


def _int(value: Any, path: str, errors: list[RuleError], *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors.append(
            RuleError(path, gettext_noop("harus bilangan bulat %(low)s–%(high)s."), {"low": low, "high": high})
        )
        return low
    return value


def _exact_keys(obj: Any, path: str, keys: Iterable[str], errors: list[RuleError], *, optional: bool = False) -> dict:
    """``obj`` must be an object with exactly ``keys`` (or a subset, when ``optional``)."""
    if not isinstance(obj, dict):
        errors.append(RuleError(path, gettext_noop("harus berupa objek.")))
        return {}
    wanted = list(keys)
    for key in obj:
        if key not in wanted:
            errors.append(RuleError(f"{path}.{key}" if path else key, gettext_noop("kunci tidak dikenal.")))
    if not optional:
        for key in wanted:
            if key not in obj:
                errors.append(RuleError(f"{path}.{key}" if path else key, gettext_noop("wajib ada.")))
    return obj


def _choice_list(value: Any, path: str, allowed: Iterable[str], errors: list[RuleError]) -> tuple[str, ...]:
    allowed = tuple(allowed)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(RuleError(path, gettext_noop("harus berupa daftar teks.")))
        return ()
    for v in value:
        if v not in allowed:
            errors.append(RuleError(path, gettext_noop("nilai '%(value)s' tidak dikenal."), {"value": v}))
    if len(set(value)) != len(value):
        errors.append(RuleError(path, gettext_noop("ada nilai ganda.")))
    return tuple(v for v in value if v in allowed)


TOP_KEYS = (
    "schema",
    "dimension_max",
    "include_pppk",
    "education_points",
    "competency",
    "leadership_levels",
    "functional_kinds",
    "technical_kinds",
    "technical_competency_types",
    "seminar_kinds",
    "predikat_points",
    "predikat_year_offset",
    "sanction_points",
    "sanction_window",
    "categories",
)
ROW_KEYS = {
    "leadership": ("points",),
    "functional": ("points",),
    "technical": ("points", "min_jp", "window_months"),
    "seminar": ("points", "window_months"),
}


def parse_rules(document: Mapping[str, Any]) -> Rules:
    """Validate a rule-set document and return :class:`Rules`; raise :class:`RulesError` listing every problem.

    1. The top level has exactly :data:`TOP_KEYS` (plus an optional ``meta`` object, ignored).
    2. Each table has exactly its vocabulary's keys, with non-negative points of at most two decimals.
    3. Indicator points never exceed their dimension's maximum; leadership rows only for structural
       positions, functional rows only for fungsional.
    4. Categories are the five bands from high to low with strictly falling thresholds, the last open.
    """
    errors: list[RuleError] = []
    doc = dict(document)
    doc.pop("meta", None)
    _exact_keys(doc, "", TOP_KEYS, errors)
    if doc.get("schema") != 1:
        errors.append(RuleError("schema", gettext_noop("versi skema harus 1.")))

    dim_doc = _exact_keys(doc.get("dimension_max", {}), "dimension_max", DIMENSIONS, errors)
    dimension_max = {d: _points(dim_doc.get(d, 0), f"dimension_max.{d}", errors) for d in DIMENSIONS}
    if sum(dimension_max.values()) > 100:
        errors.append(RuleError("dimension_max", gettext_noop("jumlah poin maksimum melebihi 100.")))

    include_pppk = doc.get("include_pppk")
    if not isinstance(include_pppk, bool):
        errors.append(RuleError("include_pppk", gettext_noop("harus true atau false.")))
        include_pppk = True

    edu_doc = _exact_keys(doc.get("education_points", {}), "education_points", EDUCATION_LEVELS, errors)
    education_points = {
        level: _points(edu_doc.get(level, 0), f"education_points.{level}", errors, maximum=dimension_max["kualifikasi"])
        for level in EDUCATION_LEVELS
    }

    comp_doc = _exact_keys(doc.get("competency", {}), "competency", POSITION_TYPES, errors)
    competency: dict[str, tuple[CompetencyRow, ...]] = {}
    for ptype in POSITION_TYPES:
        allowed = ["technical", "seminar"]
        if ptype in STRUCTURAL:
            allowed.insert(0, "leadership")
        if ptype == "fungsional":
            allowed.insert(0, "functional")
        rows_doc = _exact_keys(comp_doc.get(ptype, {}), f"competency.{ptype}", allowed, errors, optional=True)
        rows = []
        for indicator in COMPETENCY_INDICATORS:
            if indicator not in rows_doc or indicator not in allowed:
                continue
            path = f"competency.{ptype}.{indicator}"
            row_doc = _exact_keys(rows_doc[indicator], path, ROW_KEYS[indicator], errors)
            points = _points(row_doc.get("points", 0), f"{path}.points", errors, maximum=dimension_max["kompetensi"])
            min_jp = _points(row_doc.get("min_jp", 0), f"{path}.min_jp", errors) if indicator == "technical" else None
            window = (
                _int(row_doc.get("window_months", 12), f"{path}.window_months", errors, low=1, high=120)
                if indicator in ("technical", "seminar")
                else None
            )
            rows.append(CompetencyRow(indicator, points, min_jp, window))
        competency[ptype] = tuple(rows)

    lead_doc = _exact_keys(
        doc.get("leadership_levels", {}),
        "leadership_levels",
        [k for k, v in POSITION_GROUP.items() if v in STRUCTURAL],
        errors,
    )
    leadership_levels = {
        key: _choice_list(value, f"leadership_levels.{key}", LEADERSHIP_LEVELS, errors)
        for key, value in lead_doc.items()
    }

    functional_kinds = _choice_list(doc.get("functional_kinds", []), "functional_kinds", TRAINING_KINDS, errors)
    technical_kinds = _choice_list(doc.get("technical_kinds", []), "technical_kinds", TRAINING_KINDS, errors)
    technical_types = _choice_list(
        doc.get("technical_competency_types", []), "technical_competency_types", COMPETENCY_TYPES, errors
    )
    seminar_kinds = _choice_list(doc.get("seminar_kinds", []), "seminar_kinds", TRAINING_KINDS, errors)
    overlap = set(seminar_kinds) & (set(technical_kinds) | set(functional_kinds))
    if overlap:
        errors.append(
            RuleError(
                "seminar_kinds",
                gettext_noop("jenis %(kinds)s tidak boleh sekaligus dihitung sebagai pelatihan teknis/fungsional."),
                {"kinds": ", ".join(sorted(overlap))},
            )
        )

    pred_doc = _exact_keys(doc.get("predikat_points", {}), "predikat_points", PREDIKATS, errors)
    predikat_points = {
        p: _points(pred_doc.get(p, 0), f"predikat_points.{p}", errors, maximum=dimension_max["kinerja"])
        for p in PREDIKATS
    }
    offset = _int(doc.get("predikat_year_offset", 1), "predikat_year_offset", errors, low=0, high=1)

    sanc_doc = _exact_keys(doc.get("sanction_points", {}), "sanction_points", SANCTION_LEVELS, errors)
    sanction_points = {
        s: _points(sanc_doc.get(s, 0), f"sanction_points.{s}", errors, maximum=dimension_max["disiplin"])
        for s in SANCTION_LEVELS
    }
    sanction_window: str = str(doc.get("sanction_window", ""))
    if sanction_window not in SANCTION_WINDOWS:
        errors.append(
            RuleError(
                "sanction_window",
                gettext_noop("pilih salah satu: %(choices)s."),
                {"choices": ", ".join(SANCTION_WINDOWS)},
            )
        )
        sanction_window = SANCTION_WINDOWS[0]

    bands: list[Band] = []
    cats = doc.get("categories")
    if not isinstance(cats, list) or [c.get("key") if isinstance(c, dict) else None for c in cats] != list(CATEGORIES):
        errors.append(
            RuleError(
                "categories",
                gettext_noop("harus lima kategori berurutan: %(keys)s."),
                {"keys": ", ".join(CATEGORIES)},
            )
        )
    else:
        previous: Decimal | None = None
        for i, cat in enumerate(cats):
            path = f"categories.{i}"
            _exact_keys(cat, path, ("key", "above"), errors)
            last = i == len(cats) - 1
            if last:
                if cat.get("above") is not None:
                    errors.append(RuleError(f"{path}.above", gettext_noop("kategori terendah tidak berbatas (null).")))
                bands.append(Band(cat["key"], None))
                continue
            above = _points(cat.get("above"), f"{path}.above", errors)
            if previous is not None and above >= previous:
                errors.append(
                    RuleError(f"{path}.above", gettext_noop("batas harus lebih kecil dari kategori di atasnya."))
                )
            previous = above
            bands.append(Band(cat["key"], above))

    if errors:
        raise RulesError(errors)
    return Rules(
        dimension_max=dimension_max,
        include_pppk=include_pppk,
        education_points=education_points,
        competency=competency,
        leadership_levels=leadership_levels,
        functional_kinds=functional_kinds,
        technical_kinds=technical_kinds,
        technical_competency_types=technical_types,
        seminar_kinds=seminar_kinds,
        predikat_points=predikat_points,
        predikat_year_offset=offset,
        sanction_points=sanction_points,
        sanction_window=sanction_window,
        categories=tuple(bands),
        document=json.loads(canonical_json(document)),
    )


def canonical_json(document: Mapping[str, Any]) -> str:
    """The document as stable JSON (sorted keys, no spaces): what :func:`document_digest` hashes."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def document_digest(document: Mapping[str, Any]) -> str:
    doc = {k: v for k, v in document.items() if k != "meta"}
    return hashlib.sha256(canonical_json(doc).encode("utf-8")).hexdigest()


DEFAULT_RULES = parse_rules(DEFAULT_DOCUMENT)
