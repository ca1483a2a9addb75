"""The engine's vocabulary, shared with the CSV contract: statuses, position types, levels, fields."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


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
