"""Reference tables from RULES.md §7 and §4: golongan, pangkat, education, training kinds.

Pure data and functions, no Django: the import, the forms and later the IP ASN
engine read them from here.
"""

from __future__ import annotations

PNS_GOLONGAN: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

PPPK_GOLONGAN: tuple[str, ...] = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

EDUCATION_LEVELS: tuple[str, ...] = ("SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
EDUCATION_LABELS: dict[str, str] = {
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

# SIASN's training kinds (RULES.md §4), split by route.
CLASSICAL_TRAINING = {
    "diklat_struktural": "Diklat struktural",
    "diklat_fungsional": "Diklat fungsional",
    "diklat_teknis": "Diklat teknis",
    "workshop": "Workshop",
    "pelatihan_manajerial": "Pelatihan manajerial",
    "pelatihan_sosial_kultural": "Pelatihan sosial kultural",
    "sosialisasi": "Sosialisasi",
    "bimbingan_teknis": "Bimbingan teknis",
    "seminar": "Seminar",
    "magang": "Magang",
    "kursus": "Kursus",
    "penataran": "Penataran",
}
NON_CLASSICAL_TRAINING = {
    "coaching": "Coaching",
    "mentoring": "Mentoring",
    "e_learning": "E-learning",
    "pelatihan_jarak_jauh": "Pelatihan jarak jauh",
    "detasering": "Detasering",
    "pembelajaran_alam_terbuka": "Pembelajaran alam terbuka",
    "patok_banding": "Patok banding",
    "pertukaran_pegawai": "Pertukaran pegawai",
    "belajar_mandiri": "Belajar mandiri",
    "komunitas_belajar": "Komunitas belajar",
    "bimbingan_di_tempat_kerja": "Bimbingan di tempat kerja",
}
TRAINING_KINDS = {**CLASSICAL_TRAINING, **NON_CLASSICAL_TRAINING}


def pangkat_for(golongan: str) -> str:
    """The pangkat name of a PNS golongan; PPPK golongan have none."""
    return PNS_GOLONGAN.get(golongan, "")


def golongan_fits_status(golongan: str, status: str) -> bool:
    """PNS and CPNS use I/a–IV/e; PPPK use I–XVII. Empty is allowed (unknown)."""
    if not golongan:
        return True
    if status in ("pns", "cpns"):
        return golongan in PNS_GOLONGAN
    return golongan in PPPK_GOLONGAN


def normalise_golongan(value: str) -> str:
    """``iii/c``, ``III-C``, ``III c`` → ``III/c``; ``ix`` → ``IX``."""
    text = value.strip().replace("-", "/").replace(" ", "/").replace("//", "/")
    if "/" in text:
        roman, letter = text.split("/", 1)
        return f"{roman.upper()}/{letter.lower()}"
    return text.upper()
