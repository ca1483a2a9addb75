"""The follow-up board of action plans: who has none, who waits, who is overdue, who is done.

Columns [design]:
1. ``missing``: completed the batch, no plan yet;
2. ``waiting``: plan recorded, evaluation not yet due;
3. ``overdue``: evaluation due, the supervisor has not evaluated;
4. ``evaluated``: evaluated, some milestones not reached;
5. ``done``: evaluated, every milestone reached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from .access import enrolments_for_board
from .models import MilestoneProgress

COLUMNS = {
    "missing": _("Belum menyusun rencana aksi"),
    "waiting": _("Menunggu jatuh tempo evaluasi"),
    "overdue": _("Terlambat dievaluasi"),
    "evaluated": _("Dievaluasi, belum tuntas"),
    "done": _("Tuntas"),
}


@dataclass
class Column:
    key: str
    title: Any
    items: list[Any] = field(default_factory=list)


def column_of(enrolment: Any, today: dt.date) -> str:
    plan = getattr(enrolment, "action_plan", None)
    if plan is None:
        return "missing"
    if plan.evaluated_at is None:
        return "overdue" if today >= plan.evaluation_due else "waiting"
    progress = [m.progress for m in plan.milestones.all()]
    return "done" if progress and all(p == MilestoneProgress.DONE for p in progress) else "evaluated"


def board(user: Any, today: dt.date) -> list[Column]:
    columns = {key: Column(key, title) for key, title in COLUMNS.items()}
    enrolments = (
        enrolments_for_board(user)
        .select_related(
            "employee", "employee__org_unit", "batch", "batch__programme", "action_plan", "action_plan__supervisor"
        )
        .prefetch_related("action_plan__milestones")
        .order_by("batch__end_date", "employee__name", "id")
    )
    for enrolment in enrolments:
        columns[column_of(enrolment, today)].items.append(enrolment)
    return list(columns.values())
