"""NIP: the 18-digit civil-servant number (RULES.md §7).

PNS: ``YYYYMMDD`` birth date, ``YYYYMM`` start as CPNS (TMT), sex digit, ``NNN``.
PPPK: ``YYYYMMDD`` birth date, ``YYYY`` start year, ``2`` (the PPPK marker),
appointment frequency (1–9), sex digit, ``NNN``.

The 13th digit tells them apart: a PNS start month begins with 0 or 1, a PPPK
number has 2 there. Pure: the caller passes ``today``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _


class NipError(ValueError):
    """A NIP that cannot be right; ``message`` is a translated sentence."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class NipInfo:
    nip: str
    kind: str  # "pns" or "pppk"
    birth_date: dt.date
    start_date: dt.date  # first day of the TMT month (PNS) or year (PPPK)
    sex: str  # "L" (laki-laki) or "P" (perempuan)
    serial: int
    appointment: int | None = None  # PPPK only


def _date(year: str, month: str, day: str = "01") -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def parse_nip(raw: object, *, today: dt.date) -> NipInfo:
    """1. Clean the text; a spreadsheet number (``2.00012E+17``, fewer digits)
    is refused because Excel already lost digits. 2. Check 18 digits. 3. Read
    the layout (13th digit 2 = PPPK). 4. Check the birth date is real and past,
    the start is not before the 17th birthday nor in the future, the sex digit
    is 1 or 2."""
    text = str(raw if raw is not None else "").strip().replace(" ", "")
    if not text:
        raise NipError("required", _("NIP wajib diisi."))
    if "e" in text.lower() or "." in text or "," in text:
        raise NipError(
            "number_cell",
            _("NIP %(nip)s terbaca sebagai angka dan digitnya sudah hilang; format kolom NIP sebagai teks.")
            % {"nip": text},
        )
    if not text.isdigit():
        raise NipError("digits", _("NIP hanya boleh berisi angka."))
    if len(text) != 18:
        raise NipError("length", _("NIP harus 18 digit (tertulis %(n)d digit).") % {"n": len(text)})
    birth = _date(text[0:4], text[4:6], text[6:8])
    if birth is None:
        raise NipError(
            "birth_date", _("Tanggal lahir dalam NIP (%(part)s) bukan tanggal yang ada.") % {"part": text[0:8]}
        )
    if birth >= today:
        raise NipError("birth_future", _("Tanggal lahir dalam NIP belum terjadi."))
    if text[12] == "2":
        kind, appointment = "pppk", int(text[13])
        start = _date(text[8:12], "01")
        sex_digit = text[14]
        if appointment == 0:
            raise NipError("appointment", _("Digit frekuensi pengangkatan PPPK dalam NIP harus 1–9."))
    else:
        kind, appointment = "pns", None
        start = _date(text[8:12], text[12:14])
        sex_digit = text[14]
    if start is None:
        raise NipError("start_date", _("TMT dalam NIP (%(part)s) bukan bulan yang ada.") % {"part": text[8:14]})
    if start > today:
        raise NipError("start_future", _("TMT dalam NIP berada di masa depan."))
    earliest = _add_years(birth, 17).replace(day=1)
    if start < earliest:
        raise NipError("start_too_early", _("TMT dalam NIP lebih awal dari usia 17 tahun."))
    if sex_digit not in "12":
        raise NipError("sex", _("Digit jenis kelamin dalam NIP harus 1 (laki-laki) atau 2 (perempuan)."))
    return NipInfo(
        nip=text,
        kind=kind,
        birth_date=birth,
        start_date=start,
        sex="L" if sex_digit == "1" else "P",
        serial=int(text[15:18]),
        appointment=appointment,
    )


def build_nip(
    *, birth_date: dt.date, start: dt.date, sex: str, serial: int, pppk: bool = False, appointment: int = 1
) -> str:
    """The NIP for these parts (used by the demo generator and tests)."""
    sex_digit = "1" if sex == "L" else "2"
    if pppk:
        return f"{birth_date:%Y%m%d}{start.year:04d}2{appointment}{sex_digit}{serial:03d}"
    return f"{birth_date:%Y%m%d}{start:%Y%m}{sex_digit}{serial:03d}"
