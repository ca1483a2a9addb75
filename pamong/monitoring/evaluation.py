"""Gathering an OPD's year for evaluation: the tree of plan items with each indicator's result.

Reads the plan items, indicators and quarterly reports in a fixed number of
queries, then calls :mod:`.achievement` for every figure. Pages, reports and
the API all read these dataclasses, so they show the same numbers.

[design] Which figures count: the evaluation counts reports that were put
forward (submitted or verified: ``COUNTED``); a draft is the official's work
in progress and a returned report is being corrected. Achievement up to a
quarter is the yearly formula applied to the quarters up to it (the Renja
form's "realisasi s.d. triwulan" against the yearly target). The average
achievement of an OPD or a programme is the plain mean over the indicators
of all its levels that have a result, as in the Renja form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from . import achievement as calc
from .models import COUNTED, QUARTERS, Indicator, Level, PlanItem, Realisation, RealisationValue

ZERO = Decimal(0)


@dataclass
class IndicatorResult:
    indicator: Indicator
    quarters: list[Decimal | None]  # reported volume per quarter (None: not reported), up to the chosen quarter
    target: Decimal  # in force (revised when set)
    realisation: Decimal | None
    achievement: Decimal | None
    band: calc.Band | None
    renstra_progress: Decimal | None
    renstra_reached: Decimal | None

    @property
    def band_value(self) -> str:
        return self.band.value if self.band else ""


@dataclass
class ItemResult:
    item: PlanItem
    indicators: list[IndicatorResult] = field(default_factory=list)
    children: list[ItemResult] = field(default_factory=list)
    reports: dict[int, Realisation] = field(default_factory=dict)
    budget_quarters: list[Decimal | None] = field(default_factory=lambda: [None, None, None, None])
    ceiling: Decimal | None = None

    @property
    def spent(self) -> Decimal | None:
        reported = [q for q in self.budget_quarters if q is not None]
        return sum(reported, ZERO) if reported else None

    @property
    def absorption(self) -> Decimal | None:
        return calc.absorption(spent=self.spent, ceiling=self.ceiling)

    def walk(self) -> Iterable[ItemResult]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def average(self) -> Decimal | None:
        """Mean achievement over the indicators of this item and everything under it."""
        return calc.average(
            [r.achievement for node in self.walk() for r in node.indicators if r.achievement is not None]
        )

    @property
    def band(self) -> calc.Band | None:
        avg = self.average
        return calc.band_for(avg) if avg is not None else None

    @property
    def latest_report(self) -> Realisation | None:
        return self.reports[max(self.reports)] if self.reports else None


@dataclass
class OpdResult:
    year: int
    quarter: int
    roots: list[ItemResult]

    def items(self) -> Iterable[ItemResult]:
        for root in self.roots:
            yield from root.walk()

    def indicator_results(self, *, budget: bool | None = True) -> list[IndicatorResult]:
        return [r for node in self.items() if budget is None or node.item.is_budget == budget for r in node.indicators]

    @property
    def average(self) -> Decimal | None:
        """Mean achievement of the indicators of the budget programmes (the OPD's Renja)."""
        return calc.average([r.achievement for r in self.indicator_results() if r.achievement is not None])

    @property
    def band(self) -> calc.Band | None:
        avg = self.average
        return calc.band_for(avg) if avg is not None else None

    @property
    def budget_roots(self) -> list[ItemResult]:
        return [r for r in self.roots if r.item.is_budget]

    @property
    def other_roots(self) -> list[ItemResult]:
        return [r for r in self.roots if not r.item.is_budget]

    @property
    def ceiling(self) -> Decimal | None:
        values = [r.ceiling for r in self.budget_roots if r.ceiling is not None]
        return sum(values, ZERO) if values else None

    @property
    def spent(self) -> Decimal | None:
        values = [r.spent for r in self.budget_roots if r.spent is not None]
        return sum(values, ZERO) if values else None

    @property
    def absorption(self) -> Decimal | None:
        return calc.absorption(spent=self.spent, ceiling=self.ceiling)

    @property
    def counts(self) -> dict[str, int]:
        found: dict[str, int] = defaultdict(int)
        for r in self.indicator_results():
            found[r.band_value or "none"] += 1
        return dict(found)


def indicator_result(indicator: Indicator, quarters: list[Decimal | None]) -> IndicatorResult:
    target = indicator.effective_target
    result = calc.evaluate(
        target=target, quarters=quarters, cumulative=indicator.cumulative, direction=indicator.direction
    )
    progress = calc.renstra_progress(
        five_year_target=indicator.renstra_target,
        until_last_year=indicator.renstra_until_last_year,
        this_year=result.realisation,
        cumulative=indicator.cumulative,
        direction=indicator.direction,
    )
    if indicator.cumulative:
        reached = (
            (indicator.renstra_until_last_year or ZERO) + (result.realisation or ZERO)
            if indicator.renstra_until_last_year is not None or result.realisation is not None
            else None
        )
    else:
        reached = result.realisation if result.realisation is not None else indicator.renstra_until_last_year
    return IndicatorResult(
        indicator=indicator,
        quarters=quarters,
        target=target,
        realisation=result.realisation,
        achievement=result.achievement,
        band=result.band,
        renstra_progress=progress,
        renstra_reached=reached,
    )


def evaluate_items(
    items: Iterable[PlanItem], *, year: int, quarter: int = 4, statuses: Iterable[str] = COUNTED
) -> list[ItemResult]:
    """Build result trees for these plan items (all of one year). Items whose parent is not
    among them become roots. Four queries whatever the number of items."""
    items = list(items)
    ids = [i.pk for i in items]
    indicators: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(plan_item_id__in=ids).order_by("order", "id"):
        indicators[indicator.plan_item_id].append(indicator)
    reports: dict[int, dict[int, Realisation]] = defaultdict(dict)
    volumes: dict[int, list[Decimal | None]] = defaultdict(lambda: [None, None, None, None])
    statuses = list(statuses)
    for report in (
        Realisation.objects.filter(plan_item_id__in=ids, quarter__lte=quarter)
        .select_related("submitted_by", "reviewed_by")
        .prefetch_related(Prefetch("values", queryset=RealisationValue.objects.all()))
    ):
        reports[report.plan_item_id][report.quarter] = report
        if report.status not in statuses:
            continue
        for value in report.values.all():
            volumes[value.indicator_id][report.quarter - 1] = value.value
    nodes: dict[int, ItemResult] = {}
    for item in items:
        node = ItemResult(item=item, reports=reports.get(item.pk, {}))
        for indicator in indicators.get(item.pk, []):
            node.indicators.append(
                indicator_result(indicator, volumes[indicator.pk][:quarter] + [None] * (4 - quarter))
            )
        if item.level == Level.SUB_ACTIVITY:
            node.ceiling = item.ceiling
            for q, report in node.reports.items():
                if report.status in statuses:
                    node.budget_quarters[q - 1] = report.budget_spent
        nodes[item.pk] = node
    roots: list[ItemResult] = []
    for item in items:
        parent = nodes.get(item.parent_id) if item.parent_id else None
        (parent.children if parent else roots).append(nodes[item.pk])
    for root in roots:
        _sum_budget(root)
    return roots


def _sum_budget(node: ItemResult) -> None:
    """A programme's or activity's ceiling and spending are the sums of its sub-activities'."""
    if node.item.level == Level.SUB_ACTIVITY:
        return
    for child in node.children:
        _sum_budget(child)
    ceilings = [c.ceiling for c in node.children if c.ceiling is not None]
    node.ceiling = sum(ceilings, ZERO) if ceilings else None
    for q in QUARTERS:
        spent: list[Decimal] = [s for c in node.children if (s := c.budget_quarters[q - 1]) is not None]
        node.budget_quarters[q - 1] = sum(spent, ZERO) if spent else None


def evaluate_opd(items, *, year: int, quarter: int = 4) -> OpdResult:  # type: ignore[no-untyped-def]
    """The OPD's year up to ``quarter`` from a queryset (or list) of its plan items."""
    ordered = sorted(items, key=lambda i: (i.code, i.pk))
    return OpdResult(year=year, quarter=quarter, roots=evaluate_items(ordered, year=year, quarter=quarter))


@dataclass
class RankRow:
    opd: object
    average: Decimal | None
    band: calc.Band | None
    indicators: int
    reported: int
    ceiling: Decimal | None
    spent: Decimal | None
    rank: int | None = None

    @property
    def absorption(self) -> Decimal | None:
        return calc.absorption(spent=self.spent, ceiling=self.ceiling)


def ranking(*, year: int, quarter: int) -> list[RankRow]:
    """Every OPD with budget programmes in the year, ranked by average achievement (highest first;
    equal averages share a rank); OPD without any result come last, unranked."""
    items = list(PlanItem.objects.for_year(year).budget().select_related("opd").order_by("code", "pk"))
    by_opd: dict[int, list[PlanItem]] = defaultdict(list)
    for item in items:
        by_opd[item.opd_id].append(item)
    roots_all = evaluate_items(items, year=year, quarter=quarter)
    roots_by_opd: dict[int, list[ItemResult]] = defaultdict(list)
    for root in roots_all:
        roots_by_opd[root.item.opd_id].append(root)
    rows = []
    for roots in roots_by_opd.values():
        result = OpdResult(year=year, quarter=quarter, roots=roots)
        indicator_results = result.indicator_results()
        rows.append(
            RankRow(
                opd=roots[0].item.opd,
                average=result.average,
                band=result.band,
                indicators=len(indicator_results),
                reported=sum(1 for r in indicator_results if r.realisation is not None),
                ceiling=result.ceiling,
                spent=result.spent,
            )
        )
    rows.sort(key=lambda r: (r.average is None, -(r.average or ZERO), r.opd.name))  # type: ignore[attr-defined]
    previous: tuple[Decimal, int] | None = None
    for position, row in enumerate(rows, start=1):
        if row.average is None:
            continue
        shown = calc.round_percent(row.average)
        # Equal averages (as shown, to two decimals) share a rank: 1, 2, 2, 4.
        row.rank = previous[1] if previous is not None and previous[0] == shown else position
        previous = (shown, row.rank)
    return rows
