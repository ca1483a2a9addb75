"""The IP ASN engine: rule-set schema, per-employee scoring, aggregates. Pure Python, no Django.

Basis: PermenPANRB 38/2018 and Perban BKN 8/2019 (RULES.md §1). Every number
that a ministry may change is data in a rule set (:data:`DEFAULT_DOCUMENT`),
validated by :func:`parse_rules`; nothing here reads a clock, a database or
settings. The vectorised twin of :func:`score` over a whole population is
:mod:`.ipasn_polars`; both read their points from the same :class:`Rules`, and
a test holds them equal row for row.

Vocabulary (shared with the ``pamong ipasn compute`` CSV contract, so a missing
field has one name everywhere): :data:`FACT_FIELDS`.

Messages are Indonesian source text marked with :func:`gettext_noop`; the
Django side translates them when it shows them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any


def gettext_noop(message: str) -> str:
    """Marks a message for translation without translating it here (``makemessages`` finds it)."""
    return message


# --- Vocabulary -----------------------------------------------------------------------------------------------

STATUSES = ("pns", "cpns", "pppk")
POSITION_TYPES = ("jpt", "administrator", "pengawas", "pelaksana", "fungsional")
STRUCTURAL = ("jpt", "administrator", "pengawas")
EDUCATION_LEVELS = ("SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
PREDIKATS = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")  # best first
SANCTION_LEVELS = ("none", "ringan", "sedang", "berat")  # mildest first
CATEGORIES = ("sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah")
DIMENSIONS = ("kualifikasi", "kompetensi", "kinerja", "disiplin")
COMPETENCY_INDICATORS = ("leadership", "functional", "technical", "seminar")
INDICATOR_DIMENSION = {
    "education": "kualifikasi",
    "leadership": "kompetensi",
    "functional": "kompetensi",
    "technical": "kompetensi",
    "seminar": "kompetensi",
    "performance": "kinerja",
    "discipline": "disiplin",
}
LEADERSHIP_LEVELS = ("pkn_i", "pkn_ii", "pka", "pkp")  # highest first

# Result states and the two non-scored categories of the CSV contract.
SCORED, INCOMPLETE, EXCLUDED = "scored", "incomplete", "excluded"

# The fact fields, named as the CSV columns of ``pamong ipasn compute``.
FACT_FIELDS = (
    "status",
    "position_type",
    "education_level",
    "leadership_training_matches_position",
    "functional_training_matches_position",
    "technical_jp_last_year",
    "seminar_last_2_years",
    "predikat_last_year",
    "sanction_level",
)
# The competency indicator each optional fact answers.
INDICATOR_FACT = {
    "leadership": "leadership_training_matches_position",
    "functional": "functional_training_matches_position",
    "technical": "technical_jp_last_year",
    "seminar": "seminar_last_2_years",
}

# pamong's position types (people.PositionType) → the rule set's position types.
POSITION_GROUP = {
    "jpt_utama": "jpt",
    "jpt_madya": "jpt",
    "jpt_pratama": "jpt",
    "administrator": "administrator",
    "pengawas": "pengawas",
    "pelaksana": "pelaksana",
    "fungsional": "fungsional",
}

TRAINING_KINDS = (
    "diklat_struktural",
    "diklat_fungsional",
    "diklat_teknis",
    "workshop",
    "pelatihan_manajerial",
    "pelatihan_sosial_kultural",
    "sosialisasi",
    "bimbingan_teknis",
    "seminar",
    "magang",
    "kursus",
    "penataran",
    "coaching",
    "mentoring",
    "e_learning",
    "pelatihan_jarak_jauh",
    "detasering",
    "pembelajaran_alam_terbuka",
    "patok_banding",
    "pertukaran_pegawai",
    "belajar_mandiri",
    "komunitas_belajar",
    "bimbingan_di_tempat_kerja",
)
COMPETENCY_TYPES = ("managerial", "technical", "functional", "socio_cultural")
SANCTION_WINDOWS = ("measurement_year", "last_12_months")

CENT = Decimal("0.01")


def half_up(value: Decimal) -> Decimal:
    """Two decimals, half-up (RULES.md §1.3 [design])."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


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


# --- Inputs and outputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What the rules need to know about one employee, as of the measurement date. ``None`` = unknown.

    Field names are the CSV columns of ``pamong ipasn compute``.
    """

    status: str | None
    position_type: str | None
    education_level: str | None
    leadership_training_matches_position: bool | None = None
    functional_training_matches_position: bool | None = None
    technical_jp_last_year: Decimal | None = None
    seminar_last_2_years: bool | None = None
    predikat_last_year: str | None = None
    sanction_level: str | None = None


@dataclass(frozen=True)
class Indicator:
    """One line of the explanation: the points an indicator gave, its maximum, and for one not earned,
    what earning it would add to the total (``gain``, after the competency cap)."""

    key: str
    points: Decimal
    max_points: Decimal
    earned: bool
    gain: Decimal = Decimal(0)
    target: str = ""  # the level that would earn more: S2, sangat_baik, none, or the leadership level
    shortfall: Decimal | None = None  # technical: JP still needed

    @property
    def dimension(self) -> str:
        return INDICATOR_DIMENSION[self.key]


@dataclass(frozen=True)
class Score:
    state: str  # scored | incomplete | excluded
    kualifikasi: Decimal | None = None
    kompetensi: Decimal | None = None
    kinerja: Decimal | None = None
    disiplin: Decimal | None = None
    total: Decimal | None = None
    category: str = ""  # a category key, or "incomplete" / "excluded"
    missing: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    def dimension(self, name: str) -> Decimal | None:
        return getattr(self, name)

    @property
    def steps(self) -> tuple[Indicator, ...]:
        """Indicators not at their maximum that can still raise the total, largest gain first."""
        return tuple(sorted((i for i in self.indicators if i.gain > 0), key=lambda i: (-i.gain, i.key)))


def category_for(total: Decimal, rules: Rules = DEFAULT_RULES) -> str:
    """RULES.md §1.3 [design]: round half-up to 2 decimals, then the first band whose threshold is exceeded."""
    value = half_up(total)
    for band in rules.categories:
        if band.above is None or value > band.above:
            return band.key
    return rules.categories[-1].key


def missing_facts(facts: Facts, rules: Rules) -> tuple[str, ...]:
    """The required facts (for this position type) that are unknown, in :data:`FACT_FIELDS` order."""
    return tuple(f for f in rules.required_facts(facts.position_type) if getattr(facts, f) is None)


def score(facts: Facts, rules: Rules = DEFAULT_RULES) -> Score:
    """One employee's IP ASN (PermenPANRB 38/2018; RULES.md §1).

    1. A CPNS, or a PPPK when the rule set leaves PPPK out, is excluded.
    2. Any required fact unknown → incomplete, naming what is missing (never scored as zero).
    3. Kualifikasi: the points of the highest education level.
    4. Kompetensi: the sum of the position type's rows that are earned, capped at the dimension maximum (40).
    5. Kinerja: the points of last year's predikat. Disiplin: the points of the worst sanction in the window.
    6. Total = the sum of the four; category from the rounded total.
    Each indicator not at its maximum carries what earning it would add (after the cap).
    """
    if facts.status is not None and not rules.measures(facts.status):
        return Score(EXCLUDED, category=EXCLUDED)
    missing = missing_facts(facts, rules)
    if missing:
        return Score(INCOMPLETE, category=INCOMPLETE, missing=missing)
    assert facts.position_type and facts.education_level and facts.predikat_last_year and facts.sanction_level
    mx = rules.dimension_max

    # Kualifikasi
    kualifikasi = min(rules.education_points[facts.education_level], mx["kualifikasi"])
    better = [
        (rules.education_points[lv], lv)
        for lv in EDUCATION_LEVELS[EDUCATION_LEVELS.index(facts.education_level) + 1 :]
        if rules.education_points[lv] > kualifikasi
    ]
    edu_target = better[0][1] if better else ""
    indicators = [
        Indicator(
            "education",
            kualifikasi,
            mx["kualifikasi"],
            earned=kualifikasi >= mx["kualifikasi"],
            gain=min(better[0][0], mx["kualifikasi"]) - kualifikasi if better else Decimal(0),
            target=edu_target,
        )
    ]

    # Kompetensi
    rows = rules.competency[facts.position_type]
    earned = {row.indicator: _row_earned(row, facts) for row in rows}
    raw = sum((row.points for row in rows if earned[row.indicator]), Decimal(0))
    cap = mx["kompetensi"]
    kompetensi = min(raw, cap)
    for row in rows:
        gain = Decimal(0) if earned[row.indicator] else min(raw + row.points, cap) - kompetensi
        shortfall = None
        if row.indicator == "technical" and not earned["technical"]:
            shortfall = (row.min_jp or Decimal(0)) - (facts.technical_jp_last_year or Decimal(0))
        indicators.append(
            Indicator(
                row.indicator,
                row.points if earned[row.indicator] else Decimal(0),
                row.points,
                earned=earned[row.indicator],
                gain=gain,
                shortfall=shortfall,
            )
        )

    # Kinerja
    kinerja = min(rules.predikat_points[facts.predikat_last_year], mx["kinerja"])
    best = max(rules.predikat_points.values())
    better_p = [p for p in PREDIKATS if rules.predikat_points[p] > kinerja]
    next_p = min(better_p, key=lambda p: rules.predikat_points[p]) if better_p else ""
    indicators.append(
        Indicator(
            "performance",
            kinerja,
            mx["kinerja"],
            earned=kinerja >= min(best, mx["kinerja"]),
            gain=min(rules.predikat_points[next_p], mx["kinerja"]) - kinerja if next_p else Decimal(0),
            target=next_p,
        )
    )

    # Disiplin
    disiplin = min(rules.sanction_points[facts.sanction_level], mx["disiplin"])
    clean = min(rules.sanction_points["none"], mx["disiplin"])
    indicators.append(
        Indicator(
            "discipline",
            disiplin,
            mx["disiplin"],
            earned=facts.sanction_level == "none",
            gain=max(clean - disiplin, Decimal(0)),
            target="none" if facts.sanction_level != "none" else "",
        )
    )

    total = kualifikasi + kompetensi + kinerja + disiplin
    return Score(
        SCORED,
        kualifikasi=kualifikasi,
        kompetensi=kompetensi,
        kinerja=kinerja,
        disiplin=disiplin,
        total=total,
        category=category_for(total, rules),
        indicators=tuple(indicators),
    )


def _row_earned(row: CompetencyRow, facts: Facts) -> bool:
    if row.indicator == "technical":
        return (facts.technical_jp_last_year or Decimal(0)) >= (row.min_jp or Decimal(0))
    return bool(getattr(facts, INDICATOR_FACT[row.indicator]))


# --- Simulation --------------------------------------------------------------------------------------------

ACTIONS = ("technical_jp", "seminar", "leadership", "functional", "education")


@dataclass(frozen=True)
class Action:
    """A change to apply to a group before anyone acts: ``technical_jp`` adds ``jp`` JP of technical
    training; ``seminar``/``leadership``/``functional`` completes that training; ``education`` raises the
    highest education to ``level`` (never lowers it)."""

    kind: str
    jp: Decimal = Decimal(0)
    level: str = ""


def apply_action(facts: Facts, action: Action) -> Facts:
    """The facts after ``action``; facts the action does not touch are kept, unknowns stay unknown."""
    if action.kind == "technical_jp":
        if facts.technical_jp_last_year is None:
            return facts
        return replace(facts, technical_jp_last_year=facts.technical_jp_last_year + action.jp)
    if action.kind == "seminar":
        return replace(facts, seminar_last_2_years=True)
    if action.kind == "leadership":
        return replace(facts, leadership_training_matches_position=True)
    if action.kind == "functional":
        return replace(facts, functional_training_matches_position=True)
    if action.kind == "education":
        if facts.education_level is None or EDUCATION_LEVELS.index(action.level) <= EDUCATION_LEVELS.index(
            facts.education_level
        ):
            return facts
        return replace(facts, education_level=action.level)
    raise ValueError(f"unknown action {action.kind!r}")


# --- Aggregates (RULES.md §1.4) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    """A unit's or the regency's IP ASN: the mean of its measured employees' totals, each dimension's mean,
    the category counts, and how many were left out as incomplete or excluded."""

    scored: int
    incomplete: int
    excluded: int
    mean_total: Decimal | None
    means: dict[str, Decimal | None]
    categories: dict[str, int]
    category: str  # of the mean total; "" when nobody was scored
    lowest_dimension: str  # the dimension furthest below its maximum (as a share); "" when nobody was scored

    @property
    def measured(self) -> int:
        return self.scored + self.incomplete


def aggregate(scores: Iterable[Score | tuple], rules: Rules = DEFAULT_RULES) -> Aggregate:
    """1. Count states. 2. Sum each dimension and the totals of the scored. 3. Means rounded half-up to two
    decimals (the unrounded dimension means add up to the unrounded total mean). 4. Category of the mean.

    ``scores`` may be :class:`Score` objects or plain tuples ``(state, kualifikasi, kompetensi, kinerja,
    disiplin, total, category)`` straight from a database query."""
    counts = {SCORED: 0, INCOMPLETE: 0, EXCLUDED: 0}
    sums = dict.fromkeys(DIMENSIONS, Decimal(0))
    total = Decimal(0)
    cats = dict.fromkeys(CATEGORIES, 0)
    for item in scores:
        if isinstance(item, Score):
            state, dims, t, cat = item.state, [item.dimension(d) for d in DIMENSIONS], item.total, item.category
        else:
            state, dims, t, cat = item[0], list(item[1:5]), item[5], item[6]
        counts[state] += 1
        if state != SCORED:
            continue
        for d, v in zip(DIMENSIONS, dims, strict=True):
            sums[d] += Decimal(v or 0)
        total += Decimal(t or 0)
        cats[cat] += 1
    n = counts[SCORED]
    if not n:
        return Aggregate(0, counts[INCOMPLETE], counts[EXCLUDED], None, dict.fromkeys(DIMENSIONS), cats, "", "")
    means: dict[str, Decimal | None] = {d: half_up(sums[d] / n) for d in DIMENSIONS}
    mean_total = half_up(total / n)
    shares = {d: (sums[d] / n) / rules.dimension_max[d] for d in DIMENSIONS if rules.dimension_max[d]}
    lowest = min(shares, key=lambda d: (shares[d], DIMENSIONS.index(d))) if shares else ""
    return Aggregate(
        n,
        counts[INCOMPLETE],
        counts[EXCLUDED],
        mean_total,
        means,
        cats,
        category_for(mean_total, rules),
        lowest,
    )


# --- Facts from an employee's histories ---------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingItem:
    """One ``people.TrainingRecord`` as the rules see it (the JP ledger)."""

    kind: str
    end_date: dt.date
    hours_jp: Decimal
    leadership_level: str = ""
    competency_type: str = ""


@dataclass(frozen=True)
class SanctionItem:
    level: str  # ringan | sedang | berat
    start_date: dt.date
    end_date: dt.date | None  # None: a one-off sanction on its start date


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months``, clamped to the month's last day (31 March − 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def window_start(as_of: dt.date, months: int) -> dt.date:
    """First day of the look-back window of ``months`` ending on ``as_of`` (inclusive on both ends):
    12 months to 31 December 2026 is 1 January – 31 December 2026."""
    return add_months(as_of, -months) + dt.timedelta(days=1)


def is_technical(item: TrainingItem, rules: Rules) -> bool:
    """[design] A record counts towards technical JP when its kind is a technical kind of the rule set, or its
    competency type is a technical one, unless its kind belongs to the seminar, functional or leadership rows."""
    if item.kind in rules.seminar_kinds or item.kind in rules.functional_kinds or item.kind == "diklat_struktural":
        return False
    return item.kind in rules.technical_kinds or item.competency_type in rules.technical_competency_types


def facts_from_history(
    *,
    status: str,
    position_type: str | None,
    education_levels: Iterable[str],
    trainings: Iterable[TrainingItem],
    predikat_by_year: Mapping[int, str],
    sanctions: Iterable[SanctionItem],
    as_of: dt.date,
    rules: Rules,
) -> Facts:
    """An employee's :class:`Facts` as of ``as_of`` from their histories. ``position_type`` is pamong's
    (``jpt_pratama`` …); records dated after ``as_of`` are ignored.

    1. Education: the highest level held; none → unknown (reported missing).
    2. Leadership: a leadership training at a level the rule set accepts for the position, any date.
    3. Functional: a record of a functional kind, any date (fungsional only) [design].
    4. Technical JP: the sum of technical records (:func:`is_technical`) ending in the row's window.
    5. Seminar: a seminar-kind record ending in the row's window.
    6. Predikat: the one of ``as_of.year − predikat_year_offset``; none → unknown.
    7. Sanction: the heaviest whose period overlaps the window (``measurement_year``: 1 January –
       31 December of ``as_of``'s year, up to ``as_of``; ``last_12_months``); none → ``none``.
    """
    group = POSITION_GROUP.get(position_type or "")
    levels = [lv for lv in education_levels if lv in EDUCATION_LEVELS]
    education = max(levels, key=EDUCATION_LEVELS.index) if levels else None
    items = [t for t in trainings if t.end_date <= as_of]

    leadership = functional = None
    if group is not None:
        accepted = rules.leadership_levels.get(position_type or "", ())
        if rules.row(group, "leadership"):
            leadership = any(t.leadership_level in accepted for t in items if t.leadership_level)
        if rules.row(group, "functional"):
            functional = any(t.kind in rules.functional_kinds for t in items)
    # Without a position the windows fall back to the usual 12 and 24 months, so only the position is missing.
    tech_row = rules.row(group or "", "technical")
    start = window_start(as_of, tech_row.window_months if tech_row and tech_row.window_months else 12)
    technical = sum((Decimal(t.hours_jp) for t in items if t.end_date >= start and is_technical(t, rules)), Decimal(0))
    sem_row = rules.row(group or "", "seminar")
    start = window_start(as_of, sem_row.window_months if sem_row and sem_row.window_months else 24)
    seminar = any(t.kind in rules.seminar_kinds and t.end_date >= start for t in items)

    low = dt.date(as_of.year, 1, 1) if rules.sanction_window == "measurement_year" else window_start(as_of, 12)
    worst = "none"
    for s in sanctions:
        end = s.end_date or s.start_date
        if s.start_date <= as_of and end >= low and SANCTION_LEVELS.index(s.level) > SANCTION_LEVELS.index(worst):
            worst = s.level

    return Facts(
        status=status,
        position_type=group,
        education_level=education,
        leadership_training_matches_position=leadership,
        functional_training_matches_position=functional,
        technical_jp_last_year=technical,
        seminar_last_2_years=seminar,
        predikat_last_year=predikat_by_year.get(as_of.year - rules.predikat_year_offset),
        sanction_level=worst,
    )


def facts_digest(rows: Iterable[tuple[Any, Facts]]) -> str:
    """A sha256 over ``(key, facts)`` pairs in the given order: equal inputs give equal digests."""
    digest = hashlib.sha256()
    for key, facts in rows:
        values = [str(key)] + ["" if getattr(facts, f) is None else str(getattr(facts, f)) for f in FACT_FIELDS]
        digest.update(("\x1f".join(values) + "\x1e").encode("utf-8"))
    return digest.hexdigest()


# --- Simulation of a group's action ---------------------------------------------------------------------------

LACKING = ("", "technical", "seminar", "leadership", "functional")


def lacks(facts: Facts, indicator: str, rules: Rules = DEFAULT_RULES) -> bool:
    """The employee is scored and has not earned ``indicator`` (a row that applies to their position)."""
    result = score(facts, rules)
    return result.state == SCORED and any(i.key == indicator and not i.earned for i in result.indicators)


@dataclass(frozen=True)
class Member:
    facts: Facts
    in_unit: bool  # inside the unit being looked at (its mean is reported before and after)
    in_group: bool  # takes the action


@dataclass(frozen=True)
class Simulation:
    group_size: int
    affected: int  # members of the group whose total changes
    unit_before: Aggregate
    unit_after: Aggregate
    all_before: Aggregate
    all_after: Aggregate


def simulate(members: Iterable[Member], action: Action, rules: Rules = DEFAULT_RULES) -> Simulation:
    """What the unit's and the whole population's means would be if the group took ``action``.

    1. Score everyone as they are. 2. Apply the action to the group's facts and score them again.
    3. Aggregate the unit and the population before and after. Nobody's stored result changes."""
    before: list[Score] = []
    after: list[Score] = []
    unit_flags: list[bool] = []
    group_size = affected = 0
    for member in members:
        now = score(member.facts, rules)
        then = score(apply_action(member.facts, action), rules) if member.in_group else now
        if member.in_group:
            group_size += 1
            affected += then.total != now.total
        before.append(now)
        after.append(then)
        unit_flags.append(member.in_unit)
    unit = [i for i, flag in enumerate(unit_flags) if flag]
    return Simulation(
        group_size=group_size,
        affected=affected,
        unit_before=aggregate((before[i] for i in unit), rules),
        unit_after=aggregate((after[i] for i in unit), rules),
        all_before=aggregate(before, rules),
        all_after=aggregate(after, rules),
    )
