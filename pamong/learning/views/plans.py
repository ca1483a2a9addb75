"""Action plans: the supervisor's evaluation and the BKD's follow-up board."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import services
from ..access import get_plan_for_supervisor, require_board_reader
from ..followup import board
from ..forms import EvaluationForm
from ..services.action_plans import evaluation_open
from .common import flash_errors


@login_required
def plan_evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_supervisor(request.user, pk)
    milestones = list(plan.milestones.all())
    forms = [
        (
            m,
            EvaluationForm(
                request.POST or None,
                prefix=f"m{m.pk}",
                initial={"progress": m.progress, "evidence": m.evidence, "note": m.supervisor_note},
            ),
        )
        for m in milestones
    ]
    is_open = evaluation_open(plan, timezone.localdate())
    if request.method == "POST" and all(f.is_valid() for _m, f in forms):
        try:
            services.action_plan_evaluate(
                actor=request.user,
                plan=plan,
                evaluations={m.pk: f.cleaned_data for m, f in forms},
            )
        except ValidationError as exc:
            flash_errors(request, exc)
        else:
            messages.success(request, _("Evaluasi rencana aksi tersimpan."))
            return redirect("learning:my_learning")
    return render(request, "learning/plan_evaluate.html", {"plan": plan, "forms": forms, "is_open": is_open})


@login_required
def plan_board(request: HttpRequest) -> HttpResponse:
    require_board_reader(request.user)
    columns = board(request.user, timezone.localdate())
    return render(request, "learning/plan_board.html", {"columns": columns})
