"""Exporting employees in SIASN's column names: the layout the import reads.

An exported file imports back unchanged, so it doubles as a backup of the
master data and as the starting point for a bulk correction.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .. import reference
from ..models import STRUCTURAL_TYPES, EducationRecord, Employee, EmployeeStatus, OrgUnit, PositionType
from .columns import EMPLOYEE_LAYOUT

HEADERS = [c.name for c in EMPLOYEE_LAYOUT.columns]
DATE_COLUMNS = {c.name for c in EMPLOYEE_LAYOUT.columns if c.type == "date"}

STATUS_TEXT: dict[str, str] = {EmployeeStatus.PNS: "PNS", EmployeeStatus.CPNS: "CPNS", EmployeeStatus.PPPK: "PPPK"}
STATUS_CODE: dict[str, str] = {EmployeeStatus.PNS: "P", EmployeeStatus.CPNS: "C", EmployeeStatus.PPPK: ""}
LEGAL_TEXT = {
    "": "Aktif",
    "retired": "Pensiun",
    "moved": "Pindah",
    "deceased": "Meninggal",
    "dismissed": "Diberhentikan",
    "other": "Lainnya",
}


def _position_kind(position_type: str) -> str:
    if position_type in STRUCTURAL_TYPES:
        return "Struktural"
    if position_type == PositionType.FUNGSIONAL:
        return "Fungsional"
    return "Pelaksana" if position_type else ""


def _last_education(employee_ids: list[int]) -> dict[int, tuple[str, str, int | None]]:
    """The highest level per employee (then the latest year): (label, major, year)."""
    best: dict[int, tuple[int, int, str, str, int | None]] = {}
    for employee_id, level, major, year in EducationRecord.objects.filter(employee_id__in=employee_ids).values_list(
        "employee_id", "level", "major", "graduation_year"
    ):
        rank = (reference.EDUCATION_LEVELS.index(level), year or 0)
        current = best.get(employee_id)
        if current is None or rank > current[:2]:
            best[employee_id] = (*rank, reference.EDUCATION_LABELS[level], major, year)
    return {k: v[2:] for k, v in best.items()}


def employee_rows(unit: OrgUnit | None = None, *, chunk: int = 2000) -> Iterator[dict[str, Any]]:
    """Every employee (of ``unit``'s subtree, if given) as a dict of SIASN columns."""
    employees = Employee.objects.select_related("org_unit", "position").order_by("org_unit__code", "nip")
    if unit is not None:
        employees = employees.in_subtree(unit)
    batch: list[Employee] = []

    def flush() -> Iterator[dict[str, Any]]:
        education = _last_education([e.pk for e in batch])
        for e in batch:
            level, major, year = education.get(e.pk, ("", "", None))
            position = e.position
            yield {
                "nip_baru": e.nip,
                "nama": e.name,
                "gelar_depan": e.front_title,
                "gelar_belakang": e.back_title,
                "tempat_lahir_nama": e.birth_place,
                "tanggal_lahir": e.birth_date,
                "jenis_kelamin": e.sex,
                "jenis_pegawai_nama": STATUS_TEXT.get(e.status, e.status),
                "status_cpns_pns": STATUS_CODE.get(e.status, ""),
                "kedudukan_hukum_nama": LEGAL_TEXT.get(e.inactive_reason, "") if not e.is_active else "Aktif",
                "gol_akhir_nama": e.golongan,
                "tmt_golongan": e.tmt_golongan,
                "tmt_cpns": e.tmt_start,
                "jenis_jabatan_nama": _position_kind(position.position_type) if position else "",
                "eselon_nama": position.eselon if position else "",
                "jabatan_nama": position.name if position else "",
                "tmt_jabatan": e.tmt_position,
                "unor_id": e.org_unit.code,
                "unor_nama": e.org_unit.name,
                "email_gov": e.email_gov,
                "tingkat_pendidikan_nama": level,
                "pendidikan_nama": major,
                "tahun_lulus": year,
            }

    for employee in employees.iterator(chunk_size=chunk):
        batch.append(employee)
        if len(batch) >= chunk:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def export_employees(path: Path, *, unit: OrgUnit | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Write ``path`` (.xlsx or .csv) and return the number of employees written."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _write_xlsx(path, employee_rows(unit), progress)
    if suffix == ".csv":
        return _write_csv(path, employee_rows(unit), progress)
    raise ValueError(suffix)


def _write_xlsx(path: Path, rows: Iterator[dict[str, Any]], progress: Callable[[int], None] | None) -> int:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("data")
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": "dd-mm-yyyy"})
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, HEADERS, bold)
    sheet.set_column(0, 0, 20, text)
    count = 0
    for count, row in enumerate(rows, start=1):
        for c, header in enumerate(HEADERS):
            value = row[header]
            if value is None or value == "":
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(count, c, dt.datetime(value.year, value.month, value.day), date)
            elif isinstance(value, int):
                sheet.write_number(count, c, value)
            else:
                sheet.write_string(count, c, value, text if header == "nip_baru" else None)
        if progress is not None and count % 1000 == 0:
            progress(count)
    workbook.close()
    return count


def _write_csv(path: Path, rows: Iterator[dict[str, Any]], progress: Callable[[int], None] | None) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for count, row in enumerate(rows, start=1):
            writer.writerow(
                [
                    row[h].strftime("%d-%m-%Y") if isinstance(row[h], dt.date) else ("" if row[h] is None else row[h])
                    for h in HEADERS
                ]
            )
            if progress is not None and count % 1000 == 0:
                progress(count)
    return count
