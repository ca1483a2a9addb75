"""Structure and targets: plan items, indicators, the year's deadlines and margin."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record, diff, snapshot
from pamong.core.models import Source
from pamong.people.models import Employee, OrgUnit

from .. import sources
from ..models import (
    CHILD_LEVEL,
    Indicator,
    Level,
    PeriodSetting,
    PlanItem,
)
from ..periods import quarter_end
from .common import _add, _check

PLAN_ITEM_FIELDS = ("code", "name", "is_budget", "responsible_unit", "responsible_official", "pagu", "revised_pagu")
INDICATOR_FIELDS = (
    "name",
    "unit_of_measure",
    "direction",
    "cumulative",
    "target",
    "revised_target",
    "target_q1",
    "target_q2",
    "target_q3",
    "target_q4",
    "renstra_target",
    "renstra_until_last_year",
    "auto_source",
    "source_unit",
    "order",
)
BUDGET_CODE = re.compile(r"^\d+(\.\d+)*$")


# --- Structure and targets ----------------------------------------------------------------------------------


def plan_item_errors(
    *, opd: OrgUnit, year: int, level: str, parent: PlanItem | None, data: Mapping[str, Any], instance: PlanItem | None
) -> dict[str, list[str]]:
    """1. A programme has no parent; an activity's parent is a programme, a sub-activity's an activity,
    of the same OPD and year. 2. A budget item's code is digits and dots and starts with its
    parent's code. 3. The code is unique in the OPD and year. 4. Only a sub-activity has a pagu.
    5. The responsible unit and official belong to the OPD."""
    errors: dict[str, list[str]] = {}
    if level == Level.PROGRAMME and parent is not None:
        _add(errors, "parent", _("Program tidak memiliki induk."))
    if level != Level.PROGRAMME:
        if parent is None:
            _add(errors, "parent", _("Pilih induknya."))
        elif CHILD_LEVEL.get(Level(parent.level)) != level or parent.opd_id != opd.pk or parent.year != year:
            _add(errors, "parent", _("Induk tidak sesuai: kegiatan di bawah program, sub kegiatan di bawah kegiatan."))
    code = (data.get("code") or "").strip()
    is_budget = parent.is_budget if parent is not None else data.get("is_budget", True)
    if not code:
        _add(errors, "code", _("Wajib diisi."))
    elif is_budget:
        if not BUDGET_CODE.match(code):
            _add(errors, "code", _("Kode nomenklatur terdiri atas angka dan titik, mis. 1.02.02.2.01."))
        elif parent is not None and not code.startswith(parent.code + "."):
            _add(errors, "code", _("Kode harus diawali kode induknya (%(code)s.).") % {"code": parent.code})
    if code:
        clash = PlanItem.objects.filter(opd=opd, year=year, code=code)
        if instance is not None:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            _add(
                errors,
                "code",
                _("Kode %(code)s sudah dipakai di OPD ini untuk tahun %(year)d.") % {"code": code, "year": year},
            )
    if not (data.get("name") or "").strip():
        _add(errors, "name", _("Wajib diisi."))
    for field in ("pagu", "revised_pagu"):
        value = data.get(field)
        if value is None:
            continue
        if level != Level.SUB_ACTIVITY:
            _add(errors, field, _("Pagu diisi pada sub kegiatan; pagu program dan kegiatan adalah jumlahnya."))
        elif value < 0:
            _add(errors, field, _("Pagu tidak boleh negatif."))
    if level == Level.SUB_ACTIVITY and is_budget and data.get("pagu") is None:
        _add(errors, "pagu", _("Sub kegiatan dalam struktur anggaran wajib memiliki pagu."))
    subtree = set(OrgUnit.objects.subtree_ids(opd.pk))
    unit = data.get("responsible_unit")
    if unit is not None and unit.pk not in subtree:
        _add(errors, "responsible_unit", _("Unit penanggung jawab harus berada di %(opd)s.") % {"opd": opd.name})
    official: Employee | None = data.get("responsible_official")
    if official is not None and (official.org_unit_id not in subtree or not official.is_active):
        _add(
            errors,
            "responsible_official",
            _("Pejabat penanggung jawab harus pegawai aktif di %(opd)s.") % {"opd": opd.name},
        )
    return errors


@transaction.atomic
def plan_item_create(
    *,
    actor: Any,
    opd: OrgUnit,
    year: int,
    level: str,
    parent: PlanItem | None,
    data: Mapping[str, Any],
    source: str = Source.WEB,
) -> PlanItem:
    _check(plan_item_errors(opd=opd, year=year, level=level, parent=parent, data=data, instance=None))
    values = {k: v for k, v in data.items() if k in PLAN_ITEM_FIELDS}
    values["code"] = values["code"].strip()
    if parent is not None:
        values["is_budget"] = parent.is_budget
    item = PlanItem.objects.create(opd=opd, year=year, level=level, parent=parent, **values)
    audit_record(
        actor=actor,
        action="monev.plan_item.created",
        obj=item,
        source=source,
        changes=diff({}, {"opd": opd.pk, "year": year, "level": level, "parent": parent, **values}),
    )
    return item


@transaction.atomic
def plan_item_update(*, actor: Any, item: PlanItem, data: Mapping[str, Any], source: str = Source.WEB) -> PlanItem:
    fields = [f for f in PLAN_ITEM_FIELDS if f in data and not (f == "is_budget" and item.parent_id)]
    merged = {**snapshot(item, PLAN_ITEM_FIELDS), **{f: data[f] for f in fields}}
    merged["responsible_unit"] = data.get("responsible_unit", item.responsible_unit)
    merged["responsible_official"] = data.get("responsible_official", item.responsible_official)
    _check(
        plan_item_errors(opd=item.opd, year=item.year, level=item.level, parent=item.parent, data=merged, instance=item)
    )
    before = snapshot(item, fields)
    for field in fields:
        value = data[field]
        setattr(item, field, value.strip() if isinstance(value, str) else value)
    item.save(update_fields=[*fields, "updated_at"])
    if item.parent_id is None and "is_budget" in fields:
        PlanItem.objects.filter(parent=item).update(is_budget=item.is_budget)
        PlanItem.objects.filter(parent__parent=item).update(is_budget=item.is_budget)
    changes = diff(before, snapshot(item, fields))
    if changes:
        audit_record(actor=actor, action="monev.plan_item.updated", obj=item, source=source, changes=changes)
    return item


def indicator_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """1. Name and unit of measure are given. 2. The target (and a revised target) is positive.
    3. Quarterly and Renstra figures are not negative. 4. An automatic source is a registered one."""
    errors: dict[str, list[str]] = {}
    for field in ("name", "unit_of_measure"):
        if not (data.get(field) or "").strip():
            _add(errors, field, _("Wajib diisi."))
    target = data.get("target")
    if target is None:
        _add(errors, "target", _("Wajib diisi."))
    elif target <= 0:
        _add(errors, "target", _("Target harus lebih besar dari 0."))
    revised = data.get("revised_target")
    if revised is not None and revised <= 0:
        _add(errors, "revised_target", _("Target perubahan harus lebih besar dari 0."))
    for field in ("target_q1", "target_q2", "target_q3", "target_q4", "renstra_target", "renstra_until_last_year"):
        value = data.get(field)
        if value is not None and value < 0:
            _add(errors, field, _("Tidak boleh negatif."))
    if data.get("direction") not in ("higher", "lower"):
        _add(errors, "direction", _("Pilih arah: makin tinggi atau makin rendah makin baik."))
    key = data.get("auto_source") or ""
    if key and key not in sources.registry():
        _add(errors, "auto_source", _("Sumber otomatis %(key)s tidak dikenal.") % {"key": key})
    return errors


@transaction.atomic
def indicator_create(*, actor: Any, item: PlanItem, data: Mapping[str, Any], source: str = Source.WEB) -> Indicator:
    _check(indicator_errors(data))
    values = {k: v for k, v in data.items() if k in INDICATOR_FIELDS}
    values.setdefault("auto_source", "")
    if "order" not in values or values["order"] is None:
        values["order"] = (item.indicators.aggregate(m=Max("order"))["m"] or 0) + 1
    indicator = Indicator.objects.create(plan_item=item, **values)
    audit_record(
        actor=actor,
        action="monev.indicator.created",
        obj=indicator,
        source=source,
        changes=diff({}, {"plan_item": item.pk, **values}),
    )
    return indicator


@transaction.atomic
def indicator_update(
    *, actor: Any, indicator: Indicator, data: Mapping[str, Any], source: str = Source.WEB
) -> Indicator:
    fields = [f for f in INDICATOR_FIELDS if f in data]
    merged = {**snapshot(indicator, INDICATOR_FIELDS), **{f: data[f] for f in fields}}
    merged["source_unit"] = data.get("source_unit", indicator.source_unit)
    _check(indicator_errors(merged))
    before = snapshot(indicator, fields)
    for field in fields:
        setattr(indicator, field, data[field] if data[field] is not None or field != "auto_source" else "")
    indicator.save(update_fields=fields)
    changes = diff(before, snapshot(indicator, fields))
    if changes:
        audit_record(actor=actor, action="monev.indicator.updated", obj=indicator, source=source, changes=changes)
    return indicator


@transaction.atomic
def period_setting_update(*, actor: Any, year: int, data: Mapping[str, Any], source: str = Source.WEB) -> PeriodSetting:
    """Deadlines must fall after their quarter's end; the margin is 0–100 points."""
    errors: dict[str, list[str]] = {}
    for q in (1, 2, 3, 4):
        day = data.get(f"deadline_q{q}")
        if day is not None and day <= quarter_end(year, q):
            _add(
                errors,
                f"deadline_q{q}",
                _("Batas waktu harus sesudah akhir triwulan (%(day)s).") % {"day": quarter_end(year, q).isoformat()},
            )
    margin = data.get("warning_margin")
    if margin is None or not (0 <= margin <= 100):
        _add(errors, "warning_margin", _("Isi ambang 0 sampai 100 poin persen."))
    _check(errors)
    fields = ["deadline_q1", "deadline_q2", "deadline_q3", "deadline_q4", "warning_margin"]
    setting, _created = PeriodSetting.objects.get_or_create(year=year)
    before = snapshot(setting, fields)
    for field in fields:
        setattr(setting, field, data.get(field))
    setting.save(update_fields=fields)
    changes = diff(before, snapshot(setting, fields))
    if changes:
        audit_record(actor=actor, action="monev.period.updated", obj=setting, source=source, changes=changes)
    return setting
