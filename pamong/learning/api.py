"""The learning API: programmes, batches, enrolment, attendance, results and the JP ledger.

Scoped exactly like the web: every query starts from ``pamong.learning.access``; not found
and not allowed are the same 404; writes go through the services with ``source=api``.
Mounted by ``pamong.api`` with ``api.add_router("", learning_router)``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from pamong.accounts.api import AUTH_ERRORS, ErrorOut, PageQuery, page_of
from pamong.core.models import Source
from pamong.people.access import employees_visible_to, get_unit_for_user

from . import services
from .access import (
    NOMINATE,
    RUN,
    batches_visible_to,
    enrolments_visible_in,
    get_batch_for_user,
    get_ledger_employee,
    get_programme_for_user,
    nominable_employees,
    programmes_visible_to,
)
from .ledger import employee_year, unit_compliance
from .models import Attendance, BatchStatus, Enrolment
from .results import batch_results, missing_texts

router = Router(tags=["pembelajaran"])

READ_ERRORS = {**AUTH_ERRORS, 422: ErrorOut}
DETAIL_ERRORS = {**AUTH_ERRORS, 404: ErrorOut}
WRITE_ERRORS = {**AUTH_ERRORS, 404: ErrorOut, 422: ErrorOut}


def _user(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]


# --- Programmes ---------------------------------------------------------------------------------------------


class ProgrammeOut(Schema):
    id: int
    title: str
    description: str
    goals: str
    kind: str
    route: str
    competency_type: str
    target_position_types: list[str]
    hours_jp: Decimal | None
    value_framework: str
    owner_unit_id: int
    is_active: bool


class ProgrammeList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProgrammeOut]


@router.get("/learning/programmes", response={200: ProgrammeList, **READ_ERRORS}, summary="Daftar program")
def programme_list(request: HttpRequest, page: Query[PageQuery]) -> dict[str, Any]:
    """Programmes in the catalogue (for BKD, operators, leaders and facilitators; empty for others)."""
    return page_of(programmes_visible_to(_user(request)).order_by("title", "id"), page)


@router.get(
    "/learning/programmes/{int:programme_id}", response={200: ProgrammeOut, **DETAIL_ERRORS}, summary="Detail program"
)
def programme_detail(request: HttpRequest, programme_id: int) -> Any:
    return get_programme_for_user(_user(request), programme_id)


# --- Batches ------------------------------------------------------------------------------------------------


class SessionOut(Schema):
    id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    topic: str
    minutes: int
    facilitator_id: int | None


class BatchOut(Schema):
    id: int
    programme_id: int
    number: int
    label: str
    status: BatchStatus
    start_date: dt.date
    end_date: dt.date
    venue: str
    online_url: str
    capacity: int
    hours_jp: Decimal = Field(description="JP yang dikreditkan: ditetapkan, atau dari menit sesi (45 menit = 1 JP).")
    min_attendance_percent: int
    pass_score: Decimal | None
    feedback_required: bool
    sessions: list[SessionOut]

    @staticmethod
    def resolve_hours_jp(obj: Any) -> Decimal:
        return obj.effective_jp([s.minutes for s in obj.sessions.all()])

    @staticmethod
    def resolve_sessions(obj: Any) -> list[Any]:
        return list(obj.sessions.all())


class BatchList(Schema):
    count: int
    limit: int
    offset: int
    items: list[BatchOut]


class BatchFilter(PageQuery):
    status: BatchStatus | None = None
    programme: int | None = None


@router.get("/learning/batches", response={200: BatchList, **READ_ERRORS}, summary="Daftar angkatan")
def batch_list(request: HttpRequest, filters: Query[BatchFilter]) -> dict[str, Any]:
    batches = batches_visible_to(_user(request)).select_related("programme").prefetch_related("sessions")
    if filters.status:
        batches = batches.filter(status=filters.status)
    if filters.programme:
        batches = batches.filter(programme_id=filters.programme)
    return page_of(batches.order_by("-start_date", "-id"), filters)


@router.get("/learning/batches/{int:batch_id}", response={200: BatchOut, **DETAIL_ERRORS}, summary="Detail angkatan")
def batch_detail(request: HttpRequest, batch_id: int) -> Any:
    return get_batch_for_user(_user(request), batch_id)


# --- Enrolment ----------------------------------------------------------------------------------------------


class EmployeeRef(Schema):
    id: int
    nip: str
    full_name: str
    org_unit_id: int


class EnrolmentOut(Schema):
    id: int
    batch_id: int
    employee: EmployeeRef
    status: str
    created_at: dt.datetime
    responded_at: dt.datetime | None
    completed: bool | None


class EnrolmentList(Schema):
    count: int
    limit: int
    offset: int
    items: list[EnrolmentOut]


class EnrolmentIn(Schema):
    employee_id: int = Field(
        description="Pegawai yang didaftarkan; harus pegawai aktif dari unit yang boleh Anda ubah."
    )


@router.get(
    "/learning/batches/{int:batch_id}/enrolments",
    response={200: EnrolmentList, **DETAIL_ERRORS, 422: ErrorOut},
    summary="Peserta angkatan",
)
def enrolment_list(request: HttpRequest, batch_id: int, page: Query[PageQuery]) -> dict[str, Any]:
    batch = get_batch_for_user(_user(request), batch_id)
    return page_of(enrolments_visible_in(_user(request), batch).for_list(), page)


@router.post(
    "/learning/batches/{int:batch_id}/enrolments",
    response={201: EnrolmentOut, **WRITE_ERRORS},
    summary="Daftarkan peserta",
)
def enrolment_create(request: HttpRequest, batch_id: int, payload: EnrolmentIn) -> Status:
    """Invited while seats are free, else on the waiting list; an ineligible employee gets a 422 with the reason."""
    user = _user(request)
    batch = get_batch_for_user(user, batch_id, action=NOMINATE)
    employee = nominable_employees(user).select_related("position").filter(pk=payload.employee_id).first()
    if employee is None:
        raise ValidationError({"employee_id": [_("Pegawai tidak ditemukan.")]})
    enrolment = services.enrolment_create(actor=user, batch=batch, employee=employee, source=Source.API)
    return Status(201, Enrolment.objects.select_related("employee").get(pk=enrolment.pk))


# --- Attendance ---------------------------------------------------------------------------------------------


class AttendanceOut(Schema):
    enrolment_id: int
    session_id: int
    nip: str
    method: str
    checked_in_at: dt.datetime
    reason: str

    @staticmethod
    def resolve_nip(obj: Any) -> str:
        return obj.enrolment.employee.nip


class AttendanceIn(Schema):
    enrolment_id: int
    session_id: int
    present: bool = True
    reason: str = Field(min_length=1, max_length=300, description="Mengapa kehadiran dicatat manual.")


@router.get(
    "/learning/batches/{int:batch_id}/attendance",
    response={200: list[AttendanceOut], **DETAIL_ERRORS},
    summary="Presensi angkatan",
)
def attendance_list(request: HttpRequest, batch_id: int) -> Any:
    user = _user(request)
    batch = get_batch_for_user(user, batch_id)
    visible = enrolments_visible_in(user, batch)
    return list(
        Attendance.objects.filter(enrolment__in=visible)
        .select_related("enrolment__employee")
        .order_by("session__date", "session__start_time", "enrolment__employee__name", "id")
    )


@router.post(
    "/learning/batches/{int:batch_id}/attendance",
    response={200: dict[str, bool], **WRITE_ERRORS},
    summary="Catat kehadiran manual",
)
def attendance_mark(request: HttpRequest, batch_id: int, payload: AttendanceIn) -> dict[str, bool]:
    """For the batch's facilitators and BKD administrators, always with a reason."""
    user = _user(request)
    batch = get_batch_for_user(user, batch_id, action=RUN)
    enrolment = Enrolment.objects.filter(batch=batch, pk=payload.enrolment_id).first()
    session = batch.sessions.filter(pk=payload.session_id).first()
    errors = {}
    if enrolment is None:
        errors["enrolment_id"] = [_("Peserta tidak ditemukan di angkatan ini.")]
    if session is None:
        errors["session_id"] = [_("Sesi tidak ditemukan di angkatan ini.")]
    if enrolment is None or session is None:
        raise ValidationError(errors)
    result = services.attendance_mark(
        actor=user,
        session=session,
        enrolment=enrolment,
        present=payload.present,
        reason=payload.reason,
        source=Source.API,
    )
    return {"present": result is not None}


# --- Results ------------------------------------------------------------------------------------------------


class ResultOut(Schema):
    enrolment_id: int
    nip: str
    name: str
    sessions_attended: int
    sessions_total: int
    pre_score: Decimal | None
    post_score: Decimal | None
    gain: Decimal | None = Field(description="(post − pre) / (100 − pre); kosong bila belum ada kedua nilai.")
    completion_met: bool = Field(description="Syarat kelulusan terpenuhi menurut data saat ini.")
    completed: bool | None = Field(description="Kelulusan yang ditetapkan saat angkatan ditutup.")
    missing: list[str]


class BatchResultsOut(Schema):
    batch_id: int
    hours_jp: Decimal
    mean_pre: Decimal | None
    mean_post: Decimal | None
    batch_gain: Decimal | None
    participants: list[ResultOut]


@router.get(
    "/learning/batches/{int:batch_id}/results",
    response={200: BatchResultsOut, **DETAIL_ERRORS},
    summary="Hasil angkatan",
)
def batch_result(request: HttpRequest, batch_id: int) -> dict[str, Any]:
    user = _user(request)
    batch = get_batch_for_user(user, batch_id)
    results = batch_results(batch, enrolments_visible_in(user, batch).confirmed().for_list())
    return {
        "batch_id": batch.pk,
        "hours_jp": results.jp,
        "mean_pre": results.mean_pre,
        "mean_post": results.mean_post,
        "batch_gain": results.batch_gain,
        "participants": [
            {
                "enrolment_id": r.enrolment.pk,
                "nip": r.enrolment.employee.nip,
                "name": r.enrolment.employee.full_name,
                "sessions_attended": r.attended_count,
                "sessions_total": len(results.sessions),
                "pre_score": r.pre.score if r.pre else None,
                "post_score": r.post.score if r.post else None,
                "gain": r.gain,
                "completion_met": r.completion.completed,
                "completed": r.enrolment.completed,
                "missing": missing_texts(r.completion),
            }
            for r in results.rows
        ],
    }


# --- JP ledger ----------------------------------------------------------------------------------------------


class LedgerRowOut(Schema):
    employee_id: int
    nip: str
    name: str
    status: str
    jp: Decimal
    target: Decimal
    shortfall: Decimal
    met: bool


class LedgerOut(Schema):
    year: int
    count: int
    compliant: int
    share: Decimal | None = Field(description="Persentase pegawai aktif yang memenuhi target.")
    limit: int
    offset: int
    items: list[LedgerRowOut]


class LedgerFilter(PageQuery):
    year: int = Field(default_factory=lambda: timezone.localdate().year, ge=2000, le=2100)
    unit: int | None = Field(None, description="Unit beserta semua unit di bawahnya.")
    behind: bool = Field(False, description="true: hanya yang belum memenuhi target, paling jauh dahulu.")


@router.get("/learning/jp-ledger", response={200: LedgerOut, **WRITE_ERRORS}, summary="Buku JP: kepatuhan")
def jp_ledger(request: HttpRequest, filters: Query[LedgerFilter]) -> dict[str, Any]:
    """Every active employee you may see, with the year's JP against the target of their status."""
    user = _user(request)
    employees = employees_visible_to(user)
    if filters.unit is not None:
        employees = employees.in_subtree(get_unit_for_user(user, filters.unit))
    result = unit_compliance(employees, filters.year)
    rows = result.behind if filters.behind else result.rows
    window = rows[filters.offset : filters.offset + filters.limit]
    return {
        "year": filters.year,
        "count": result.count,
        "compliant": result.compliant,
        "share": result.share,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [
            {
                "employee_id": r.employee.pk,
                "nip": r.employee.nip,
                "name": r.employee.full_name,
                "status": r.employee.status,
                "jp": r.total,
                "target": r.target,
                "shortfall": r.compliance.shortfall,
                "met": r.compliance.met,
            }
            for r in window
        ],
    }


class TrainingOut(Schema):
    kind: str
    name: str
    start_date: dt.date
    end_date: dt.date
    hours_jp: Decimal
    competency_type: str
    certificate_number: str
    internal: bool

    @staticmethod
    def resolve_internal(obj: Any) -> bool:
        return bool(obj.source_ref)


class EmployeeJpOut(Schema):
    employee_id: int
    year: int
    total: Decimal
    target: Decimal
    target_is_default: bool
    met: bool
    shortfall: Decimal
    by_competency: dict[str, Decimal] = Field(description="Kunci kosong: belum diklasifikasikan.")
    by_route: dict[str, Decimal]
    records: list[TrainingOut]


class YearQuery(Schema):
    year: int = Field(default_factory=lambda: timezone.localdate().year, ge=2000, le=2100)


@router.get(
    "/learning/employees/{int:employee_id}/jp",
    response={200: EmployeeJpOut, **DETAIL_ERRORS, 422: ErrorOut},
    summary="Buku JP satu pegawai",
)
def employee_jp(request: HttpRequest, employee_id: int, query: Query[YearQuery]) -> dict[str, Any]:
    employee = get_ledger_employee(_user(request), employee_id)
    ledger = employee_year(employee, query.year)
    return {
        "employee_id": employee.pk,
        "year": query.year,
        "total": ledger.summary.total,
        "target": ledger.target,
        "target_is_default": ledger.target_is_default,
        "met": ledger.compliance.met,
        "shortfall": ledger.compliance.shortfall,
        "by_competency": ledger.summary.by_competency,
        "by_route": ledger.summary.by_route,
        "records": ledger.records,
    }
