"""The programme catalogue and its question bank."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pamong.people.models import OrgUnit

from .. import services
from ..access import (
    batches_visible_to,
    can_edit_question_bank,
    get_programme_bank_for_user,
    get_programme_for_user,
    get_question_for_user,
    is_learning_admin,
    programmes_visible_to,
    require_learning_admin,
    require_learning_reader,
)
from ..forms import ProgrammeForm, QuestionForm
from .common import apply_errors


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    require_learning_reader(request.user)
    programmes = programmes_visible_to(request.user).select_related("owner_unit").order_by("-is_active", "title")
    return render(
        request,
        "learning/programme_list.html",
        {"programmes": programmes, "can_manage": is_learning_admin(request.user)},
    )


def _units():  # type: ignore[no-untyped-def]
    return OrgUnit.objects.active().order_by("code")


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    require_learning_admin(request.user)
    form = ProgrammeForm(request.POST or None, units=_units())
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Program ditambahkan."))
            return redirect("learning:programme_detail", pk=programme.pk)
    return render(request, "learning/form.html", {"form": form, "title": _("Tambah program")})


@login_required
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk, write=True)
    form = ProgrammeForm(request.POST or None, instance=programme, units=_units())
    if request.method == "POST" and form.is_valid():
        try:
            stored = get_programme_for_user(request.user, pk, write=True)
            services.programme_update(actor=request.user, programme=stored, data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Program disimpan."))
            return redirect("learning:programme_detail", pk=pk)
    return render(request, "learning/form.html", {"form": form, "title": _("Ubah program"), "back": programme})


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, pk)
    batches = batches_visible_to(request.user).filter(programme=programme).for_list()
    can_bank = can_edit_question_bank(request.user, programme)
    questions = programme.questions.prefetch_related("choices") if can_bank else None
    return render(
        request,
        "learning/programme_detail.html",
        {
            "programme": programme,
            "batches": batches,
            "questions": questions,
            "can_manage": is_learning_admin(request.user),
            "can_bank": can_bank,
        },
    )


@login_required
def question_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_bank_for_user(request.user, pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_create(
                actor=request.user,
                programme=programme,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                choices=form.parsed_choices(),
                true_answer=form.cleaned_data["true_answer"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Soal ditambahkan ke bank soal."))
            if "again" in request.POST:
                return redirect("learning:question_create", pk=pk)
            return redirect("learning:programme_detail", pk=pk)
    return render(
        request,
        "learning/form.html",
        {"form": form, "title": _("Tambah soal — %(p)s") % {"p": programme.title}, "again": True},
    )


@login_required
@require_POST
def question_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request.user, pk)
    services.question_set_active(actor=request.user, question=question, active=not question.is_active)
    return redirect("learning:programme_detail", pk=question.programme_id)
