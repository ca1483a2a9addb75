"""Early warning: at a quarter's end, flag what lags its plan and tell the officials.

Run by ``pamong monev_warnings [--date YYYY-MM-DD]`` from a daily timer (and
callable from tests and the API). Rules [design], RULES.md §5 for the figures:

1. The quarter evaluated is the latest one that has ended by the date.
2. Volume: an indicator lags when its achievement against the target to date
   (``achievement.volume_lag``) is more than the year's margin (default 10
   points) below 100 %, or nothing is reported yet. Every value entered counts,
   drafts too: an early warning uses the best figure available before the
   deadline, and a missing figure is itself worth a reminder.
3. Budget: a budget sub-activity lags when its absorption to date is more than
   the margin below the straight-line plan (25 % a quarter).
4. A warning is stored once per indicator (or sub-activity) and quarter. A
   later run updates its figures, resolves it when the lag is made up, and
   re-opens it when it comes back.
5. New warnings are sent once: one notification (in-app and e-mail) per
   responsible official listing their items, and one per OPD head (the holder
   of the OPD's head post with a log-in) listing the OPD's new warnings.
   Leaders see them on the warnings page, scoped like everything else.
6. Before judging, automatic indicators get their value from their source
   (in reports still open), as ``pamong monev sources`` does.
7. One audit entry records the run's counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import Employee

from . import achievement as calc
from .access import effective_official
from .models import (
    EarlyWarning,
    Indicator,
    Level,
    PlanItem,
    Realisation,
    RealisationValue,
    WarningKind,
    period_setting,
)
from .periods import last_ended_quarter, roman
from .services import auto_sources_refresh, notify


@dataclass
class RunSummary:
    year: int
    quarter: int
    flagged: int = 0
    created: int = 0
    resolved: int = 0
    notifications: int = 0
    new: list[EarlyWarning] = field(default_factory=list)


def _quantize(value: Decimal | None, places: str) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(places))


@transaction.atomic
def warnings_run(*, day: dt.date | None = None, actor: Any = None, source: str = Source.SYSTEM) -> RunSummary:
    day = day or timezone.localdate()
    year, quarter = last_ended_quarter(day)
    margin = period_setting(year).warning_margin
    summary = RunSummary(year=year, quarter=quarter)
    auto_sources_refresh(actor=actor, year=year, quarter=quarter, source=source)
    items = list(
        PlanItem.objects.for_year(year)
        .select_related("opd", "parent", "parent__parent", "responsible_official", "parent__responsible_official")
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "id")),
            Prefetch(
                "realisations",
                queryset=Realisation.objects.filter(quarter__lte=quarter).prefetch_related(
                    Prefetch("values", queryset=RealisationValue.objects.all())
                ),
            ),
        )
    )
    existing = {(w.kind, w.indicator_id or w.plan_item_id): w for w in EarlyWarning.objects.for_period(year, quarter)}
    now = timezone.now()
    seen: set[tuple[str, int]] = set()
    for item in items:
        volumes: dict[int, list[Decimal | None]] = defaultdict(lambda: [None, None, None, None])
        spent: list[Decimal | None] = [None, None, None, None]
        for report in item.realisations.all():
            spent[report.quarter - 1] = report.budget_spent
            for value in report.values.all():
                volumes[value.indicator_id][report.quarter - 1] = value.value
        for indicator in item.indicators.all():
            lag = calc.volume_lag(
                yearly_target=indicator.effective_target,
                quarterly_targets=indicator.quarterly_targets,
                quarters=volumes[indicator.pk],
                quarter=quarter,
                cumulative=indicator.cumulative,
                direction=indicator.direction,
                margin=margin,
            )
            _record(summary, existing, seen, item, indicator, WarningKind.VOLUME, lag, margin, now, year, quarter)
        if item.level == Level.SUB_ACTIVITY and item.is_budget and item.ceiling:
            lag = calc.budget_lag(ceiling=item.ceiling, spent=spent, quarter=quarter, margin=margin)
            _record(summary, existing, seen, item, None, WarningKind.BUDGET, lag, margin, now, year, quarter)
    stale = [w.pk for key, w in existing.items() if key not in seen and w.resolved_at is None]
    if stale:
        summary.resolved += EarlyWarning.objects.filter(pk__in=stale).update(resolved_at=now)
    summary.notifications = _notify(summary, items)
    audit_record(
        actor=actor,
        action="monev.warnings.run",
        object_type="monitoring.earlywarning",
        object_repr=_("Peringatan dini TW %(q)s %(y)d") % {"q": roman(quarter), "y": year},
        source=source,
        changes={
            "date": day,
            "year": year,
            "quarter": quarter,
            "margin": margin,
            "flagged": summary.flagged,
            "created": summary.created,
            "resolved": summary.resolved,
            "notifications": summary.notifications,
        },
    )
    return summary


def _record(
    summary: RunSummary,
    existing: dict[tuple[str, int], EarlyWarning],
    seen: set[tuple[str, int]],
    item: PlanItem,
    indicator: Indicator | None,
    kind: str,
    lag: calc.Lag,
    margin: Decimal,
    now: dt.datetime,
    year: int,
    quarter: int,
) -> None:
    if not lag.lagging:
        return
    key = (kind, indicator.pk if indicator else item.pk)
    seen.add(key)
    summary.flagged += 1
    values = {
        "expected": _quantize(lag.expected, "0.0001"),
        "reached": _quantize(lag.reached, "0.0001"),
        "percent": _quantize(lag.percent, "0.01"),
        "margin": margin,
    }
    warning = existing.get(key)
    if warning is None:
        warning = EarlyWarning.objects.create(
            plan_item=item, indicator=indicator, year=year, quarter=quarter, kind=kind, detected_at=now, **values
        )
        warning.plan_item = item
        summary.created += 1
        summary.new.append(warning)
        return
    reopened = warning.resolved_at is not None
    EarlyWarning.objects.filter(pk=warning.pk).update(resolved_at=None, **values)
    if reopened:
        summary.new.append(warning)


def _describe(warning: EarlyWarning) -> str:
    subject = warning.indicator.name if warning.indicator else warning.plan_item.name
    if warning.kind == WarningKind.BUDGET:
        return _("%(item)s: penyerapan anggaran %(pct)s%% dari rencana s.d. TW %(q)s") % {
            "item": subject,
            "pct": _fmt(warning.percent),
            "q": roman(warning.quarter),
        }
    if warning.reached is None:
        return _("%(item)s: realisasi s.d. TW %(q)s belum dilaporkan") % {"item": subject, "q": roman(warning.quarter)}
    return _("%(item)s: capaian %(pct)s%% terhadap target s.d. TW %(q)s") % {
        "item": subject,
        "pct": _fmt(warning.percent),
        "q": roman(warning.quarter),
    }


def _fmt(value: Decimal | None) -> str:
    from pamong.core.formatting import number_id

    return "—" if value is None else number_id(value, 2)


def _notify(summary: RunSummary, items: list[PlanItem]) -> int:
    """One message per responsible official and one per OPD head, each listing their new warnings."""
    if not summary.new:
        return 0
    by_user: dict[Any, list[EarlyWarning]] = defaultdict(list)
    by_opd: dict[int, list[EarlyWarning]] = defaultdict(list)
    for warning in summary.new:
        official = effective_official(warning.plan_item)
        if official is not None and official.user_id is not None:
            by_user[official.user].append(warning)
        by_opd[warning.plan_item.opd_id].append(warning)
    opds = {item.opd_id: item.opd for item in items}
    for opd_id, found in by_opd.items():
        opd = opds[opd_id]
        if not opd.head_position_id:
            continue
        for head in (
            Employee.objects.active()
            .filter(position_id=opd.head_position_id, user__isnull=False)
            .select_related("user")
        ):
            by_user[head.user].extend(w for w in found if w not in by_user[head.user])
    url = reverse("monev_warnings") + f"?year={summary.year}&quarter={summary.quarter}"
    sent = 0
    for user, found in by_user.items():
        title = _("Peringatan dini TW %(q)s %(y)d: %(n)d indikator/anggaran tertinggal") % {
            "q": roman(summary.quarter),
            "y": summary.year,
            "n": len(found),
        }
        body = "\n".join(f"- {_describe(w)}" for w in found)
        notify(users=[user], title=title, body=body, url=url)
        sent += 1
    return sent
