"""Action plans (rencana aksi perubahan) and their evaluation by the direct supervisor.

1. A participant who completed a batch records one change project with milestones
   (what, how it is measured, by when).
2. The direct supervisor (``Employee.direct_supervisor()`` when the plan is saved) is asked
   to evaluate it ``batch.evaluation_months`` after the batch ends (default 3 months):
   progress per milestone, with evidence.
3. Once evaluated, the plan is frozen; the supervisor may correct the evaluation.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source

from ..errors import message
from ..models import ActionPlan, Enrolment, Milestone, MilestoneProgress


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def evaluation_due(enrolment: Enrolment) -> dt.date:
    return add_months(enrolment.batch.end_date, enrolment.batch.evaluation_months)


@transaction.atomic
def action_plan_save(
    *,
    actor: Any,
    enrolment: Enrolment,
    title: str,
    description: str,
    milestones: Iterable[Mapping[str, Any]],
    source: str = Source.WEB,
) -> ActionPlan:
    """Create or replace the participant's plan and its milestones (until it is evaluated)."""
    if enrolment.completed is not True:
        raise ValidationError(message("plan_not_completed"))
    rows = [m for m in milestones if (m.get("description") or "").strip()]
    if not rows:
        raise ValidationError({"milestones": message("plan_needs_milestone")})
    errors = []
    for index, row in enumerate(rows, start=1):
        if not (row.get("measure") or "").strip() or not row.get("target_date"):
            errors.append(_("Tonggak %(n)d: isi ukuran keberhasilan dan target tanggal.") % {"n": index})
    if errors:
        raise ValidationError({"milestones": errors})
    plan = ActionPlan.objects.select_for_update().filter(enrolment=enrolment).first()
    if plan is not None and plan.evaluated_at is not None:
        raise ValidationError(message("plan_evaluated"))
    supervisor = enrolment.employee.direct_supervisor()
    created = plan is None
    if plan is None:
        plan = ActionPlan(enrolment=enrolment)
    before = (
        {"title": plan.title, "milestones": list(plan.milestones.values_list("description", flat=True))}
        if not created
        else {}
    )
    plan.title = title.strip()
    plan.description = description.strip()
    plan.supervisor = supervisor
    plan.evaluation_due = evaluation_due(enrolment)
    plan.full_clean(exclude=["enrolment"])
    plan.save()
    plan.milestones.all().delete()
    Milestone.objects.bulk_create(
        [
            Milestone(
                plan=plan,
                description=row["description"].strip(),
                measure=row["measure"].strip(),
                target_date=row["target_date"],
            )
            for row in rows
        ]
    )
    audit_record(
        actor=actor,
        action="learning.action_plan.created" if created else "learning.action_plan.updated",
        obj=plan,
        source=source,
        changes={
            "title": [before.get("title"), plan.title],
            "milestones": [before.get("milestones"), [r["description"].strip() for r in rows]],
            "supervisor": [None, supervisor.pk if supervisor else None],
            "evaluation_due": [None, plan.evaluation_due],
        },
    )
    return plan


def evaluation_open(plan: ActionPlan, today: dt.date) -> bool:
    return today >= plan.evaluation_due


@transaction.atomic
def action_plan_evaluate(
    *,
    actor: Any,
    plan: ActionPlan,
    evaluations: Mapping[int, Mapping[str, str]],
    source: str = Source.WEB,
) -> ActionPlan:
    """The supervisor's judgement per milestone: ``{milestone_id: {"progress", "evidence", "note"}}``."""
    today = timezone.localdate()
    if not evaluation_open(plan, today):
        raise ValidationError(
            _("Evaluasi rencana aksi dibuka mulai %(date)s.") % {"date": plan.evaluation_due.strftime("%d-%m-%Y")}
        )
    milestones = {m.pk: m for m in plan.milestones.all()}
    errors = []
    for milestone_id, milestone in milestones.items():
        data = evaluations.get(milestone_id) or {}
        progress = data.get("progress", "")
        if progress not in MilestoneProgress.values:
            errors.append(_("Pilih capaian untuk tonggak \u201c%(m)s\u201d.") % {"m": milestone.description})
        elif progress != MilestoneProgress.NOT_STARTED and not (data.get("evidence") or "").strip():
            errors.append(_("Tuliskan bukti untuk tonggak \u201c%(m)s\u201d.") % {"m": milestone.description})
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    changed = {}
    for milestone_id, milestone in milestones.items():
        data = evaluations[milestone_id]
        milestone.progress = data["progress"]
        milestone.evidence = (data.get("evidence") or "").strip()
        milestone.supervisor_note = (data.get("note") or "").strip()
        milestone.evaluated_at = now
        changed[str(milestone_id)] = milestone.progress
    Milestone.objects.bulk_update(milestones.values(), ["progress", "evidence", "supervisor_note", "evaluated_at"])
    first = plan.evaluated_at is None
    ActionPlan.objects.filter(pk=plan.pk).update(evaluated_at=now)
    plan.evaluated_at = now
    audit_record(
        actor=actor,
        action="learning.action_plan.evaluated",
        obj=plan,
        source=source,
        changes={"milestones": [None, changed], "first_evaluation": [None, first]},
    )
    return plan
