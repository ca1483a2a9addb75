"""Writes to the organisation and its people. Views, API, import and CLI all call these.

Each service validates the business rules (raising ``ValidationError`` with
field names, so forms and the API show them where they belong), writes, and
records an audit entry in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record, diff, snapshot
from pamong.core.models import Source

from . import reference
from .models import (
    EducationRecord,
    Employee,
    EmployeeStatus,
    OrgUnit,
    PerformanceRecord,
    Position,
    PositionType,
    SanctionRecord,
    TrainingRecord,
)
from .nip import NipError, parse_nip

EMPLOYEE_FIELDS = (
    "nip",
    "name",
    "front_title",
    "back_title",
    "sex",
    "birth_date",
    "birth_place",
    "status",
    "golongan",
    "tmt_golongan",
    "tmt_start",
    "org_unit",
    "position",
    "tmt_position",
    "supervisor_override",
    "email_gov",
    "is_active",
    "inactive_reason",
    "inactive_since",
    "user",
)


def employee_errors(
    data: Mapping[str, Any], *, today: dt.date, instance: Employee | None = None
) -> dict[str, list[str]]:
    """Business-rule errors for employee data, by field name (empty when valid).

    1. The NIP parses (RULES.md §7). 2. Birth date and sex agree with the NIP.
    3. A PPPK NIP belongs to a PPPK and a PNS NIP to a PNS or CPNS. 4. The
    golongan fits the status. 5. The position belongs to the employee's unit.
    6. An inactive employee has a reason. 7. The supervisor is not the employee."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    try:
        info = parse_nip(data.get("nip"), today=today)
    except NipError as exc:
        add("nip", exc.message)
        info = None
    if info is not None:
        birth = data.get("birth_date")
        if birth and birth != info.birth_date:
            add(
                "birth_date",
                _("Tanggal lahir tidak sama dengan tanggal lahir dalam NIP (%(date)s).")
                % {"date": info.birth_date.strftime("%d-%m-%Y")},
            )
        sex = data.get("sex")
        if sex and sex != info.sex:
            add("sex", _("Jenis kelamin tidak sama dengan digit jenis kelamin dalam NIP."))
        status = data.get("status")
        if status == EmployeeStatus.PPPK and info.kind != "pppk":
            add("status", _("NIP ini berformat PNS, tetapi statusnya PPPK."))
        elif status in (EmployeeStatus.PNS, EmployeeStatus.CPNS) and info.kind != "pns":
            add("status", _("NIP ini berformat PPPK, tetapi statusnya PNS/CPNS."))
    golongan, status = data.get("golongan") or "", data.get("status") or ""
    if not reference.golongan_fits_status(golongan, status):
        add("golongan", _("Golongan %(g)s tidak berlaku untuk status %(s)s.") % {"g": golongan, "s": status.upper()})
    position: Position | None = data.get("position")
    unit: OrgUnit | None = data.get("org_unit")
    if position is not None and unit is not None and position.org_unit_id != unit.pk:
        add("position", _("Jabatan ini milik unit lain (%(unit)s).") % {"unit": position.org_unit})
    if data.get("is_active", True) is False and not data.get("inactive_reason"):
        add("inactive_reason", _("Pilih alasan pegawai tidak aktif."))
    if data.get("is_active", True) and data.get("inactive_reason"):
        add("inactive_reason", _("Pegawai aktif tidak boleh memiliki alasan tidak aktif."))
    supervisor = data.get("supervisor_override")
    if supervisor is not None and instance is not None and supervisor.pk == instance.pk:
        add("supervisor_override", _("Pegawai tidak dapat menjadi atasan dirinya sendiri."))
    return errors


def _check(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def employee_create(*, actor: Any, data: Mapping[str, Any], source: str = Source.WEB) -> Employee:
    values = {k: v for k, v in data.items() if k in EMPLOYEE_FIELDS}
    values.setdefault("is_active", True)
    values.setdefault("inactive_reason", "")
    _check(employee_errors(values, today=timezone.localdate()))
    if Employee.objects.filter(nip=values["nip"]).exists():
        raise ValidationError({"nip": [_("NIP %(nip)s sudah terdaftar.") % {"nip": values["nip"]}]})
    employee = Employee.objects.create(**values)
    audit_record(
        actor=actor,
        action="people.employee.created",
        obj=employee,
        source=source,
        changes=diff({}, snapshot(employee, values.keys())),
    )
    return employee


@transaction.atomic
def employee_update(*, actor: Any, employee: Employee, data: Mapping[str, Any], source: str = Source.WEB) -> Employee:
    """Change the given fields. A change of unit is audited as a transfer."""
    values = {k: v for k, v in data.items() if k in EMPLOYEE_FIELDS}
    merged = {f: getattr(employee, f) for f in EMPLOYEE_FIELDS} | values
    _check(employee_errors(merged, today=timezone.localdate(), instance=employee))
    if "nip" in values and Employee.objects.exclude(pk=employee.pk).filter(nip=values["nip"]).exists():
        raise ValidationError({"nip": [_("NIP %(nip)s sudah terdaftar.") % {"nip": values["nip"]}]})
    before = snapshot(employee, values.keys())
    for field, value in values.items():
        setattr(employee, field, value)
    changes = diff(before, snapshot(employee, values.keys()))
    if not changes:
        return employee
    employee.save(update_fields=[*changes.keys(), "updated_at"])
    action = "people.employee.transferred" if "org_unit" in changes else "people.employee.updated"
    if "is_active" in changes and not employee.is_active:
        action = "people.employee.deactivated"
    audit_record(actor=actor, action=action, obj=employee, source=source, changes=changes)
    return employee


def _unit_opd(parent: OrgUnit | None, kind: str, unit: OrgUnit | None = None) -> OrgUnit | None:
    """The OPD of a unit placed under ``parent``: itself directly under the root, else the parent's OPD."""
    if parent is None:
        return None
    if parent.parent_id is None:
        return unit
    return parent.opd


@transaction.atomic
def unit_create(*, actor: Any, data: Mapping[str, Any], source: str = Source.WEB) -> OrgUnit:
    parent: OrgUnit | None = data.get("parent")
    if parent is None and OrgUnit.objects.filter(parent__isnull=True).exists():
        raise ValidationError({"parent": [_("Kabupaten hanya memiliki satu unit induk; pilih unit atasan.")]})
    if OrgUnit.objects.filter(code=data["code"]).exists():
        raise ValidationError({"code": [_("Kode unit %(code)s sudah dipakai.") % {"code": data["code"]}]})
    fields = ("code", "name", "kind", "parent", "active_from", "active_until")
    unit = OrgUnit.objects.create(**{k: data.get(k) for k in fields if k in data})
    opd = _unit_opd(parent, unit.kind, unit)
    if opd is not None:
        unit.opd = opd
        unit.save(update_fields=["opd"])
    audit_record(
        actor=actor,
        action="people.unit.created",
        obj=unit,
        source=source,
        changes=diff({}, snapshot(unit, [k for k in fields if k in data])),
    )
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: OrgUnit, data: Mapping[str, Any], source: str = Source.WEB) -> OrgUnit:
    """Rename, re-code, move or close a unit; a move re-derives the OPD of its whole subtree."""
    fields = [
        f for f in ("code", "name", "kind", "parent", "head_position", "active_from", "active_until") if f in data
    ]
    if data.get("parent") is not None and data["parent"].pk in OrgUnit.objects.subtree_ids(unit.pk):
        raise ValidationError({"parent": [_("Unit tidak dapat dipindah ke bawah dirinya sendiri.")]})
    if "code" in data and OrgUnit.objects.exclude(pk=unit.pk).filter(code=data["code"]).exists():
        raise ValidationError({"code": [_("Kode unit %(code)s sudah dipakai.") % {"code": data["code"]}]})
    head = data.get("head_position")
    if head is not None and head.org_unit_id != unit.pk:
        raise ValidationError({"head_position": [_("Jabatan kepala harus jabatan di unit ini.")]})
    before = snapshot(unit, fields)
    for field in fields:
        setattr(unit, field, data[field])
    changes = diff(before, snapshot(unit, fields))
    if not changes:
        return unit
    unit.save(update_fields=list(changes))
    if "parent" in changes:
        _reassign_opd(unit)
    action = "people.unit.moved" if "parent" in changes else "people.unit.updated"
    audit_record(actor=actor, action=action, obj=unit, source=source, changes=changes)
    return unit


def _reassign_opd(unit: OrgUnit) -> None:
    opd = _unit_opd(unit.parent, unit.kind, unit)
    ids = OrgUnit.objects.subtree_ids(unit.pk)
    OrgUnit.objects.filter(pk__in=ids).update(opd=opd)


def position_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """Business-rule errors for a post: only a functional post has a functional level."""
    if data.get("position_type") != PositionType.FUNGSIONAL and data.get("functional_level"):
        return {"functional_level": [_("Jenjang hanya untuk jabatan fungsional.")]}
    return {}


@transaction.atomic
def position_create(*, actor: Any, data: Mapping[str, Any], source: str = Source.WEB) -> Position:
    _check(position_errors(data))
    fields = ("name", "position_type", "functional_level", "org_unit")
    values = {k: data.get(k) for k in fields}
    values["functional_level"] = values["functional_level"] or ""
    position = Position.objects.create(**values)
    audit_record(
        actor=actor,
        action="people.position.created",
        obj=position,
        source=source,
        changes=diff({}, snapshot(position, fields)),
    )
    return position


@transaction.atomic
def position_update(*, actor: Any, position: Position, data: Mapping[str, Any], source: str = Source.WEB) -> Position:
    """Rename a post or change its type or level; a post keeps its unit (a new unit is a new post)."""
    merged = {"position_type": position.position_type, "functional_level": position.functional_level, **data}
    _check(position_errors(merged))
    fields = [f for f in ("name", "position_type", "functional_level") if f in data]
    before = snapshot(position, fields)
    for field in fields:
        setattr(position, field, data[field] or "" if field == "functional_level" else data[field])
    changes = diff(before, snapshot(position, fields))
    if changes:
        position.save(update_fields=list(changes))
        audit_record(actor=actor, action="people.position.updated", obj=position, source=source, changes=changes)
    return position


HISTORY_MODELS = {
    "education": EducationRecord,
    "training": TrainingRecord,
    "sanction": SanctionRecord,
    "performance": PerformanceRecord,
}


@transaction.atomic
def history_add(*, actor: Any, employee: Employee, kind: str, data: Mapping[str, Any], source: str = Source.WEB):  # type: ignore[no-untyped-def]
    """Add an education, training, sanction or performance record to an employee."""
    model = HISTORY_MODELS[kind]
    record = model(employee=employee, **data)
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action=f"people.{kind}.added",
        obj=employee,
        source=source,
        changes={kind: [None, {k: str(v) for k, v in data.items()}]},
    )
    return record


@transaction.atomic
def history_remove(*, actor: Any, employee: Employee, kind: str, record_id: int, source: str = Source.WEB) -> None:
    model = HISTORY_MODELS[kind]
    record = model._default_manager.get(pk=record_id, employee=employee)
    text = str(record)
    record.delete()
    audit_record(
        actor=actor, action=f"people.{kind}.removed", obj=employee, source=source, changes={kind: [text, None]}
    )
