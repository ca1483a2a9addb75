"""Writing an imported year of structure and targets, all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import Employee, OrgUnit

from ..models import (
    Indicator,
    Level,
    PlanItem,
)

# --- Import of a year's structure and targets --------------------------------------------------------------


class ImportRejected(ValidationError):
    """The file has bad rows; ``cell_errors`` names each (row, column, message). Nothing was written."""

    def __init__(self, cell_errors: list[Any]) -> None:
        super().__init__([str(e) for e in cell_errors])
        self.cell_errors = cell_errors


@dataclass
class ImportCounts:
    items_created: int = 0
    items_updated: int = 0
    indicators_created: int = 0
    indicators_updated: int = 0


@transaction.atomic
def renja_import(
    *,
    actor: Any,
    opd: OrgUnit,
    year: int,
    items: list[Any],
    file_name: str = "",
    columns: Mapping[str, str] | None = None,
    source: str = Source.IMPORT,
) -> ImportCounts:
    """Write a parsed file (:func:`pamong.monitoring.importing.parse`) all or nothing.

    1. Each item's parent is the item of the next level up whose code its code extends,
       from the file or already stored for the OPD and year. 2. The NIP names an active
       employee of the OPD, the unit code a unit of the OPD. 3. A budget sub-activity
       has a pagu. 4. Items are matched by code and indicators by name: matched ones are
       updated, others created, nothing is deleted. 5. One audit entry for the batch."""
    from ..importing import CellError

    errors: list[CellError] = []

    def col(name: str) -> str:
        return (columns or {}).get(name) or name

    stored = {i.code: i for i in PlanItem.objects.filter(opd=opd, year=year)}
    levels = {i.code: i.level for i in stored.values()}
    levels.update({spec.code: spec.level for spec in items})
    subtree = set(OrgUnit.objects.subtree_ids(opd.pk))
    nips = {spec.nip for spec in items if spec.nip}
    officials = {e.nip: e for e in Employee.objects.filter(nip__in=nips, is_active=True, org_unit_id__in=subtree)}
    unit_codes = {spec.unit_code for spec in items if spec.unit_code}
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=unit_codes, pk__in=subtree)}
    parent_codes: dict[str, str] = {}
    for spec in items:
        if spec.level == Level.PROGRAMME:
            continue
        wanted = Level.PROGRAMME if spec.level == Level.ACTIVITY else Level.ACTIVITY
        candidates = [c for c, lv in levels.items() if lv == wanted and spec.code.startswith(c + ".")]
        if not candidates:
            errors.append(
                CellError(
                    spec.row,
                    col("kode"),
                    _("Induk %(level)s untuk kode %(code)s tidak ada di berkas maupun di data OPD ini.")
                    % {"level": Level(wanted).label.lower(), "code": spec.code},
                )
            )
            continue
        parent_codes[spec.code] = max(candidates, key=len)
    for spec in items:
        existing = stored.get(spec.code)
        if existing is not None and existing.level != spec.level:
            errors.append(
                CellError(
                    spec.row,
                    col("kode"),
                    _("Kode %(code)s sudah tersimpan sebagai %(level)s.")
                    % {"code": spec.code, "level": existing.get_level_display()},
                )
            )
        if spec.nip and spec.nip not in officials:
            errors.append(
                CellError(
                    spec.row,
                    col("nip_penanggung_jawab"),
                    _("NIP %(nip)s bukan pegawai aktif %(opd)s.") % {"nip": spec.nip, "opd": opd.name},
                )
            )
        if spec.unit_code and spec.unit_code not in units:
            errors.append(
                CellError(
                    spec.row,
                    col("kode_unit_penanggung_jawab"),
                    _("Unit %(code)s bukan bagian dari %(opd)s.") % {"code": spec.unit_code, "opd": opd.name},
                )
            )
        if spec.level == Level.SUB_ACTIVITY and spec.pagu is None and (existing is None or existing.pagu is None):
            errors.append(CellError(spec.row, col("pagu"), _("Sub kegiatan wajib memiliki pagu.")))
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: (e.row, e.column)))
    counts = ImportCounts()
    saved: dict[str, PlanItem] = dict(stored)
    order = {Level.PROGRAMME: 0, Level.ACTIVITY: 1, Level.SUB_ACTIVITY: 2}
    for spec in sorted(items, key=lambda s: (order[Level(s.level)], s.row)):
        values: dict[str, Any] = {"name": spec.name}
        if spec.level == Level.SUB_ACTIVITY:
            if spec.pagu is not None:
                values["pagu"] = spec.pagu
            if spec.revised_pagu is not None:
                values["revised_pagu"] = spec.revised_pagu
        if spec.nip:
            values["responsible_official"] = officials[spec.nip]
        if spec.unit_code:
            values["responsible_unit"] = units[spec.unit_code]
        item = saved.get(spec.code)
        if item is None:
            parent = saved[parent_codes[spec.code]] if spec.level != Level.PROGRAMME else None
            item = PlanItem.objects.create(
                opd=opd,
                year=year,
                level=spec.level,
                parent=parent,
                code=spec.code,
                is_budget=True if parent is None else parent.is_budget,
                **values,
            )
            saved[spec.code] = item
            counts.items_created += 1
        else:
            for key, value in values.items():
                setattr(item, key, value)
            item.save(update_fields=[*values, "updated_at"])
            counts.items_updated += 1
        current = {i.name: i for i in item.indicators.all()}
        for position, ind in enumerate(spec.indicators, start=1):
            fields = {
                "unit_of_measure": ind.unit_of_measure,
                "direction": ind.direction,
                "cumulative": ind.cumulative,
                "target": ind.target,
                "revised_target": ind.revised_target,
                "target_q1": ind.quarterly[0],
                "target_q2": ind.quarterly[1],
                "target_q3": ind.quarterly[2],
                "target_q4": ind.quarterly[3],
                "renstra_target": ind.renstra_target,
                "renstra_until_last_year": ind.renstra_until_last_year,
            }
            found = current.get(ind.name)
            if found is None:
                Indicator.objects.create(plan_item=item, name=ind.name, order=position, **fields)
                counts.indicators_created += 1
            else:
                for key, value in fields.items():
                    setattr(found, key, value)
                found.save(update_fields=list(fields))
                counts.indicators_updated += 1
    audit_record(
        actor=actor,
        action="monev.renja.imported",
        obj=opd,
        source=source,
        changes={"year": year, "file": file_name, **counts.__dict__},
    )
    return counts
