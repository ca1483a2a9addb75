"""Checking a whole file before anything is written, and planning the writes.

Each ``validate_*`` function reads every row, collects every problem (row as
the user sees it, the user's column header, a plain Indonesian sentence) and,
when there are none, returns a plan: the rows to create, the rows to update
(only those whose values differ from the database) and how many are unchanged.
Business rules for an employee come from
:func:`pamong.people.services.employee_errors`, the same check the forms use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from ..models import (
    EducationRecord,
    Employee,
    OrgUnit,
    PerformanceRecord,
    Position,
    SanctionRecord,
    TrainingRecord,
)
from ..nip import NipError, parse_nip
from ..services import employee_errors
from . import convert
from .columns import (
    EDUCATION,
    LAYOUTS,
    PERFORMANCE,
    SANCTIONS,
    TRAINING,
    Layout,
)
from .reading import ROW, Table
from .writing import select_all

Progress = Callable[[int, str], None]
CHUNK = 2000


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: about the whole file
    column: str  # the header as written in the user's file ("" for the whole row or file)
    message: str

    def text(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return _("Baris %(row)d, kolom %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Baris %(row)d: %(message)s") % {"row": self.row, "message": self.message}


class Problems:
    """Errors of one file, named by the user's own column headers."""

    def __init__(self, found: dict[str, str]) -> None:
        self.found = found
        self.items: list[RowError] = []
        self.rows: set[int] = set()

    def add(self, row: int | None, column: str, message: str) -> None:
        self.items.append(RowError(row, self.found.get(column, column), str(message)))
        if row is not None:
            self.rows.add(row)

    def remove(self, row: int, column: str) -> None:
        header = self.found.get(column, column)
        self.items = [e for e in self.items if not (e.row == row and e.column == header)]

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> list[RowError]:
        return sorted(self.items, key=lambda e: (e.row or 0, e.column))


# --- reading cells into values ---------------------------------------------------------------------

CHOICES: dict[str, Callable[[str], Any]] = {
    "jenis_kelamin": convert.sex,
    "kedudukan_hukum_nama": convert.legal_status,
    "jenis_jabatan_nama": convert.position_kind,
    "eselon_nama": convert.eselon_position_type,
    "gol_akhir_nama": convert.golongan,
    "tingkat_pendidikan_nama": convert.education_level,
    "jenis_diklat": convert.training_kind,
    "tingkat_diklat_kepemimpinan": convert.leadership_level,
    "tingkat_hukuman": convert.sanction_level,
    "predikat": convert.predikat,
}

ACCEPTED = {
    "jenis_kelamin": "L, P, Laki-laki, Perempuan, M, F",
    "kedudukan_hukum_nama": "Aktif, CLTN, Tugas Belajar, MPP, Pensiun, Meninggal, Pindah, Diberhentikan",
    "jenis_jabatan_nama": "Struktural, Fungsional, Pelaksana",
    "eselon_nama": "I.a, I.b, II.a, II.b, III.a, III.b, IV.a, IV.b",
    "gol_akhir_nama": "I/a … IV/e (PNS), I … XVII (PPPK)",
    "tingkat_pendidikan_nama": "SD, SLTP, SLTA, D-I, D-II, D-III, D-IV, S-1, S-2, S-3",
    "jenis_diklat": "Diklat teknis, Diklat fungsional, Diklat struktural, Workshop, Seminar, Kursus, Bimbingan teknis, "
    "Magang, Sosialisasi, Coaching, Mentoring, E-learning, …",
    "tingkat_diklat_kepemimpinan": "PKN I, PKN II, PKA, PKP (atau Diklatpim I–IV)",
    "tingkat_hukuman": "Ringan, Sedang, Berat",
    "predikat": "Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang",
}


@dataclass
class Cells:
    """Converted values by canonical column name, row-aligned with ``rows``."""

    rows: list[int]
    values: dict[str, list[Any]] = field(default_factory=dict)

    def get(self, name: str) -> list[Any] | None:
        return self.values.get(name)


def read_cells(table: Table, layout: Layout, found: dict[str, str], problems: Problems, today: dt.date) -> Cells:
    """Convert every mapped column; a cell that cannot be read is reported and becomes None."""
    frame = table.frame
    cells = Cells(rows=frame.get_column(ROW).to_list())
    rows = cells.rows
    for name, header in found.items():
        column = layout.column(name)
        series = frame.get_column(header)
        bad = None
        if column.type in ("text", "nip"):
            values: list[Any] = series.to_list()
            if column.max_length and column.type == "text":
                for i in _true_indexes(convert.too_long(series, column.max_length)):
                    problems.add(
                        rows[i],
                        name,
                        _("Teks terlalu panjang: %(n)d karakter, paling banyak %(max)d.")
                        % {"n": len(values[i]), "max": column.max_length},
                    )
                    values[i] = None
        elif column.type == "date":
            out, bad = convert.dates(series)
            values = out.to_list()
            message = _("'%(value)s' bukan tanggal yang dikenal; tulis hh-bb-tttt (31-12-1990) atau tttt-bb-hh.")
        elif column.type == "int":
            out, bad = convert.integers(series)
            values = out.to_list()
            message = _("'%(value)s' bukan bilangan bulat.")
            for i, year in enumerate(values):
                if year is not None and not 1900 <= year <= today.year + 1:
                    problems.add(
                        rows[i],
                        name,
                        _("Tahun %(value)s di luar rentang 1900–%(max)d.") % {"value": year, "max": today.year + 1},
                    )
                    values[i] = None
        elif column.type == "decimal":
            out, bad = convert.decimals(series)
            values = out.to_list()
            message = _("'%(value)s' bukan angka (contoh: 24 atau 2,5).")
        elif column.type == "email":
            out, bad = convert.emails(series)
            values = out.to_list()
            message = _("'%(value)s' bukan alamat email yang sah.")
        else:  # choice
            values, bad = convert.by_distinct(series, CHOICES[name])
            message = _("'%(value)s' tidak dikenal; isi salah satu: %(accepted)s.")
        if bad is not None:
            raw = series.to_list()
            for i in _true_indexes(bad):
                problems.add(rows[i], name, message % {"value": raw[i], "accepted": ACCEPTED.get(name, "")})
                values[i] = None
        if column.required:
            raw_nulls = series.is_null()
            for i in _true_indexes(raw_nulls):
                problems.add(rows[i], name, _("Wajib diisi."))
        cells.values[name] = values
    return cells


def _true_indexes(mask: Any) -> Iterable[int]:
    if not mask.any():
        return ()
    return mask.arg_true().to_list()


def flag_number_cells(problems: Problems, table: Table, header: str, rows: set[int], today: dt.date) -> None:
    """Report each NIP cell stored as a number with nip.py's message, in place of whatever
    else was said about that NIP (a wrong NIP from lost digits says nothing useful)."""
    if not rows:
        return
    frame = table.frame.select(header, ROW)
    for nip, row in frame.iter_rows():
        if row not in rows or nip is None:
            continue
        problems.remove(row, "nip_baru")
        try:
            parse_nip(f"{float(nip):.5E}", today=today)  # shown as Excel shows it: 1.99203E+17
        except (NipError, ValueError) as exc:
            problems.add(row, "nip_baru", getattr(exc, "message", str(exc)))


def _chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- units and positions ---------------------------------------------------------------------------


def _name_key(text: str) -> str:
    return " ".join(text.split()).casefold()


class UnitIndex:
    """Units in force, by code and by name (case- and space-insensitive)."""

    def __init__(self) -> None:
        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.names: dict[int, str] = {}
        for pk, code, name in OrgUnit.objects.active().values_list("id", "code", "name"):
            self.by_code[code.strip().casefold()] = pk
            self.by_name.setdefault(_name_key(name), []).append(pk)
            self.names[pk] = name
        self._cache: dict[tuple[str | None, str | None], tuple[int | None, str, str]] = {}

    def resolve(self, code: str | None, name: str | None) -> tuple[int | None, str, str]:
        """(unit id, or None with the column and message saying why). Code first, then name."""
        key = (code, name)
        if key not in self._cache:
            self._cache[key] = self._resolve(code, name)
        return self._cache[key]

    def _resolve(self, code: str | None, name: str | None) -> tuple[int | None, str, str]:
        if code:
            pk = self.by_code.get(code.strip().casefold())
            if pk is not None:
                return pk, "", ""
        if name:
            ids = self.by_name.get(_name_key(name), [])
            if len(ids) == 1:
                return ids[0], "", ""
            if len(ids) > 1:
                return (
                    None,
                    "unor_nama",
                    _(
                        "Ada %(n)d unit bernama '%(name)s'; isi kolom unor_id dengan kode unit agar jelas "
                        "unit yang mana."
                    )
                    % {"n": len(ids), "name": name},
                )
        if code and name:
            return (
                None,
                "unor_id",
                _("Unit dengan kode '%(code)s' maupun nama '%(name)s' tidak ditemukan.")
                % {
                    "code": code,
                    "name": name,
                },
            )
        if code:
            return None, "unor_id", _("Unit dengan kode '%(code)s' tidak ditemukan.") % {"code": code}
        if name:
            return None, "unor_nama", _("Unit bernama '%(name)s' tidak ditemukan.") % {"name": name}
        return None, "unor_id", _("Unit kosong; isi kode unit (unor_id) atau nama unit (unor_nama).")


@dataclass(frozen=True)
class NewPosition:
    org_unit_id: int
    name: str
    position_type: str
    functional_level: str


# --- employees -------------------------------------------------------------------------------------

# Employee fields the import writes, in this order everywhere (rows are tuples).
EMPLOYEE_FIELDS = (
    "nip",
    "name",
    "front_title",
    "back_title",
    "birth_place",
    "birth_date",
    "sex",
    "status",
    "golongan",
    "tmt_golongan",
    "tmt_start",
    "org_unit_id",
    "position_id",
    "tmt_position",
    "email_gov",
    "is_active",
    "inactive_reason",
    "inactive_since",
)
# Which file column carries each optional field; a field whose column is absent is left as it is.
FIELD_COLUMN = {
    "front_title": "gelar_depan",
    "back_title": "gelar_belakang",
    "birth_place": "tempat_lahir_nama",
    "birth_date": "tanggal_lahir",
    "sex": "jenis_kelamin",
    "golongan": "gol_akhir_nama",
    "tmt_golongan": "tmt_golongan",
    "tmt_start": "tmt_cpns",
    "position_id": "jabatan_nama",
    "tmt_position": "tmt_jabatan",
    "email_gov": "email_gov",
    "is_active": "kedudukan_hukum_nama",
    "inactive_reason": "kedudukan_hukum_nama",
    "inactive_since": "kedudukan_hukum_nama",
}
ALWAYS = ("nip", "name", "status", "org_unit_id")


@dataclass
class EmployeePlan:
    rows: int = 0
    update_fields: tuple[str, ...] = ()
    creates: list[tuple[Any, ...]] = field(default_factory=list)  # EMPLOYEE_FIELDS order
    updates: list[tuple[Any, ...]] = field(default_factory=list)  # (pk, *update_fields values)
    update_nips: list[str] = field(default_factory=list)  # the NIPs of ``updates``, same order
    unchanged: int = 0
    employee_ids: dict[str, int] = field(default_factory=dict)  # stored employees the plan refers to
    new_positions: dict[tuple[int, str], NewPosition] = field(default_factory=dict)
    # (nip, level, major, graduation year) for the last-education columns of the file
    education: list[tuple[str, str, str, int | None]] = field(default_factory=list)
    education_updates: list[tuple[int, int]] = field(default_factory=list)  # (record pk, graduation year)
    education_unchanged: int = 0


def validate_employees(
    table: Table,
    found: dict[str, str],
    problems: Problems,
    *,
    allowed: set[int] | None,
    today: dt.date,
    progress: Progress | None = None,
) -> EmployeePlan:
    """1. Convert the cells column by column. 2. Per row: the NIP is not a number
    cell and not repeated; the unit is known and writable by this user; an
    existing employee with this NIP is in a unit this user may write; a new
    position can be typed; ``employee_errors`` passes. 3. Compare with the
    database and keep only rows that change."""
    layout = LAYOUTS["employees"]
    cells = read_cells(table, layout, found, problems, today)
    rows = cells.rows
    plan = EmployeePlan(rows=len(rows))
    present = {f for f, c in FIELD_COLUMN.items() if c in found} | set(ALWAYS)
    plan.update_fields = tuple(f for f in EMPLOYEE_FIELDS if f in present and f != "nip")
    status_column = "jenis_pegawai_nama" if "jenis_pegawai_nama" in found else "status_cpns_pns"
    field_columns = {
        "nip": "nip_baru",
        "birth_date": "tanggal_lahir" if "tanggal_lahir" in found else "nip_baru",
        "sex": "jenis_kelamin" if "jenis_kelamin" in found else "nip_baru",
        "status": status_column,
        "golongan": "gol_akhir_nama" if "gol_akhir_nama" in found else status_column,
        "inactive_reason": "kedudukan_hukum_nama",
        "position": "jabatan_nama",
    }

    nips: list[str | None] = cells.values["nip_baru"]
    existing = _existing_employees([n for n in nips if n])
    units = UnitIndex()
    positions: dict[tuple[int, str], int] = {
        (unit_id, _name_key(name)): pk
        for pk, unit_id, name in Position.objects.values_list("id", "org_unit_id", "name")
    }

    def column(name: str) -> list[Any]:
        return cells.values.get(name) or [None] * len(rows)

    names, front, back, place = (
        column("nama"),
        column("gelar_depan"),
        column("gelar_belakang"),
        column("tempat_lahir_nama"),
    )
    birth, sexes, kinds, codes = (
        column("tanggal_lahir"),
        column("jenis_kelamin"),
        column("jenis_pegawai_nama"),
        column("status_cpns_pns"),
    )
    legal, golongan, tmt_gol, tmt_start = (
        column("kedudukan_hukum_nama"),
        column("gol_akhir_nama"),
        column("tmt_golongan"),
        column("tmt_cpns"),
    )
    pos_kind, eselon, pos_name, tmt_pos = (
        column("jenis_jabatan_nama"),
        column("eselon_nama"),
        column("jabatan_nama"),
        column("tmt_jabatan"),
    )
    unit_code, unit_name, email = column("unor_id"), column("unor_nama"), column("email_gov")
    edu_level, edu_major, edu_year = column("tingkat_pendidikan_nama"), column("pendidikan_nama"), column("tahun_lulus")
    has_status = "jenis_pegawai_nama" in found or "status_cpns_pns" in found
    update_index = [EMPLOYEE_FIELDS.index(f) for f in plan.update_fields]
    # itemgetter builds and compares the tuples in C: 100,000 rows × 18 fields adds up.
    all_fields = operator.itemgetter(*EMPLOYEE_FIELDS)
    update_values = _getter(update_index)
    stored_values = _getter([3 + k for k in update_index])
    seen: dict[str, int] = {}
    statuses: dict[tuple[str | None, str | None], str | None] = {}
    add = problems.add

    for i, row in enumerate(rows):
        if progress is not None and i % 5000 == 0:
            progress(i, _("Memeriksa baris"))
        nip = nips[i]
        if nip is None:
            continue  # "wajib diisi" already reported
        if nip in seen:
            add(
                row,
                "nip_baru",
                _("NIP %(nip)s sudah muncul di baris %(row)d; setiap pegawai cukup satu baris.")
                % {"nip": nip, "row": seen[nip]},
            )
            continue
        seen[nip] = row
        current = existing.get(nip)

        unit_id, unit_column, unit_message = units.resolve(unit_code[i], unit_name[i])
        if unit_id is None:
            add(
                row,
                unit_column if unit_column in found else next(c for c in ("unor_id", "unor_nama") if c in found),
                unit_message,
            )
        elif allowed is not None and unit_id not in allowed:
            add(
                row,
                "unor_id" if "unor_id" in found else "unor_nama",
                _("Anda tidak berwenang mengelola pegawai di unit %(unit)s.") % {"unit": units.names[unit_id]},
            )
            unit_id = None
        if current is not None and allowed is not None and current[2] not in allowed:
            add(
                row,
                "nip_baru",
                _("Pegawai NIP %(nip)s terdaftar di unit lain yang bukan wewenang Anda.") % {"nip": nip},
            )
            continue

        status_key = (kinds[i], codes[i])
        status = statuses.get(status_key, "?")
        if status == "?":
            status = statuses[status_key] = convert.employee_status(*status_key) if has_status else None
        if status is None:
            raw = kinds[i] or codes[i]
            add(
                row,
                status_column,
                _("Jenis pegawai '%(value)s' tidak dikenal; isi PNS, CPNS atau PPPK.") % {"value": raw}
                if raw
                else _("Status kepegawaian kosong; isi PNS, CPNS atau PPPK."),
            )

        info = None
        if birth[i] is None or sexes[i] is None:
            with contextlib.suppress(NipError):  # employee_errors reports it
                info = parse_nip(nip, today=today)
        legal_value = legal[i] if "kedudukan_hukum_nama" in found else None
        values: dict[str, Any] = {
            "nip": nip,
            "name": names[i],
            "front_title": front[i] or "",
            "back_title": back[i] or "",
            "birth_place": place[i] or "",
            "birth_date": birth[i] or (info.birth_date if info else None),
            "sex": sexes[i] or (info.sex if info else None),
            "status": status,
            "golongan": golongan[i] or "",
            "tmt_golongan": tmt_gol[i],
            "tmt_start": tmt_start[i],
            "org_unit_id": unit_id,
            "position_id": None,
            "tmt_position": tmt_pos[i],
            "email_gov": email[i] or "",
            "is_active": legal_value[0] if legal_value else True,
            "inactive_reason": legal_value[1] if legal_value else "",
            "inactive_since": None,
        }
        if current is not None:
            # Fields the file does not carry keep their stored value, also for the rule check.
            for f in EMPLOYEE_FIELDS:
                if f not in present and f not in ("birth_date", "sex"):
                    values[f] = current[3 + EMPLOYEE_FIELDS.index(f)]
            if legal_value and not legal_value[0]:
                values["inactive_since"] = current[3 + EMPLOYEE_FIELDS.index("inactive_since")]

        if "jabatan_nama" in found and pos_name[i] and unit_id is not None:
            key = (unit_id, _name_key(pos_name[i]))
            position_id: Any = positions.get(key)
            if position_id is None:
                new = plan.new_positions.get(key)
                if new is None:
                    new, where, message = _new_position(unit_id, pos_name[i], pos_kind[i], eselon[i], found, units)
                    if new is None:
                        add(row, where, message)
                    else:
                        plan.new_positions[key] = new
                position_id = key if new is not None else None
            values["position_id"] = position_id

        if edu_level[i] is None and (edu_major[i] or edu_year[i]) and "tingkat_pendidikan_nama" in found:
            add(row, "tingkat_pendidikan_nama", _("Jenjang pendidikan kosong padahal jurusan atau tahun lulus diisi."))
        elif edu_level[i] is not None:
            plan.education.append((nip, edu_level[i], edu_major[i] or "", edu_year[i]))

        # employee_errors checks the NIP and how it agrees with birth date, sex and
        # status, the golongan, and the inactive reason. The position is always
        # one of the row's own unit here, so its unit check cannot fail.
        for name, messages in employee_errors(values, today=today).items():
            if status is None and name in ("status", "golongan"):
                continue  # the unknown status is already reported
            for text in messages:
                add(row, field_columns.get(name, "nip_baru"), text)

        if row in problems.rows:
            continue
        as_tuple = all_fields(values)
        if current is None:
            plan.creates.append(as_tuple)
        else:
            new_values = update_values(as_tuple)
            if new_values != stored_values(current):
                plan.updates.append((current[0], *new_values))
                plan.update_nips.append(nip)
            else:
                plan.unchanged += 1
    if progress is not None:
        progress(len(rows), _("Memeriksa baris"))
    if not problems:
        _plan_education(plan, existing)
    return plan


def _getter(indexes: list[int]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """``itemgetter`` that always returns a tuple, even for one index."""
    if len(indexes) == 1:
        index = indexes[0]
        return lambda values: (values[index],)
    return operator.itemgetter(*indexes)


def _existing_employees(nips: list[str]) -> dict[str, tuple[Any, ...]]:
    """``{nip: (pk, nip, org_unit_id, *EMPLOYEE_FIELDS values)}`` for the NIPs already stored.

    A file that covers much of the table reads the whole table in one pass;
    a small file asks for its NIPs in chunks."""
    fields = ("id", "nip", "org_unit_id", *EMPLOYEE_FIELDS)
    found: dict[str, tuple[Any, ...]] = {}
    if Employee.objects.count() <= 2 * len(nips):
        wanted = set(nips)
        for values in select_all(Employee, fields):
            if values[1] in wanted:
                found[values[1]] = values
        return found
    for chunk in _chunks(nips):
        for values in Employee.objects.filter(nip__in=chunk).order_by().values_list(*fields):
            found[values[1]] = values
    return found


def _new_position(
    unit_id: int, name: str, kind: str | None, eselon: str | None, found: dict[str, str], units: UnitIndex
) -> tuple[NewPosition | None, str, str]:
    unit = units.names[unit_id]
    if kind is None:
        return (
            None,
            "jenis_jabatan_nama" if "jenis_jabatan_nama" in found else "jabatan_nama",
            _(
                "Jabatan '%(name)s' belum ada di %(unit)s; isi jenis_jabatan_nama (Struktural, Fungsional atau "
                "Pelaksana) agar jabatan dapat dibuat."
            )
            % {"name": name, "unit": unit},
        )
    if kind == "struktural":
        if eselon is None:
            return (
                None,
                "eselon_nama" if "eselon_nama" in found else "jenis_jabatan_nama",
                _(
                    "Jabatan struktural '%(name)s' belum ada di %(unit)s; isi eselon_nama (mis. III.a) agar jenis "
                    "jabatannya diketahui."
                )
                % {"name": name, "unit": unit},
            )
        return NewPosition(unit_id, name, eselon, ""), "", ""
    if kind == "fungsional":
        return NewPosition(unit_id, name, "fungsional", convert.functional_level(name)), "", ""
    return NewPosition(unit_id, name, "pelaksana", ""), "", ""


def _plan_education(plan: EmployeePlan, existing: dict[str, tuple[Any, ...]]) -> None:
    """The last-education columns: a record with the same level and major (any school) is the
    same record; only its graduation year may change. Anything else is a new record."""
    if not plan.education:
        return
    employee_ids = {existing[item[0]][0] for item in plan.education if item[0] in existing}
    stored: dict[tuple[int, str, str], tuple[int, int | None]] = {}
    fields = ("id", "employee_id", "level", "major", "graduation_year")
    if not employee_ids:
        rows: Iterable[tuple[Any, ...]] = ()
    elif len(employee_ids) * 2 >= Employee.objects.count():
        rows = (row for row in select_all(EducationRecord, fields) if row[1] in employee_ids)
    else:
        rows = (
            row
            for chunk in _chunks(sorted(employee_ids))
            for row in EducationRecord.objects.filter(employee_id__in=chunk).values_list(*fields)
        )
    for pk, employee_id, level, major, year in rows:
        stored.setdefault((employee_id, level, major.casefold()), (pk, year))
    keep: list[tuple[str, str, str, int | None]] = []
    for nip, level, major, year in plan.education:
        current = existing.get(nip)
        if current is not None:
            plan.employee_ids[nip] = current[0]
        match = stored.get((current[0], level, major.casefold())) if current else None
        if match is None:
            keep.append((nip, level, major, year))
        elif year is not None and match[1] != year:
            plan.education_updates.append((match[0], year))
        else:
            plan.education_unchanged += 1
    plan.education = keep


# --- histories -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistorySpec:
    model: type[Model]
    key_fields: tuple[str, ...]
    value_fields: tuple[str, ...]
    build: Callable[[Callable[[str], Any], Callable[[str, str], None]], dict[str, Any] | None]


def _build_education(get: Callable[[str], Any], error: Callable[[str, str], None]) -> dict[str, Any] | None:
    return {
        "level": get("tingkat_pendidikan_nama"),
        "institution": get("nama_sekolah") or "",
        "major": get("pendidikan_nama") or "",
        "graduation_year": get("tahun_lulus"),
    }


def _build_training(get: Callable[[str], Any], error: Callable[[str, str], None]) -> dict[str, Any] | None:
    start, end = get("tanggal_mulai"), get("tanggal_selesai") or get("tanggal_mulai")
    hours = get("jumlah_jam")
    if start and end and end < start:
        error(
            "tanggal_selesai",
            _("Tanggal selesai %(end)s sebelum tanggal mulai %(start)s.")
            % {"end": end.strftime("%d-%m-%Y"), "start": start.strftime("%d-%m-%Y")},
        )
    if hours is not None and not 0 <= hours < 10000:
        error("jumlah_jam", _("Jumlah JP harus antara 0 dan 9999."))
    return {
        "kind": get("jenis_diklat"),
        "name": get("nama_diklat"),
        "organizer": get("penyelenggara") or "",
        "start_date": start,
        "end_date": end,
        "hours_jp": Decimal(str(round(hours, 2))) if hours is not None else None,
        "certificate_number": get("nomor_sertifikat") or "",
        "leadership_level": get("tingkat_diklat_kepemimpinan") or "",
    }


def _build_sanction(get: Callable[[str], Any], error: Callable[[str, str], None]) -> dict[str, Any] | None:
    start, end = get("tmt_hukuman"), get("akhir_hukuman")
    if start and end and end < start:
        error(
            "akhir_hukuman",
            _("Tanggal akhir hukuman %(end)s sebelum tanggal mulainya %(start)s.")
            % {"end": end.strftime("%d-%m-%Y"), "start": start.strftime("%d-%m-%Y")},
        )
    return {
        "level": get("tingkat_hukuman"),
        "kind": get("jenis_hukuman"),
        "decree_number": get("nomor_sk") or "",
        "start_date": start,
        "end_date": end,
    }


def _build_performance(get: Callable[[str], Any], error: Callable[[str, str], None]) -> dict[str, Any] | None:
    return {"year": get("tahun"), "predikat": get("predikat")}


HISTORIES: dict[str, HistorySpec] = {
    EDUCATION: HistorySpec(EducationRecord, ("level", "institution", "major"), ("graduation_year",), _build_education),
    TRAINING: HistorySpec(
        TrainingRecord,
        ("kind", "name", "start_date"),
        ("organizer", "end_date", "hours_jp", "certificate_number", "leadership_level"),
        _build_training,
    ),
    SANCTIONS: HistorySpec(
        SanctionRecord, ("level", "start_date"), ("kind", "decree_number", "end_date"), _build_sanction
    ),
    PERFORMANCE: HistorySpec(PerformanceRecord, ("year",), ("predikat",), _build_performance),
}


@dataclass
class HistoryPlan:
    rows: int = 0
    fields: tuple[str, ...] = ()  # employee_id, *key_fields, *value_fields
    value_fields: tuple[str, ...] = ()
    creates: list[tuple[Any, ...]] = field(default_factory=list)
    updates: list[tuple[Any, ...]] = field(default_factory=list)  # (pk, *value_fields values)
    unchanged: int = 0


def validate_history(
    kind: str,
    table: Table,
    found: dict[str, str],
    problems: Problems,
    *,
    allowed: set[int] | None,
    today: dt.date,
    progress: Progress | None = None,
) -> HistoryPlan:
    """1. Convert the cells. 2. Per row: the NIP belongs to a stored employee this
    user may write; the row's own checks (dates in order, JP in range) pass; its
    key (see the layout) does not repeat in the file. 3. Compare with the
    employee's stored records by key: create, update or leave unchanged."""
    layout = LAYOUTS[kind]
    spec = HISTORIES[kind]
    cells = read_cells(table, layout, found, problems, today)
    rows = cells.rows
    plan = HistoryPlan(
        rows=len(rows), fields=("employee_id", *spec.key_fields, *spec.value_fields), value_fields=spec.value_fields
    )
    nips: list[str | None] = cells.values["nip_baru"]
    employees: dict[str, tuple[int, int]] = {}
    for chunk in _chunks(sorted({n for n in nips if n})):
        for pk, nip, unit_id in Employee.objects.filter(nip__in=chunk).values_list("id", "nip", "org_unit_id"):
            employees[nip] = (pk, unit_id)
    planned: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        if progress is not None and i % 5000 == 0:
            progress(i, _("Memeriksa baris"))
        nip = nips[i]
        if nip is None:
            continue
        employee = employees.get(nip)
        if employee is None:
            try:
                parse_nip(nip, today=today)
            except NipError as exc:
                problems.add(row, "nip_baru", exc.message)
                continue
            problems.add(
                row,
                "nip_baru",
                _("Pegawai dengan NIP %(nip)s belum terdaftar; impor data pegawainya dulu.") % {"nip": nip},
            )
            continue
        if allowed is not None and employee[1] not in allowed:
            problems.add(
                row, "nip_baru", _("Pegawai NIP %(nip)s terdaftar di unit yang bukan wewenang Anda.") % {"nip": nip}
            )
            continue

        def get(name: str, i: int = i) -> Any:
            values = cells.values.get(name)
            return values[i] if values is not None else None

        def error(column: str, message: str, row: int = row) -> None:
            problems.add(row, column, message)

        values = spec.build(get, error)
        if values is None or row in problems.rows:
            continue
        key = (employee[0], *(values[k] for k in spec.key_fields))
        if key in planned:
            problems.add(
                row,
                "",
                _("Baris ini sama dengan baris %(row)d untuk NIP %(nip)s.") % {"row": planned[key][0], "nip": nip},
            )
            continue
        planned[key] = (row, values)
    if progress is not None:
        progress(len(rows), _("Memeriksa baris"))
    if problems:
        return plan
    stored: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    employee_ids = sorted({key[0] for key in planned})
    for chunk in _chunks(employee_ids):
        for values in spec.model._default_manager.filter(employee_id__in=chunk).values_list(
            "id", "employee_id", *spec.key_fields, *spec.value_fields
        ):
            stored[tuple(values[1 : 2 + len(spec.key_fields)])] = values
    for key, (_row, values) in planned.items():
        new_values = tuple(values[f] for f in spec.value_fields)
        current = stored.get(key)
        if current is None:
            plan.creates.append((*key, *new_values))
        elif tuple(current[2 + len(spec.key_fields) :]) != new_values:
            plan.updates.append((current[0], *new_values))
        else:
            plan.unchanged += 1
    return plan
