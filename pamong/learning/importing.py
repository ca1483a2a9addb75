"""Importing a batch's attendance from XLSX (all or nothing).

The file's first sheet, headers in row 1 (case and spaces ignored):

- ``nip_baru`` (or ``nip``) * — the participant's 18-digit NIP, typed as text;
- ``sesi`` * — the session's number in the batch agenda (1 = the first, as in the batch report);
- ``hadir`` * — ``ya``/``hadir``/``1`` or ``tidak``/``0``;
- ``alasan`` — why attendance is recorded from a file (default: "Impor presensi dari <berkas>").

Every row is checked first; any error rejects the whole file, each error naming its row and
column in Indonesian. A valid file is written in one transaction with one audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from .models import Batch, Enrolment, Session

YES = {"ya", "y", "hadir", "1", "true", "benar"}
NO = {"tidak", "t", "tidak hadir", "0", "false", "salah", "absen"}
COLUMNS = {"nip_baru": ("nip_baru", "nip"), "sesi": ("sesi", "session"), "hadir": ("hadir",), "alasan": ("alasan",)}
REQUIRED = ("nip_baru", "sesi", "hadir")


class FileError(ValueError):
    pass


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def text(self) -> str:
        if self.column:
            return _("Baris %(row)d, kolom %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Baris %(row)d: %(message)s") % {"row": self.row, "message": self.message}


@dataclass(frozen=True)
class AttendanceRow:
    enrolment: Enrolment
    session: Session
    present: bool
    reason: str


@dataclass
class AttendancePlan:
    rows: list[AttendanceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def read_sheet(path: Path) -> list[list[Any]]:
    """The first sheet's cells; strings stay strings, numbers come back as floats."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:
        raise FileError(_("Berkas %(name)s tidak dapat dibaca sebagai XLSX.") % {"name": path.name}) from exc


def _header_map(headers: list[Any]) -> tuple[dict[str, int], dict[str, str]]:
    """``{canonical: column index}`` and ``{canonical: header as written}``."""
    found: dict[str, int] = {}
    written: dict[str, str] = {}
    for index, header in enumerate(headers):
        text = str(header or "").strip()
        key = text.lower().replace(" ", "_")
        for canonical, aliases in COLUMNS.items():
            if key in aliases and canonical not in found:
                found[canonical] = index
                written[canonical] = text
    return found, written


def plan_attendance(batch: Batch, cells: list[list[Any]], *, file_name: str) -> AttendancePlan:
    """Check every row against the batch; return what to write, or every error."""
    plan = AttendancePlan()
    if not cells:
        raise FileError(_("Berkas kosong."))
    found, written = _header_map(cells[0])
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise FileError(
            _("Kolom wajib tidak ditemukan: %(missing)s. Kolom di berkas: %(headers)s.")
            % {"missing": ", ".join(missing), "headers": ", ".join(str(h) for h in cells[0] if h not in (None, ""))}
        )
    sessions = list(Session.objects.filter(batch=batch))
    participants = {
        e.employee.nip: e for e in Enrolment.objects.filter(batch=batch).confirmed().select_related("employee")
    }
    default_reason = _("Impor presensi dari %(name)s") % {"name": file_name}
    seen: dict[tuple[int, int], int] = {}
    for number, row in enumerate(cells[1:], start=2):
        if all(cell in (None, "") for cell in row):
            continue

        def cell(name: str, row: list[Any] = row) -> Any:
            index = found.get(name)
            return row[index] if index is not None and index < len(row) else ""

        errors_before = len(plan.errors)
        nip = cell("nip_baru")
        enrolment = None
        if isinstance(nip, float | int):
            plan.errors.append(
                RowError(
                    number,
                    written["nip_baru"],
                    _("NIP diketik sebagai angka dan kehilangan digit; ketik sebagai teks."),
                )
            )
        else:
            nip_text = str(nip).strip()
            if len(nip_text) != 18 or not nip_text.isdigit():
                plan.errors.append(RowError(number, written["nip_baru"], _("NIP harus 18 digit angka.")))
            else:
                enrolment = participants.get(nip_text)
                if enrolment is None:
                    plan.errors.append(
                        RowError(
                            number,
                            written["nip_baru"],
                            _("NIP %(nip)s bukan peserta terkonfirmasi angkatan ini.") % {"nip": nip_text},
                        )
                    )
        raw_session = cell("sesi")
        session = None
        try:
            index = int(float(str(raw_session).strip()))
            if float(str(raw_session).strip()) != index:
                raise ValueError
        except ValueError:
            plan.errors.append(RowError(number, written["sesi"], _("Nomor sesi harus bilangan bulat.")))
        else:
            if 1 <= index <= len(sessions):
                session = sessions[index - 1]
            else:
                plan.errors.append(
                    RowError(
                        number,
                        written["sesi"],
                        _("Sesi %(n)s tidak ada; angkatan ini punya %(total)d sesi.")
                        % {"n": index, "total": len(sessions)},
                    )
                )
        raw_present = str(cell("hadir")).strip().lower()
        if raw_present.endswith(".0"):
            raw_present = raw_present[:-2]
        if raw_present in YES:
            present = True
        elif raw_present in NO:
            present = False
        else:
            plan.errors.append(
                RowError(number, written["hadir"], _("Isi dengan \u201cya\u201d atau \u201ctidak\u201d."))
            )
            present = False
        if len(plan.errors) == errors_before and enrolment is not None and session is not None:
            key = (enrolment.pk, session.pk)
            if key in seen:
                plan.errors.append(
                    RowError(
                        number, "", _("Peserta dan sesi yang sama sudah ada di baris %(row)d.") % {"row": seen[key]}
                    )
                )
                continue
            seen[key] = number
            reason = str(cell("alasan") or "").strip() or default_reason
            plan.rows.append(AttendanceRow(enrolment, session, present, reason[:300]))
    return plan
