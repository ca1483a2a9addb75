"""The import service: read, check the whole file, then write it in one transaction.

Views, the background task and ``pamong import_employees`` all call
:func:`import_file`. A file with any error writes nothing. A valid file
upserts by NIP (histories by their key) and writes only rows whose values
change, so importing the same file twice changes nothing the second time.
One audit entry records the batch (``people.employee.imported``, or
``people.<history>.imported``, with the file name and the counts).

simple_history sees none of the bulk writes; :mod:`.writing` adds the
historical rows itself: a '~' row for every employee the import changes and
for every position it creates. Employees it creates get no '+' row (see
``RECORD_CREATED_HISTORY``): the batch audit entry is their record.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from pamong.accounts.scope import scope_for
from pamong.core.audit import audit_record
from pamong.core.models import Source

from ..access import can_write_people, writable_unit_ids
from ..models import EducationRecord, Employee, Position
from . import writing
from .columns import EMPLOYEES, LAYOUTS, mapping_errors, match_headers, missing_columns
from .reading import ReadError, Table, read_table
from .reading import number_cells as find_number_cells
from .validate import (
    EMPLOYEE_FIELDS,
    HISTORIES,
    EmployeePlan,
    HistoryPlan,
    Problems,
    RowError,
    flag_number_cells,
    validate_employees,
    validate_history,
)

# progress(done, total, message)
Progress = Callable[[int, int, str], None]

# simple_history rows for employees the import *creates*. Off: one INSERT … SELECT of 100,000
# historical rows cost 1.3 s on SQLite and 3.5 s on PostgreSQL (12 indexes on the history
# table), 20% of the PostgreSQL import, and the batch audit entry (file, actor, counts) already
# records the creation. Employees the import *changes* always get their '~' row.
RECORD_CREATED_HISTORY = False
AUDIT_ACTIONS = {
    "employees": "people.employee.imported",
    "education": "people.education.imported",
    "training": "people.training.imported",
    "sanctions": "people.sanction.imported",
    "performance": "people.performance.imported",
}


@dataclass
class ImportResult:
    """What an import found and did; stored as JSON on a job or in the session."""

    kind: str
    name: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    positions_created: int = 0
    education_created: int = 0
    education_updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    missing_columns: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # canonical name → the file's header
    dry_run: bool = False
    written: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.missing_columns

    @property
    def needs_mapping(self) -> bool:
        return bool(self.missing_columns)

    @property
    def rows_with_errors(self) -> int:
        return len({e.row for e in self.errors if e.row is not None})

    def fail(self, message: str, *, row: int | None = None, column: str = "") -> ImportResult:
        self.errors.append(RowError(row, column, message))
        self.error_count = len(self.errors)
        return self

    def to_dict(self, *, max_errors: int | None = None) -> dict[str, Any]:
        data = asdict(self)
        errors = self.errors if max_errors is None else self.errors[:max_errors]
        data["errors"] = [[e.row, e.column, e.message] for e in errors]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportResult:
        values = dict(data)
        values["errors"] = [RowError(row, column, message) for row, column, message in data.get("errors", [])]
        return cls(**values)


def import_file(
    *,
    actor: Any,
    path: Path,
    kind: str,
    mapping: dict[str, str] | None = None,
    name: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
    report_path: Path | None = None,
    source: str = Source.IMPORT,
) -> ImportResult:
    """Import one file of ``kind`` (see :mod:`pamong.people.importing`) as ``actor``.

    1. Read every cell as text. 2. Match the headers (or apply ``mapping``); stop
    if a required column is missing. 3. Validate every row; stop with every
    error (and write ``report_path``) if there is any. 4. Unless ``dry_run``,
    write the plan and one audit entry in one transaction.

    ``actor`` None is the system (the command line without ``--actor``): every
    unit. Otherwise the actor must be able to write people, and only into the
    units they may write."""
    started = time.perf_counter()
    layout = LAYOUTS[kind]
    if actor is not None and not can_write_people(actor):
        raise PermissionDenied
    name = name or path.name
    result = ImportResult(kind=kind, name=name, dry_run=dry_run)
    report = progress or (lambda done, total, message: None)
    report(0, 0, _("Membaca berkas"))
    try:
        table = read_table(path, name=name)
    except ReadError as exc:
        return result.fail(exc.message)
    found = match_headers(layout, table.headers, mapping)
    result.rows, result.headers, result.columns = table.height, table.headers, found
    if mapping:
        for message in mapping_errors(layout, mapping, table.headers):
            result.fail(message)
    result.missing_columns = missing_columns(layout, found)
    if result.missing_columns or result.errors:
        result.error_count = len(result.errors)
        return result
    if table.height == 0:
        return result.fail(_("Berkas %(name)s tidak berisi baris data di bawah judul kolom.") % {"name": name})
    problems = Problems(found)
    today = timezone.localdate()
    total = table.height * 2  # checking is the first half of the work, writing the second
    # Looking for NIP cells stored as numbers reads the sheet XML again; it runs
    # beside the row checks (decompression releases the GIL) and joins them after.
    with ThreadPoolExecutor(max_workers=1) as pool:
        number_cells = pool.submit(find_number_cells, path, table, found["nip_baru"])
        plan = _validate(kind, table, found, problems, actor, report, total)
        flag_number_cells(problems, table, found["nip_baru"], number_cells.result(), today)

    if problems:
        result.errors = problems.sorted()
        result.error_count = len(result.errors)
        if report_path is not None:
            from .report import write_error_report

            write_error_report(report_path, table, result.errors)
        result.seconds = round(time.perf_counter() - started, 3)
        return result

    result.created, result.updated, result.unchanged = len(plan.creates), len(plan.updates), plan.unchanged
    if isinstance(plan, EmployeePlan):
        result.positions_created = len(plan.new_positions)
        result.education_created, result.education_updated = len(plan.education), len(plan.education_updates)
    if not dry_run:
        report(table.height, total, _("Menyimpan"))
        _write(kind, plan, result, actor=actor, source=source)
        result.written = True
    report(total, total, _("Selesai"))
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _validate(
    kind: str, table: Table, found: dict[str, str], problems: Problems, actor: Any, report: Progress, total: int
) -> EmployeePlan | HistoryPlan:
    allowed = None if actor is None else writable_unit_ids(scope_for(actor))
    today = timezone.localdate()

    def checking(done: int, message: str) -> None:
        report(done, total, message)

    if kind == EMPLOYEES:
        return validate_employees(table, found, problems, allowed=allowed, today=today, progress=checking)
    return validate_history(kind, table, found, problems, allowed=allowed, today=today, progress=checking)


def check_headers(*, path: Path, kind: str, name: str = "", mapping: dict[str, str] | None = None) -> ImportResult:
    """Only read the file and match its headers: enough to decide on the mapping step."""
    layout = LAYOUTS[kind]
    result = ImportResult(kind=kind, name=name or path.name)
    try:
        table: Table = read_table(path, name=result.name)
    except ReadError as exc:
        return result.fail(exc.message)
    found = match_headers(layout, table.headers, mapping)
    result.rows, result.headers, result.columns = table.height, table.headers, found
    result.missing_columns = missing_columns(layout, found)
    return result


@transaction.atomic
def _write(kind: str, plan: EmployeePlan | HistoryPlan, result: ImportResult, *, actor: Any, source: str) -> None:
    when = timezone.now()
    with writing.bulk_session():
        if isinstance(plan, EmployeePlan):
            _write_employees(plan, actor=actor, when=when, reason=f"impor {result.name}")
        else:
            model = HISTORIES[kind].model
            writing.insert_rows(model, plan.fields, plan.creates, when=when)
            writing.update_rows(model, plan.value_fields, plan.updates)
    changes: dict[str, Any] = {
        "file": result.name,
        "kind": kind,
        "rows": result.rows,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
    }
    if isinstance(plan, EmployeePlan):
        changes |= {
            "positions_created": result.positions_created,
            "education_created": result.education_created,
            "education_updated": result.education_updated,
        }
    audit_record(
        actor=actor,
        action=AUDIT_ACTIONS[kind],
        source=source,
        object_type="people.import",
        object_repr=result.name[:300],
        changes=changes,
    )


def _write_employees(plan: EmployeePlan, *, actor: Any, when: dt.datetime, reason: str) -> None:
    """1. Create the new positions (with their history). 2. Insert new employees,
    update changed ones. 3. Record their simple_history rows. 4. Add or update
    the last-education records."""
    position_ids: dict[Any, int] = {}
    if plan.new_positions:
        new = [
            Position(
                org_unit_id=p.org_unit_id,
                name=p.name,
                position_type=p.position_type,
                functional_level=p.functional_level,
            )
            for p in plan.new_positions.values()
        ]
        created = bulk_create_with_history(
            new,
            Position,
            batch_size=500,
            default_user=actor if getattr(actor, "pk", None) else None,
            default_change_reason=reason[:100],
            default_date=when,
        )
        by_unit_name = {(p.org_unit_id, p.name): p.pk for p in created}
        for key, p in plan.new_positions.items():
            position_ids[key] = by_unit_name[(p.org_unit_id, p.name)]

    position_index = EMPLOYEE_FIELDS.index("position_id")
    stamp = writing.db_datetime(when)  # updated_at of every row this import changes

    def resolved(values: tuple[Any, ...], index: int) -> tuple[Any, ...]:
        value = values[index]
        if isinstance(value, tuple):
            return (*values[:index], position_ids[value], *values[index + 1 :])
        return values

    # In NIP order the unique index grows at its right edge instead of splitting pages all over.
    creates = sorted(resolved(row, position_index) for row in plan.creates)
    writing.insert_rows(Employee, EMPLOYEE_FIELDS, creates, when=when)
    del creates
    if plan.updates:
        update_position = 1 + plan.update_fields.index("position_id") if "position_id" in plan.update_fields else None
        updates = [
            (*(resolved(row, update_position) if update_position is not None else row), stamp) for row in plan.updates
        ]
        writing.update_rows(Employee, (*plan.update_fields, "updated_at"), updates)
        del updates

    keys = [(row[0], "c") for row in plan.creates] + [(nip, "u") for nip in plan.update_nips]
    if keys:
        writing.stage_keys(keys)
        writing.record_history(
            Employee,
            when=when,
            user_id=getattr(actor, "pk", None),
            reason=reason,
            ops=("c", "u") if RECORD_CREATED_HISTORY else ("u",),
        )
        new_ids = writing.created_ids(Employee) if plan.creates else {}
        writing.drop_keys()
    else:
        new_ids = {}

    if plan.education:
        rows = [
            (plan.employee_ids.get(nip) or new_ids[nip], level, "", major, year)
            for nip, level, major, year in plan.education
        ]
        fields = ("employee_id", "level", "institution", "major", "graduation_year")
        writing.insert_rows(EducationRecord, fields, rows, when=when)
    writing.update_rows(EducationRecord, ("graduation_year",), plan.education_updates)


def import_folder() -> Path:
    """Where uploads and error reports are kept: ``MEDIA_ROOT/imports``, random file names."""
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def purge_import_files(*, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    """Delete uploads and error reports older than ``older_than``; they hold personal data
    and are only needed while the user looks at the result. For a periodic command."""
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for path in import_folder().iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
