"""Pembelajaran saya: the employee's own batches, invitations, tests, feedback, action plan,
certificates, and progress toward the year's JP target."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import can_read_learning, get_own_enrolment, own_enrolments, plans_to_evaluate
from ..forms import ActionPlanForm, FeedbackForm, MilestoneFormSet
from ..ledger import employee_year
from ..models import (
    ActionPlan,
    AttemptKind,
    BatchStatus,
    Certificate,
    Choice,
    EnrolmentStatus,
    FeedbackSubmission,
    Question,
    TestAttempt,
)
from ..results import batch_results, missing_texts
from ..services.tests import attempts_left, is_open
from .common import apply_errors, flash_errors


@login_required
def learning_home(request: HttpRequest) -> HttpResponse:
    if can_read_learning(request.user):
        return redirect("learning:batch_list")
    return redirect("learning:my_learning")


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    employee = getattr(request.user, "employee", None)
    if employee is None:
        return render(request, "learning/my_learning.html", {"employee": None})
    today = timezone.localdate()
    enrolments = list(
        own_enrolments(request.user).select_related("batch", "batch__programme").order_by("-batch__start_date", "-id")
    )
    certificates = {c.enrolment_id: c for c in Certificate.objects.filter(enrolment__in=[e.pk for e in enrolments])}
    invitations = [e for e in enrolments if e.status == EnrolmentStatus.INVITED]
    active = [
        e
        for e in enrolments
        if e.status in (EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED) and e.batch.status != BatchStatus.CLOSED
    ]
    past = [e for e in enrolments if e.batch.status == BatchStatus.CLOSED and e.status == EnrolmentStatus.CONFIRMED]
    to_evaluate = list(
        plans_to_evaluate(request.user)
        .select_related("enrolment__employee", "enrolment__batch__programme")
        .order_by("evaluation_due")
    )
    year = today.year
    return render(
        request,
        "learning/my_learning.html",
        {
            "employee": employee,
            "invitations": invitations,
            "active": active,
            "past": past,
            "certificates": certificates,
            "ledger": employee_year(employee, year),
            "year": year,
            "to_evaluate": to_evaluate,
            "today": today,
        },
    )


@login_required
def my_enrolment(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_own_enrolment(request.user, pk)
    batch = enrolment.batch
    results = batch_results(batch, [enrolment])
    row = results.rows[0]
    tests = []
    for kind in (AttemptKind.PRE, AttemptKind.POST):
        latest = row.pre if kind == AttemptKind.PRE else row.post
        running = TestAttempt.objects.filter(enrolment=enrolment, kind=kind, submitted_at__isnull=True).first()
        tests.append(
            {
                "kind": kind,
                "label": AttemptKind(kind).label,
                "open": is_open(enrolment, kind),
                "left": attempts_left(enrolment, kind),
                "latest": latest,
                "running": running,
            }
        )
    context: dict[str, Any] = {
        "enrolment": enrolment,
        "batch": batch,
        "row": row,
        "sessions": results.sessions,
        "missing": missing_texts(row.completion),
        "tests": tests,
        "feedback_done": FeedbackSubmission.objects.filter(enrolment=enrolment).exists(),
        "certificate": Certificate.objects.filter(enrolment=enrolment).first(),
        "plan": ActionPlan.objects.filter(enrolment=enrolment).prefetch_related("milestones").first(),
        "jp": results.jp,
    }
    return render(request, "learning/my_enrolment.html", context)


@login_required
@require_POST
def enrolment_respond(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_own_enrolment(request.user, pk)
    answer = request.POST.get("answer")
    try:
        if answer == "confirm":
            services.enrolment_respond(actor=request.user, enrolment=enrolment, accept=True)
            messages.success(request, _("Keikutsertaan Anda terkonfirmasi. Sampai jumpa di kelas!"))
        elif answer == "decline":
            services.enrolment_respond(actor=request.user, enrolment=enrolment, accept=False)
            messages.info(request, _("Undangan ditolak."))
        elif answer == "withdraw":
            services.enrolment_withdraw(actor=request.user, enrolment=enrolment, reason=request.POST.get("reason", ""))
            messages.info(request, _("Anda mengundurkan diri dari angkatan ini."))
            return redirect("learning:my_learning")
        else:
            messages.error(request, _("Tindakan tidak dikenal."))
    except ValidationError as exc:
        flash_errors(request, exc)
    return redirect("learning:my_enrolment", pk=pk)


@login_required
def test_take(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """GET starts (or resumes) an attempt and shows it; POST submits it."""
    if kind not in AttemptKind.values:
        raise Http404
    enrolment = get_own_enrolment(request.user, pk)
    if request.method == "POST":
        attempt = TestAttempt.objects.filter(
            enrolment=enrolment, kind=kind, pk=request.POST.get("attempt") or 0, submitted_at__isnull=True
        ).first()
        if attempt is None:
            messages.error(request, _("Percobaan ini sudah dikirim atau tidak ditemukan."))
            return redirect("learning:my_enrolment", pk=pk)
        answers = {
            str(qid): [int(v) for v in request.POST.getlist(f"q{qid}") if v.isdigit()] for qid, _c in attempt.layout
        }
        attempt = services.attempt_submit(actor=request.user, attempt=attempt, answers=answers)
        if attempt.late:
            messages.warning(request, _("Waktu sudah habis; jawaban yang terlambat tidak dihitung."))
        messages.success(
            request,
            _("%(kind)s terkirim. Nilai Anda %(score)s (%(c)d dari %(t)d benar).")
            % {"kind": attempt.get_kind_display(), "score": attempt.score, "c": attempt.correct, "t": attempt.total},
        )
        return redirect("learning:my_enrolment", pk=pk)
    try:
        attempt = services.attempt_start(actor=request.user, enrolment=enrolment, kind=kind)
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect("learning:my_enrolment", pk=pk)
    question_ids = [qid for qid, _c in attempt.layout]
    questions = Question.objects.in_bulk(question_ids)
    choices = Choice.objects.in_bulk([cid for _q, cids in attempt.layout for cid in cids])
    items = [
        {"question": questions[qid], "choices": [choices[c] for c in cids if c in choices]}
        for qid, cids in attempt.layout
        if qid in questions
    ]
    remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
    return render(
        request,
        "learning/test_take.html",
        {"enrolment": enrolment, "attempt": attempt, "items": items, "remaining": remaining},
    )


@login_required
def feedback_form(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_own_enrolment(request.user, pk)
    if FeedbackSubmission.objects.filter(enrolment=enrolment).exists():
        messages.info(request, _("Anda sudah mengisi umpan balik angkatan ini. Terima kasih!"))
        return redirect("learning:my_enrolment", pk=pk)
    if not enrolment.batch.feedback_open:
        messages.info(request, _("Umpan balik belum dibuka untuk angkatan ini."))
        return redirect("learning:my_enrolment", pk=pk)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.feedback_submit(
                actor=request.user,
                enrolment=enrolment,
                ratings={k: data[k] for k in ("content", "facilitators", "organisation", "relevance")},
                comments=data["comments"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Terima kasih; umpan balik Anda tersimpan tanpa nama."))
            return redirect("learning:my_enrolment", pk=pk)
    return render(request, "learning/feedback_form.html", {"enrolment": enrolment, "form": form})


@login_required
def action_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_own_enrolment(request.user, pk)
    plan = ActionPlan.objects.filter(enrolment=enrolment).prefetch_related("milestones").first()
    initial_rows = (
        [
            {"description": m.description, "measure": m.measure, "target_date": m.target_date}
            for m in plan.milestones.all()
        ]
        if plan
        else []
    )
    form = ActionPlanForm(
        request.POST or None, initial={"title": plan.title, "description": plan.description} if plan else None
    )
    formset = MilestoneFormSet(request.POST or None, initial=initial_rows, prefix="m")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.action_plan_save(
                actor=request.user,
                enrolment=enrolment,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                milestones=[f.cleaned_data for f in formset.forms if f.cleaned_data],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Rencana aksi tersimpan."))
            return redirect("learning:my_enrolment", pk=pk)
    return render(
        request,
        "learning/action_plan_form.html",
        {
            "enrolment": enrolment,
            "form": form,
            "formset": formset,
            "plan": plan,
            "allowed": enrolment.completed is True and not (plan and plan.evaluated_at),
            "supervisor": enrolment.employee.direct_supervisor(),
        },
    )
