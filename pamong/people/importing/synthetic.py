"""Synthetic, realistic SIASN-layout rows for tests, the demo and the import benchmark.

Deterministic for a given seed. Every NIP is valid (built with
:func:`pamong.people.nip.build_nip`) and unique within one call.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..nip import build_nip

FIRST_NAMES = (
    "Agus",
    "Ahmad",
    "Andi",
    "Budi",
    "Dedi",
    "Dewi",
    "Eko",
    "Endang",
    "Fitri",
    "Hadi",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Nyoman",
    "Putri",
    "Rahmat",
    "Ratna",
    "Rina",
    "Siti",
    "Slamet",
    "Sri",
    "Teguh",
    "Tri",
    "Wahyu",
    "Wayan",
    "Yanti",
    "Yusuf",
    "Zainal",
)
LAST_NAMES = (
    "Hidayat",
    "Kurniawan",
    "Lestari",
    "Nugroho",
    "Pratama",
    "Purnamasari",
    "Rahayu",
    "Saputra",
    "Setiawan",
    "Siregar",
    "Susanto",
    "Utami",
    "Wibowo",
    "Wijaya",
    "Yulianti",
    "Harahap",
    "Nasution",
    "Simanjuntak",
    "Sinaga",
    "Gunawan",
)
PLACES = ("Surabaya", "Malang", "Kediri", "Blitar", "Madiun", "Jember", "Semarang", "Yogyakarta", "Bandung", "Medan")
BACK_TITLES = ("", "", "S.E.", "S.Kom.", "S.Kep., Ns.", "S.Pd.", "S.H.", "S.E., M.M.", "A.Md.", "S.T., M.T.")
# (jabatan_nama, jenis_jabatan_nama, eselon_nama)
POSITIONS = (
    ("Pengadministrasi Umum", "Pelaksana", ""),
    ("Pengelola Data", "Pelaksana", ""),
    ("Analis Kepegawaian Ahli Pertama", "Fungsional", ""),
    ("Perawat Terampil", "Fungsional", ""),
    ("Guru Ahli Muda", "Fungsional", ""),
    ("Kepala Seksi Pelayanan", "Struktural", "IV.a"),
    ("Kepala Bidang Program", "Struktural", "III.b"),
)
EDUCATION = (
    ("SLTA", "IPA"),
    ("D-III", "Keperawatan"),
    ("S-1", "Manajemen"),
    ("S-1", "Pendidikan"),
    ("S-2", "Administrasi Publik"),
)

EMPLOYEE_HEADERS = (
    "nip_baru",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir_nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "jenis_pegawai_nama",
    "status_cpns_pns",
    "kedudukan_hukum_nama",
    "gol_akhir_nama",
    "tmt_golongan",
    "tmt_cpns",
    "jenis_jabatan_nama",
    "eselon_nama",
    "jabatan_nama",
    "tmt_jabatan",
    "unor_id",
    "unor_nama",
    "email_gov",
    "tingkat_pendidikan_nama",
    "pendidikan_nama",
    "tahun_lulus",
)

PNS_GOLONGAN_BY_EDUCATION = {"SLTA": "II/a", "D-III": "II/c", "S-1": "III/a", "S-2": "III/b"}


def employee_rows(
    n: int, units: Sequence[tuple[str, str]], *, seed: int = 20261128, today: dt.date | None = None
) -> Iterator[dict[str, Any]]:
    """``n`` employee rows in SIASN column names, spread over ``units`` ((code, name) pairs).

    Dates are ``datetime.date`` values; NIPs are strings. About one in eight is PPPK."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    seen: set[str] = set()
    for i in range(n):
        sex = "L" if rng.random() < 0.5 else "P"
        pppk = rng.random() < 0.125
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 36))
        start = dt.date(min(today.year - 1, birth.year + rng.randrange(20, 35)), rng.choice((1, 3, 12)), 1)
        serial = 1 + i % 999
        while True:
            nip = build_nip(birth_date=birth, start=start, sex=sex, serial=serial, pppk=pppk)
            if nip not in seen:
                break
            serial = serial % 999 + 1
        seen.add(nip)
        level, major = rng.choice(EDUCATION)
        code, unit_name = units[i % len(units)]
        position, position_kind, eselon = POSITIONS[rng.randrange(len(POSITIONS))]
        if pppk:
            status_text, status_code, golongan = "PPPK", "", rng.choice(("V", "VII", "IX", "X"))
            position, position_kind, eselon = ("Perawat Terampil", "Fungsional", "")
        else:
            cpns = start.year >= today.year - 1 and rng.random() < 0.5
            status_text, status_code = ("CPNS Daerah", "C") if cpns else ("PNS Daerah", "P")
            golongan = PNS_GOLONGAN_BY_EDUCATION.get(level, "III/a")
        yield {
            "nip_baru": nip,
            "nama": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "gelar_depan": "Dr." if level == "S-2" and rng.random() < 0.05 else "",
            "gelar_belakang": rng.choice(BACK_TITLES),
            "tempat_lahir_nama": rng.choice(PLACES),
            "tanggal_lahir": birth,
            "jenis_kelamin": "Laki-laki" if sex == "L" else "Perempuan",
            "jenis_pegawai_nama": status_text,
            "status_cpns_pns": status_code,
            "kedudukan_hukum_nama": "Aktif",
            "gol_akhir_nama": golongan,
            "tmt_golongan": start + dt.timedelta(days=365 * 4) if start.year + 4 < today.year else start,
            "tmt_cpns": start,
            "jenis_jabatan_nama": position_kind,
            "eselon_nama": eselon,
            "jabatan_nama": position,
            "tmt_jabatan": start,
            "unor_id": code,
            "unor_nama": unit_name,
            "email_gov": f"pegawai{i}@contoh.go.id",
            "tingkat_pendidikan_nama": level,
            "pendidikan_nama": major,
            "tahun_lulus": str(min(start.year - 1, birth.year + 22)),
        }


def write_xlsx(
    path: Path,
    rows: Iterator[dict[str, Any]] | Sequence[dict[str, Any]],
    headers: Sequence[str],
    *,
    text_columns: Sequence[str] = ("nip_baru",),
    date_format: str = "dd-mm-yyyy",
) -> Path:
    """Write rows to an XLSX file the way a careful user would: NIP as text, dates as date cells."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("data")
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": date_format})
    sheet.write_row(0, 0, list(headers))
    for r, row in enumerate(rows, start=1):
        for c, header in enumerate(headers):
            value = row.get(header, "")
            if value is None or value == "":
                continue
            if header in text_columns:
                sheet.write_string(r, c, str(value), text)
            elif isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date)
            elif isinstance(value, (int, float)):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
    workbook.close()
    return path


def write_csv(path: Path, rows: Sequence[dict[str, Any]], headers: Sequence[str], *, separator: str = ",") -> Path:
    """Write rows to a UTF-8 CSV file; dates as dd-mm-yyyy."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow(headers)
        for row in rows:
            values = [row.get(h, "") for h in headers]
            writer.writerow([v.strftime("%d-%m-%Y") if isinstance(v, dt.date) else v for v in values])
    return path


def employee_row(nip: str, *, unit: tuple[str, str], name: str = "Rina Lestari", **overrides: Any) -> dict[str, Any]:
    """One plausible SIASN row for ``nip`` in ``unit`` ((code, name)); birth date, sex and
    status come from the NIP. ``overrides`` replace any column."""
    from ..nip import parse_nip

    info = parse_nip(nip, today=dt.date.today())
    pppk = info.kind == "pppk"
    row: dict[str, Any] = {
        "nip_baru": nip,
        "nama": name,
        "gelar_depan": "",
        "gelar_belakang": "S.E.",
        "tempat_lahir_nama": "Kediri",
        "tanggal_lahir": info.birth_date,
        "jenis_kelamin": "Laki-laki" if info.sex == "L" else "Perempuan",
        "jenis_pegawai_nama": "PPPK" if pppk else "PNS Daerah",
        "status_cpns_pns": "" if pppk else "P",
        "kedudukan_hukum_nama": "Aktif",
        "gol_akhir_nama": "IX" if pppk else "III/a",
        "tmt_golongan": info.start_date,
        "tmt_cpns": info.start_date,
        "jenis_jabatan_nama": "Pelaksana",
        "eselon_nama": "",
        "jabatan_nama": "Pengadministrasi Umum",
        "tmt_jabatan": info.start_date,
        "unor_id": unit[0],
        "unor_nama": unit[1],
        "email_gov": f"{name.split()[0].lower()}.{nip[-3:]}@contoh.go.id",
        "tingkat_pendidikan_nama": "S-1",
        "pendidikan_nama": "Manajemen",
        "tahun_lulus": str(info.birth_date.year + 22),
    }
    row.update(overrides)
    return row
