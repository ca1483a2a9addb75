"""The numbers of the unit and regency pages, reports and API: read-only queries over stored results.

Every figure comes from a stored :class:`~.models.Measurement` (the official snapshot), aggregated by the
pure :func:`~.ipasn.aggregate`; a unit's figure covers the employees placed in its subtree when measured.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pamong.people.models import OrgUnit

from . import ipasn
from .models import Measurement, Result, UnitTarget


def measurement_for(year: int | None) -> Measurement | None:
    """The measurement of ``year``, or the latest one."""
    measurements = Measurement.objects.latest_first()
    if year:
        return measurements.filter(year=year).first()
    return measurements.first()


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    aggregate: ipasn.Aggregate
    target: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        if self.target is None or self.aggregate.mean_total is None:
            return None
        return self.target - self.aggregate.mean_total


def unit_aggregate(unit: OrgUnit, measurement: Measurement) -> ipasn.Aggregate:
    rows = Result.objects.of_measurement(measurement).in_subtree(unit).aggregate_rows()
    return ipasn.aggregate(rows, measurement.rule_set.rules)


def _target(unit: OrgUnit, year: int) -> Decimal | None:
    found = UnitTarget.objects.filter(org_unit=unit, year=year).values_list("target", flat=True).first()
    return found


def comparison(unit: OrgUnit, measurement: Measurement) -> list[UnitRow]:
    """The units one level down: every OPD for the regency, else the direct sub-units (with their subtrees)."""
    rules = measurement.rule_set.rules
    results = Result.objects.of_measurement(measurement)
    targets = dict(UnitTarget.objects.filter(year=measurement.year).values_list("org_unit_id", "target"))
    if unit.parent_id is None:
        units = list(OrgUnit.objects.opds().order_by("code"))
        grouped: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
        for opd_id, *row in results.values_list("opd_id", "state", *ipasn.DIMENSIONS, "total", "category"):
            grouped[opd_id].append(tuple(row))
        rows = [UnitRow(u, ipasn.aggregate(grouped.get(u.pk, []), rules), targets.get(u.pk)) for u in units]
    else:
        children = list(OrgUnit.objects.filter(parent=unit).order_by("code"))
        owner: dict[int, int] = {}
        for child in children:
            for uid in OrgUnit.objects.subtree_ids(child.pk):
                owner[uid] = child.pk
        grouped = defaultdict(list)
        for unit_id, *row in results.in_units(list(owner)).values_list(
            "org_unit_id", "state", *ipasn.DIMENSIONS, "total", "category"
        ):
            grouped[owner[unit_id]].append(tuple(row))
        rows = [UnitRow(c, ipasn.aggregate(grouped.get(c.pk, []), rules), targets.get(c.pk)) for c in children]
    return [r for r in rows if r.aggregate.scored + r.aggregate.incomplete + r.aggregate.excluded]


def trend(unit: OrgUnit) -> list[tuple[int, ipasn.Aggregate]]:
    """The unit's aggregate in every measured year, oldest first (one query)."""
    measurements = {m.pk: m for m in Measurement.objects.select_related("rule_set")}
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for measurement_id, *row in Result.objects.in_subtree(unit).values_list(
        "measurement_id", "state", *ipasn.DIMENSIONS, "total", "category"
    ):
        grouped[measurement_id].append(tuple(row))
    out = [(m.year, ipasn.aggregate(grouped.get(pk, []), m.rule_set.rules)) for pk, m in measurements.items()]
    return sorted(out, key=lambda item: item[0])


def unit_page(unit: OrgUnit, measurement: Measurement) -> dict[str, Any]:
    """Everything the unit page shows, in a handful of queries."""
    aggregate = unit_aggregate(unit, measurement)
    target = _target(unit, measurement.year)
    return {
        "aggregate": aggregate,
        "target": target,
        "gap": (target - aggregate.mean_total) if target is not None and aggregate.mean_total is not None else None,
        "comparison": comparison(unit, measurement),
        "trend": trend(unit),
        "incomplete": Result.objects.of_measurement(measurement).in_subtree(unit).incomplete().for_table(),
    }
