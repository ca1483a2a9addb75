"""The people API: org units and employees, read and written exactly as the web allows.

Every query starts from an access helper (``units_visible_to``,
``employees_visible_to``, ``get_employee_for_user(write=True)`` …), so a token
sees what its owner sees. Not found and not allowed are the same 404. Writes go
through ``people.services`` with ``source=api``; ids in the body that point
outside the caller's scope are reported as "not found" on their field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import AfterValidator, WithJsonSchema, field_validator

from pamong.accounts.api import AUTH_ERRORS, ErrorOut, PageQuery, page_of, renamed
from pamong.core.models import Source

from . import reference, services
from .access import (
    employees_visible_to,
    get_employee_for_user,
    get_unit_for_user,
    require_people_writer,
    units_visible_to,
    units_writable_by,
)
from .models import (
    Employee,
    EmployeeStatus,
    InactiveReason,
    OrgUnit,
    Position,
    PositionType,
    Sex,
    UnitKind,
)

router = Router()

READ_ERRORS = {**AUTH_ERRORS, 422: ErrorOut}
DETAIL_ERRORS = {**AUTH_ERRORS, 404: ErrorOut}
WRITE_ERRORS = {**AUTH_ERRORS, 404: ErrorOut, 422: ErrorOut}

# Choice fields: the model's TextChoices are OpenAPI enums; golongan and inactive reason may also be blank.
GOLONGAN_VALUES = ["", *reference.PNS_GOLONGAN, *reference.PPPK_GOLONGAN]
INACTIVE_REASON_VALUES = ["", *InactiveReason.values]


def _one_of(values: list[str]):  # type: ignore[no-untyped-def]
    """A validator accepting only ``values``, with the same message as pydantic's enums."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in values:
            raise ValueError(
                _("Pilihan tidak dikenal; pilih salah satu: %(choices)s.")
                % {"choices": ", ".join(f"'{v}'" for v in values)}
            )
        return value

    return check


Golongan = Annotated[
    str, AfterValidator(_one_of(GOLONGAN_VALUES)), WithJsonSchema({"type": "string", "enum": GOLONGAN_VALUES})
]
InactiveReasonValue = Annotated[
    str,
    AfterValidator(_one_of(INACTIVE_REASON_VALUES)),
    WithJsonSchema({"type": "string", "enum": INACTIVE_REASON_VALUES}),
]


# Service errors name model fields; the API names the ids it takes.
UNIT_FIELDS = {"parent": "parent_id", "head_position": "head_position_id"}
EMPLOYEE_FIELDS = {
    "org_unit": "org_unit_id",
    "position": "position_id",
    "supervisor_override": "supervisor_override_id",
}


@contextmanager
def api_field_names(rename: dict[str, str]) -> Iterator[None]:
    """Report a service's ``ValidationError`` under the API's field names."""
    try:
        yield
    except ValidationError as exc:
        raise renamed(exc, rename) from None


# --- Units ---------------------------------------------------------------------------------------------------


class UnitRef(Schema):
    id: int
    code: str
    name: str


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    opd_id: int | None
    head_position_id: int | None
    active_from: dt.date | None
    active_until: dt.date | None


class UnitList(Schema):
    count: int
    limit: int
    offset: int
    items: list[UnitOut]


class UnitFilter(PageQuery):
    parent: int | None = Field(None, description="Hanya anak langsung dari unit ini.")
    kind: UnitKind | None = None
    q: str | None = Field(None, max_length=100, description="Bagian nama, atau awal kode unit.")


class UnitIn(Schema):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)
    kind: UnitKind
    parent_id: int = Field(description="Unit atasan; harus unit yang boleh Anda ubah.")
    active_from: dt.date | None = None
    active_until: dt.date | None = None


class UnitPatch(Schema):
    """Only the fields sent change. A field typed without ``None`` may be left out but not sent as null."""

    code: str = Field(None, min_length=1, max_length=40)  # type: ignore[assignment]
    name: str = Field(None, min_length=1, max_length=200)  # type: ignore[assignment]
    kind: UnitKind = None  # type: ignore[assignment]
    parent_id: int = None  # type: ignore[assignment]
    head_position_id: int | None = None
    active_from: dt.date | None = None
    active_until: dt.date | None = None


@router.get("/units", response={200: UnitList, **READ_ERRORS}, tags=["unit"], summary="Daftar unit")
def unit_list(request: HttpRequest, filters: Query[UnitFilter]) -> dict[str, Any]:
    """Units you may see, ordered by code; filter by parent, kind, or name/code."""
    units = units_visible_to(request.auth)  # type: ignore[attr-defined]
    if filters.parent is not None:
        units = units.filter(parent_id=filters.parent)
    if filters.kind:
        units = units.filter(kind=filters.kind)
    units = units.search(filters.q).order_by("code", "id")
    return page_of(units, filters)


@router.get("/units/{int:unit_id}", response={200: UnitOut, **DETAIL_ERRORS}, tags=["unit"], summary="Detail unit")
def unit_detail(request: HttpRequest, unit_id: int) -> OrgUnit:
    return get_unit_for_user(request.auth, unit_id)  # type: ignore[attr-defined]


def _writable_unit(user: Any, unit_id: int | None, field: str, errors: dict[str, list[str]]) -> OrgUnit | None:
    if unit_id is None:
        return None
    unit = units_writable_by(user).filter(pk=unit_id).first()
    if unit is None:
        errors[field] = [_("Unit tidak ditemukan.")]
    return unit


def _writable_position(user: Any, position_id: int | None, field: str, errors: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    if position_id is None:
        return None
    position = (
        Position.objects.filter(pk=position_id, org_unit__in=units_writable_by(user)).select_related("org_unit").first()
    )
    if position is None:
        errors[field] = [_("Jabatan tidak ditemukan.")]
    return position


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


@router.post("/units", response={201: UnitOut, **WRITE_ERRORS}, tags=["unit"], summary="Tambah unit")
def unit_create(request: HttpRequest, payload: UnitIn) -> Status:
    """BKD administrators anywhere; operators under a unit they may change."""
    user = request.auth  # type: ignore[attr-defined]
    require_people_writer(user)
    errors: dict[str, list[str]] = {}
    data = payload.model_dump(exclude={"parent_id"})
    data["parent"] = _writable_unit(user, payload.parent_id, "parent_id", errors)
    _raise(errors)
    with api_field_names(UNIT_FIELDS):
        unit = services.unit_create(actor=user, data=data, source=Source.API)
    return Status(201, unit)


@router.patch("/units/{int:unit_id}", response={200: UnitOut, **WRITE_ERRORS}, tags=["unit"], summary="Ubah unit")
def unit_update(request: HttpRequest, unit_id: int, payload: UnitPatch) -> OrgUnit:
    """Change only the fields sent. Moving a unit needs write access to the new parent too."""
    user = request.auth  # type: ignore[attr-defined]
    unit = get_unit_for_user(user, unit_id, write=True)
    sent = payload.model_dump(exclude_unset=True)
    errors: dict[str, list[str]] = {}
    data = {k: v for k, v in sent.items() if not k.endswith("_id")}
    if "parent_id" in sent:
        data["parent"] = _writable_unit(user, sent["parent_id"], "parent_id", errors)
    if "head_position_id" in sent:
        data["head_position"] = _writable_position(user, sent["head_position_id"], "head_position_id", errors)
    _raise(errors)
    with api_field_names(UNIT_FIELDS):
        return services.unit_update(actor=user, unit=unit, data=data, source=Source.API)


# --- Employees -----------------------------------------------------------------------------------------------


class PositionRef(Schema):
    id: int
    name: str
    position_type: str
    functional_level: str
    eselon: str


class EmployeeListItem(Schema):
    id: int
    nip: str
    name: str
    full_name: str
    status: str
    golongan: str
    org_unit: UnitRef
    position: PositionRef | None
    is_active: bool


class EmployeeList(Schema):
    count: int
    limit: int
    offset: int
    items: list[EmployeeListItem]


class EducationOut(Schema):
    level: str
    institution: str
    major: str
    graduation_year: int | None


class TrainingOut(Schema):
    kind: str
    name: str
    organizer: str
    start_date: dt.date
    end_date: dt.date
    hours_jp: str = Field(description="Jumlah JP, desimal sebagai teks (mis. '24.00').")
    certificate_number: str
    leadership_level: str

    @staticmethod
    def resolve_hours_jp(obj: Any) -> str:
        return str(obj.hours_jp)


class SanctionOut(Schema):
    level: str
    kind: str
    decree_number: str
    start_date: dt.date
    end_date: dt.date | None


class PerformanceOut(Schema):
    year: int
    predikat: str


class EmployeeOut(Schema):
    id: int
    nip: str
    name: str
    front_title: str
    back_title: str
    full_name: str
    sex: str
    birth_date: dt.date
    birth_place: str
    status: str
    golongan: str
    pangkat: str
    tmt_golongan: dt.date | None
    tmt_start: dt.date | None
    org_unit: UnitRef
    position: PositionRef | None
    tmt_position: dt.date | None
    supervisor_override_id: int | None
    email_gov: str
    is_active: bool
    inactive_reason: str
    inactive_since: dt.date | None
    education: list[EducationOut]
    trainings: list[TrainingOut]
    sanctions: list[SanctionOut]
    performance: list[PerformanceOut]

    @staticmethod
    def resolve_education(obj: Any) -> list[Any]:
        return list(obj.education.all())

    @staticmethod
    def resolve_trainings(obj: Any) -> list[Any]:
        return list(obj.trainings.all())

    @staticmethod
    def resolve_sanctions(obj: Any) -> list[Any]:
        return list(obj.sanctions.all())

    @staticmethod
    def resolve_performance(obj: Any) -> list[Any]:
        return list(obj.performance.all())


class EmployeeFilter(PageQuery):
    q: str | None = Field(None, max_length=100, description="Awal NIP (angka saja), atau bagian nama.")
    unit: int | None = Field(None, description="Unit beserta semua unit di bawahnya.")
    status: EmployeeStatus | None = None
    golongan: Golongan | None = None
    position_type: PositionType | None = None
    active: bool | None = Field(None, description="true: hanya aktif; false: hanya tidak aktif; kosong: semua.")


def _email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValueError(_("Alamat email tidak sah.")) from None
    return value


class EmployeeIn(Schema):
    nip: str = Field(max_length=32, description="18 digit, sebagai teks.")
    name: str = Field(min_length=1, max_length=150)
    front_title: str = Field("", max_length=40)
    back_title: str = Field("", max_length=60)
    sex: Sex
    birth_date: dt.date
    birth_place: str = Field("", max_length=100)
    status: EmployeeStatus
    golongan: Golongan = ""
    tmt_golongan: dt.date | None = None
    tmt_start: dt.date | None = None
    org_unit_id: int
    position_id: int | None = None
    tmt_position: dt.date | None = None
    supervisor_override_id: int | None = None
    email_gov: str = Field("", max_length=254)
    is_active: bool = True
    inactive_reason: InactiveReasonValue = ""
    inactive_since: dt.date | None = None

    @field_validator("email_gov")
    @classmethod
    def _valid_email(cls, value: str) -> str:
        return _email(value)


class EmployeePatch(Schema):
    """Only the fields sent change. A field typed without ``None`` may be left out but not sent as null."""

    nip: str = Field(None, max_length=32)  # type: ignore[assignment]
    name: str = Field(None, min_length=1, max_length=150)  # type: ignore[assignment]
    front_title: str = Field(None, max_length=40)  # type: ignore[assignment]
    back_title: str = Field(None, max_length=60)  # type: ignore[assignment]
    sex: Sex = None  # type: ignore[assignment]
    birth_date: dt.date = None  # type: ignore[assignment]
    birth_place: str = Field(None, max_length=100)  # type: ignore[assignment]
    status: EmployeeStatus = None  # type: ignore[assignment]
    golongan: Golongan = None  # type: ignore[assignment]
    tmt_golongan: dt.date | None = None
    tmt_start: dt.date | None = None
    org_unit_id: int = None  # type: ignore[assignment]
    position_id: int | None = None
    tmt_position: dt.date | None = None
    supervisor_override_id: int | None = None
    email_gov: str = Field(None, max_length=254)  # type: ignore[assignment]
    is_active: bool = None  # type: ignore[assignment]
    inactive_reason: InactiveReasonValue = None  # type: ignore[assignment]
    inactive_since: dt.date | None = None

    @field_validator("email_gov")
    @classmethod
    def _valid_email(cls, value: str) -> str:
        return _email(value)


def _employee_data(user: Any, sent: dict[str, Any]) -> dict[str, Any]:
    """The service's data from the API's: ids become objects the caller may use, or field errors."""
    errors: dict[str, list[str]] = {}
    data = {k: v for k, v in sent.items() if not k.endswith("_id")}
    if "org_unit_id" in sent:
        data["org_unit"] = _writable_unit(user, sent["org_unit_id"], "org_unit_id", errors)
    if "position_id" in sent:
        data["position"] = _writable_position(user, sent["position_id"], "position_id", errors)
    if sent.get("supervisor_override_id") is not None:
        supervisor = employees_visible_to(user).filter(pk=sent["supervisor_override_id"]).first()
        if supervisor is None:
            errors["supervisor_override_id"] = [_("Pegawai atasan tidak ditemukan.")]
        data["supervisor_override"] = supervisor
    elif "supervisor_override_id" in sent:
        data["supervisor_override"] = None
    _raise(errors)
    return data


def _with_histories(employee: Employee) -> Employee:
    return (
        Employee.objects.select_related("org_unit", "position")
        .prefetch_related("education", "trainings", "sanctions", "performance")
        .get(pk=employee.pk)
    )


@router.get("/employees", response={200: EmployeeList, **READ_ERRORS}, tags=["pegawai"], summary="Daftar pegawai")
def employee_list(request: HttpRequest, filters: Query[EmployeeFilter]) -> dict[str, Any]:
    """Employees you may see, ordered by name. ``count`` is the total before ``limit``/``offset``."""
    employees = employees_visible_to(request.auth).for_list()  # type: ignore[attr-defined]
    employees = employees.filtered(
        q=filters.q,
        unit_id=filters.unit,
        status=filters.status,
        golongan=filters.golongan,
        position_type=filters.position_type,
        active=filters.active,
    )
    return page_of(employees, filters)


@router.get(
    "/employees/{int:employee_id}",
    response={200: EmployeeOut, **DETAIL_ERRORS},
    tags=["pegawai"],
    summary="Profil pegawai",
)
def employee_detail(request: HttpRequest, employee_id: int) -> Employee:
    """The profile with education, training, sanction and performance histories."""
    employee = get_employee_for_user(request.auth, employee_id)  # type: ignore[attr-defined]
    return _with_histories(employee)


@router.post("/employees", response={201: EmployeeOut, **WRITE_ERRORS}, tags=["pegawai"], summary="Tambah pegawai")
def employee_create(request: HttpRequest, payload: EmployeeIn) -> Status:
    """BKD administrators anywhere; operators in the units they may change."""
    user = request.auth  # type: ignore[attr-defined]
    require_people_writer(user)
    data = _employee_data(user, payload.model_dump())
    with api_field_names(EMPLOYEE_FIELDS):
        employee = services.employee_create(actor=user, data=data, source=Source.API)
    return Status(201, _with_histories(employee))


@router.patch(
    "/employees/{int:employee_id}",
    response={200: EmployeeOut, **WRITE_ERRORS},
    tags=["pegawai"],
    summary="Ubah pegawai",
)
def employee_update(request: HttpRequest, employee_id: int, payload: EmployeePatch) -> Employee:
    """Change only the fields sent. A new unit must also be one you may change (a transfer)."""
    user = request.auth  # type: ignore[attr-defined]
    employee = get_employee_for_user(user, employee_id, write=True)
    data = _employee_data(user, payload.model_dump(exclude_unset=True))
    with api_field_names(EMPLOYEE_FIELDS):
        services.employee_update(actor=user, employee=employee, data=data, source=Source.API)
    return _with_histories(employee)
