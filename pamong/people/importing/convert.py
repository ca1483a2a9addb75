"""Turning text cells into values: dates, numbers and the coded choices of each layout.

Whole columns are converted at once with polars; a choice column is mapped
value by value over its *distinct* values only, so 100,000 rows of "PNS
Daerah" cost one call. Each converter returns the values and a mask of the
cells it could not read; the validator words the message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import polars as pl

from .. import reference

DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d")
EXCEL_EPOCH = dt.date(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100


def dates(series: pl.Series) -> tuple[pl.Series, pl.Series]:
    """dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd (a time part is ignored),
    or an Excel serial day number (a date cell stored as a plain number)."""
    text = series.str.replace(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "")
    frame = pl.DataFrame({"t": text})
    parsed = [pl.col("t").str.to_date(f, strict=False) for f in DATE_FORMATS]
    serial = (
        pl.when(pl.col("t").str.contains(r"^\d{1,5}(\.0+)?$"))
        .then(pl.col("t").str.replace(r"\.0+$", "").cast(pl.Int64, strict=False))
        .otherwise(None)
    )
    parsed.append(pl.lit(EXCEL_EPOCH) + pl.duration(days=serial))
    date = pl.coalesce(parsed)
    date = pl.when(date.dt.year().is_between(MIN_YEAR, MAX_YEAR)).then(date).otherwise(None)
    out = frame.select(date.alias("d")).get_column("d")
    bad = series.is_not_null() & out.is_null()
    return out, bad


def integers(series: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Whole numbers; ``2014.0`` (a number cell) is 2014."""
    out = series.str.replace(r"\.0+$", "").cast(pl.Int64, strict=False)
    return out, series.is_not_null() & out.is_null()


def decimals(series: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Numbers with a decimal comma or point: ``2,5`` and ``2.5`` are both 2.5."""
    out = series.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)
    return out, series.is_not_null() & out.is_null()


def emails(series: pl.Series) -> tuple[pl.Series, pl.Series]:
    ok = series.str.contains(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    return series, series.is_not_null() & ~ok.fill_null(False)


def too_long(series: pl.Series, max_length: int) -> pl.Series:
    return series.is_not_null() & (series.str.len_chars() > max_length)


def by_distinct(series: pl.Series, function: Callable[[str], object]) -> tuple[list[object], pl.Series]:
    """Apply ``function`` to each distinct value; ``None`` back means "not recognised"."""
    table = {value: function(value) for value in series.drop_nulls().unique().to_list()}
    values = [table.get(v) if v is not None else None for v in series.to_list()]
    bad = pl.Series([v is not None and table.get(v) is None for v in series.to_list()], dtype=pl.Boolean)
    return values, bad


# --- coded choices --------------------------------------------------------------------------------


def _words(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


SEX = {
    "l": "L",
    "p": "P",
    "m": "L",
    "f": "P",
    "laki laki": "L",
    "laki": "L",
    "pria": "L",
    "perempuan": "P",
    "wanita": "P",
    "1": "L",
    "2": "P",
}


def sex(text: str) -> str | None:
    return SEX.get(_words(text).replace(".", ""))


def employee_status(type_text: str | None, code_text: str | None) -> str | None:
    """PNS, CPNS or PPPK from ``jenis_pegawai_nama`` (``PNS Daerah``, ``CPNS``, ``PPPK``…)
    and ``status_cpns_pns`` (``P``/``C``, or the words). The PPPK type wins; then the code; then the type."""
    kind = _squash(type_text or "")
    code = _squash(code_text or "")
    if "pppk" in kind or code == "pppk":
        return "pppk"
    if code in ("c", "cpns"):
        return "cpns"
    if code in ("p", "pns"):
        return "pns"
    if "cpns" in kind or "calon" in kind:
        return "cpns"
    if "pns" in kind:
        return "pns"
    return None


# kedudukan_hukum_nama → (is_active, inactive reason). Leave, study leave, pre-retirement
# and suspension keep the employee on the books.
LEGAL_STATUS: dict[str, tuple[bool, str]] = {
    "aktif": (True, ""),
    "cltn": (True, ""),
    "cuti di luar tanggungan negara": (True, ""),
    "tugas belajar": (True, ""),
    "masa persiapan pensiun": (True, ""),
    "mpp": (True, ""),
    "pemberhentian sementara": (True, ""),
    "diberhentikan sementara": (True, ""),
    "hukuman disiplin": (True, ""),
    "pensiun": (False, "retired"),
    "pensiun dini": (False, "retired"),
    "pensiun janda duda": (False, "retired"),
    "meninggal": (False, "deceased"),
    "meninggal dunia": (False, "deceased"),
    "wafat": (False, "deceased"),
    "tewas": (False, "deceased"),
    "pindah": (False, "moved"),
    "pindah instansi": (False, "moved"),
    "pindah keluar": (False, "moved"),
    "mutasi keluar": (False, "moved"),
    "diberhentikan": (False, "dismissed"),
    "diberhentikan dengan hormat": (False, "dismissed"),
    "diberhentikan tidak dengan hormat": (False, "dismissed"),
    "pemberhentian": (False, "dismissed"),
    "berhenti": (False, "dismissed"),
    "ptdh": (False, "dismissed"),
    "pdh": (False, "dismissed"),
    "lainnya": (False, "other"),
}


def legal_status(text: str) -> tuple[bool, str] | None:
    return LEGAL_STATUS.get(_words(text).replace("/", " ").replace("  ", " "))


def position_kind(text: str) -> str | None:
    """``Jabatan Struktural`` → struktural; ``Jabatan Fungsional Tertentu`` → fungsional;
    ``Pelaksana`` / ``Jabatan Fungsional Umum`` (its old name) → pelaksana."""
    words = _words(text)
    if "struktural" in words or "pimpinan tinggi" in words or words in ("administrator", "pengawas"):
        return "struktural"
    if "pelaksana" in words or "fungsional umum" in words or words == "jfu":
        return "pelaksana"
    if "fungsional" in words or words in ("jft", "jf"):
        return "fungsional"
    return None


def eselon_position_type(text: str) -> str | None:
    """Eselon → position type (RULES.md glossary): I.a JPT utama, I.b JPT madya,
    II JPT pratama, III administrator, IV pengawas."""
    value = _squash(text).removeprefix("eselon")
    match = re.fullmatch(r"(iv|iii|ii|i|[1-4])([ab])?", value)
    if not match:
        return None
    roman = {"1": "i", "2": "ii", "3": "iii", "4": "iv"}.get(match.group(1), match.group(1))
    if roman == "i":
        return "jpt_madya" if match.group(2) == "b" else "jpt_utama"
    return {"ii": "jpt_pratama", "iii": "administrator", "iv": "pengawas"}[roman]


FUNCTIONAL_LEVELS = (
    ("ahli pertama", "ahli_pertama"),
    ("ahli muda", "ahli_muda"),
    ("ahli madya", "ahli_madya"),
    ("ahli utama", "ahli_utama"),
    ("pemula", "pemula"),
    ("terampil", "terampil"),
    ("mahir", "mahir"),
    ("penyelia", "penyelia"),
)


def functional_level(position_name: str) -> str:
    """The jenjang of a functional post read from its name (``Perawat Terampil`` → terampil), else blank."""
    words = _words(position_name)
    for label, level in FUNCTIONAL_LEVELS:
        if words.endswith(label):
            return level
    return ""


EDUCATION = {
    "sd": "SD",
    "sekolahdasar": "SD",
    "mi": "SD",
    "sltp": "SLTP",
    "smp": "SLTP",
    "mts": "SLTP",
    "sltpsederajat": "SLTP",
    "slta": "SLTA",
    "sma": "SLTA",
    "smk": "SLTA",
    "smu": "SLTA",
    "ma": "SLTA",
    "sltasmk": "SLTA",
    "stm": "SLTA",
    "smea": "SLTA",
    "spk": "SLTA",
    "d1": "D1",
    "di": "D1",
    "diplomai": "D1",
    "diploma1": "D1",
    "d2": "D2",
    "dii": "D2",
    "diplomaii": "D2",
    "diploma2": "D2",
    "d3": "D3",
    "diii": "D3",
    "diplomaiii": "D3",
    "diploma3": "D3",
    "d4": "D4",
    "div": "D4",
    "diplomaiv": "D4",
    "diploma4": "D4",
    "s1": "S1",
    "sarjana": "S1",
    "strata1": "S1",
    "stratai": "S1",
    "s2": "S2",
    "magister": "S2",
    "pascasarjana": "S2",
    "strata2": "S2",
    "strataii": "S2",
    "s3": "S3",
    "doktor": "S3",
    "strata3": "S3",
    "strataiii": "S3",
}


def education_level(text: str) -> str | None:
    """``S-1``, ``S1/Sarjana``, ``Diploma III``, ``SLTA/SMK``, ``SMA`` … → the reference code."""
    whole = EDUCATION.get(_squash(text))
    if whole:
        return whole
    first = text.split("/")[0]
    return EDUCATION.get(_squash(first))


def _choice_table(items: dict[str, str]) -> dict[str, str]:
    table = {}
    for key, label in items.items():
        table[_squash(key)] = key
        table[_squash(label)] = key
    return table


TRAINING_KIND = _choice_table(reference.TRAINING_KINDS) | {
    "bimtek": "bimbingan_teknis",
    "diklatteknis": "diklat_teknis",
    "diklatfungsional": "diklat_fungsional",
    "diklatstruktural": "diklat_struktural",
    "diklatpim": "diklat_struktural",
    "elearning": "e_learning",
    "pjj": "pelatihan_jarak_jauh",
    "benchmarking": "patok_banding",
    "outbound": "pembelajaran_alam_terbuka",
}


def training_kind(text: str) -> str | None:
    return TRAINING_KIND.get(_squash(text))


LEADERSHIP = {
    "pkni": "pkn_i",
    "pkn1": "pkn_i",
    "diklatpimi": "pkn_i",
    "diklatpim1": "pkn_i",
    "pknii": "pkn_ii",
    "pkn2": "pkn_ii",
    "diklatpimii": "pkn_ii",
    "diklatpim2": "pkn_ii",
    "pka": "pka",
    "diklatpimiii": "pka",
    "diklatpim3": "pka",
    "pkp": "pkp",
    "diklatpimiv": "pkp",
    "diklatpim4": "pkp",
}


def leadership_level(text: str) -> str | None:
    return LEADERSHIP.get(_squash(text))


def sanction_level(text: str) -> str | None:
    """``Ringan`` / ``Hukuman Disiplin Ringan`` → ringan; likewise sedang and berat (PP 94/2021)."""
    words = _words(text).split()
    for level in ("ringan", "sedang", "berat"):
        if level in words:
            return level
    return None


# [design] Older forms say "Cukup" and "Buruk"; RULES.md §1.2 ranks them with
# Butuh Perbaikan and Sangat Kurang, so they are read as those.
PREDIKAT = {
    "sangatbaik": "sangat_baik",
    "baik": "baik",
    "butuhperbaikan": "butuh_perbaikan",
    "cukup": "butuh_perbaikan",
    "kurang": "kurang",
    "sangatkurang": "sangat_kurang",
    "buruk": "sangat_kurang",
}


def predikat(text: str) -> str | None:
    return PREDIKAT.get(_squash(text))


_GOLONGAN_IN_TEXT = re.compile(r"\b(IV|III|II|I)\s*[/\-. ]?\s*([a-eA-E])\b")


def golongan(text: str) -> str | None:
    """``III/c``, ``iii-c``, ``Penata (III/c)`` → ``III/c``; ``IX`` → ``IX`` (PPPK); unknown → None."""
    value = reference.normalise_golongan(text)
    if value in reference.PNS_GOLONGAN or value in reference.PPPK_GOLONGAN:
        return value
    match = _GOLONGAN_IN_TEXT.search(text.upper())
    if match:
        value = f"{match.group(1)}/{match.group(2).lower()}"
        if value in reference.PNS_GOLONGAN:
            return value
    return None
