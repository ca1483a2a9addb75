"""Who may see and do what in learning. Every view, endpoint and command goes through these.

Rules (each on its own line below, each tested per persona):

- a BKD administrator manages everything (programmes, batches, closing, certificates, targets);
- a facilitator sees and runs the batches they are assigned to (agenda, QR check-in, manual
  attendance, tests, retakes, results) and edits the question bank of those batches' programmes;
- an operator sees batches that are open or later, nominates employees of units they may
  write, and sees the participants from the units they may read;
- a leader reads batches, results, reports and the JP ledger, for participants and employees
  of the units they may read (the whole regency for a regency-wide leader);
- an employee sees their own enrolments, tests, feedback, action plan and certificates, and
  the direct supervisor evaluates the action plans of their staff;
- nobody else sees anything. "Not allowed" raises Http404, like "not found".
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from pamong.accounts.models import Role
from pamong.accounts.scope import scope_for
from pamong.people.access import (
    employees_visible_to,
    employees_writable_by,
    readable_unit_ids,
    writable_unit_ids,
)
from pamong.people.models import Employee

from .models import (
    ActionPlan,
    Batch,
    BatchQuerySet,
    BatchStatus,
    Certificate,
    Enrolment,
    EnrolmentQuerySet,
    Programme,
    Question,
    Session,
)

READ = "read"
RUN = "run"
MANAGE = "manage"
NOMINATE = "nominate"


def is_learning_admin(user: Any) -> bool:
    return scope_for(user).is_bkd_admin


def is_facilitator(user: Any) -> bool:
    return Role.FACILITATOR in scope_for(user).roles


def can_read_learning(user: Any) -> bool:
    """Holds a role that sees the learning back office (admin, operator, leader, facilitator)."""
    scope = scope_for(user)
    if scope.is_bkd_admin:
        return True
    if scope.regency_read or scope.read_units:
        return True
    return is_facilitator(user)


def can_nominate(user: Any) -> bool:
    scope = scope_for(user)
    return scope.regency_write or bool(scope.write_units)


def can_read_ledger(user: Any) -> bool:
    scope = scope_for(user)
    return scope.regency_read or bool(scope.read_units)


def require_learning_admin(user: Any) -> None:
    if not is_learning_admin(user):
        raise Http404


def require_learning_reader(user: Any) -> None:
    if not can_read_learning(user):
        raise Http404


def require_ledger_reader(user: Any) -> None:
    if not can_read_ledger(user):
        raise Http404


def require_employee(user: Any) -> Any:
    """The user's own employee record, or 404 (self-service needs one)."""
    employee = getattr(user, "employee", None) if user is not None and user.is_authenticated else None
    if employee is None:
        raise Http404
    return employee


# --- Programmes and questions ----------------------------------------------------------------------


def programmes_visible_to(user: Any) -> QuerySet[Programme]:
    if not can_read_learning(user):
        return Programme.objects.none()
    return Programme.objects.all()


def get_programme_for_user(user: Any, pk: int, *, write: bool = False) -> Programme:
    qs = programmes_visible_to(user)
    if write and not is_learning_admin(user):
        qs = Programme.objects.none()
    try:
        return qs.select_related("owner_unit").get(pk=pk)
    except (Programme.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_edit_question_bank(user: Any, programme: Programme) -> bool:
    if is_learning_admin(user):
        return True
    return is_facilitator(user) and programme.batches.filter(facilitators=user).exists()


def get_programme_bank_for_user(user: Any, pk: int) -> Programme:
    programme = get_programme_for_user(user, pk)
    if not can_edit_question_bank(user, programme):
        raise Http404
    return programme


def get_question_for_user(user: Any, pk: int) -> Question:
    try:
        question = Question.objects.select_related("programme").get(pk=pk)
    except (Question.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_edit_question_bank(user, question.programme):
        raise Http404
    return question


# --- Batches -----------------------------------------------------------------------------------------


def batches_visible_to(user: Any) -> BatchQuerySet:
    scope = scope_for(user)
    if scope.user_id is None:
        return Batch.objects.none()
    if scope.is_bkd_admin:
        return Batch.objects.all()
    if scope.regency_read:
        return Batch.objects.all()
    visible = Q(pk__in=[])
    if scope.read_units:
        visible |= ~Q(status=BatchStatus.DRAFT)
    if is_facilitator(user):
        visible |= Q(facilitators=user)
    return Batch.objects.filter(visible).distinct()


def batches_run_by(user: Any) -> BatchQuerySet:
    if is_learning_admin(user):
        return Batch.objects.all()
    if is_facilitator(user):
        return Batch.objects.filter(facilitators=user)
    return Batch.objects.none()


def get_batch_for_user(user: Any, pk: int, *, action: str = READ) -> Batch:
    """The batch if the user may ``read`` it, ``run`` it (facilitate), ``manage`` it (BKD) or
    ``nominate`` into it; else 404."""
    if action == MANAGE:
        qs = Batch.objects.all() if is_learning_admin(user) else Batch.objects.none()
    elif action == RUN:
        qs = batches_run_by(user)
    elif action == NOMINATE:
        qs = batches_visible_to(user) if can_nominate(user) else Batch.objects.none()
    else:
        qs = batches_visible_to(user)
    try:
        return qs.select_related("programme", "programme__owner_unit").get(pk=pk)
    except (Batch.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_run_batch(user: Any, batch: Batch) -> bool:
    return batches_run_by(user).filter(pk=batch.pk).exists()


def get_session_for_user(user: Any, pk: int) -> Session:
    """A session of a batch the user runs."""
    try:
        return Session.objects.select_related("batch", "batch__programme").get(pk=pk, batch__in=batches_run_by(user))
    except (Session.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- Participants ----------------------------------------------------------------------------------------


def enrolments_visible_in(user: Any, batch: Batch) -> EnrolmentQuerySet:
    """The batch's participants this user may see."""
    scope = scope_for(user)
    enrolments = Enrolment.objects.filter(batch=batch)
    if scope.is_bkd_admin or scope.regency_read:
        return enrolments
    if can_run_batch(user, batch):
        return enrolments
    ids = readable_unit_ids(scope)
    if ids is None:
        return enrolments
    return enrolments.filter(employee__org_unit_id__in=ids)


def enrolments_writable_in(user: Any, batch: Batch) -> EnrolmentQuerySet:
    """Participants this user may withdraw or re-nominate: BKD all, operators their units'."""
    scope = scope_for(user)
    enrolments = Enrolment.objects.filter(batch=batch)
    if scope.is_bkd_admin:
        return enrolments
    ids = writable_unit_ids(scope)
    if ids is None:
        return enrolments
    return enrolments.filter(employee__org_unit_id__in=ids)


def nominable_employees(user: Any) -> QuerySet[Any]:
    """Active employees this user may nominate: BKD anyone, operators those of units they may write."""
    return employees_writable_by(user).active()


def get_enrolment_for_user(user: Any, pk: int, *, write: bool = False) -> Enrolment:
    try:
        enrolment = Enrolment.objects.select_related("batch", "batch__programme", "employee").get(pk=pk)
    except (Enrolment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    qs = enrolments_writable_in if write else enrolments_visible_in
    if not qs(user, enrolment.batch).filter(pk=pk).exists():
        raise Http404
    return enrolment


def own_enrolments(user: Any) -> EnrolmentQuerySet:
    employee = getattr(user, "employee", None) if user is not None and user.is_authenticated else None
    if employee is None:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(employee=employee)


def get_own_enrolment(user: Any, pk: int) -> Enrolment:
    """One of the user's own enrolments, or 404."""
    try:
        return own_enrolments(user).select_related("batch", "batch__programme", "employee").get(pk=pk)
    except (Enrolment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- Certificates ------------------------------------------------------------------------------------------


def get_certificate_for_user(user: Any, pk: int) -> Certificate:
    """The holder's own certificate, or one of a participant this user may see."""
    try:
        certificate = Certificate.objects.select_related("enrolment", "enrolment__batch").get(pk=pk)
    except (Certificate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if own_enrolments(user).filter(pk=certificate.enrolment_id).exists():
        return certificate
    if can_read_learning(user) and (
        enrolments_visible_in(user, certificate.enrolment.batch).filter(pk=certificate.enrolment_id).exists()
    ):
        return certificate
    raise Http404


def get_certificate_to_revoke(user: Any, pk: int) -> Certificate:
    require_learning_admin(user)
    try:
        return Certificate.objects.select_related("enrolment", "enrolment__batch").get(pk=pk)
    except (Certificate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- Action plans ----------------------------------------------------------------------------------------------


def plans_to_evaluate(user: Any) -> QuerySet[ActionPlan]:
    """Action plans whose participant's direct supervisor is this user's employee record."""
    employee = getattr(user, "employee", None) if user is not None and user.is_authenticated else None
    if employee is None:
        return ActionPlan.objects.none()
    return ActionPlan.objects.filter(supervisor=employee)


def get_plan_for_supervisor(user: Any, pk: int) -> ActionPlan:
    try:
        return plans_to_evaluate(user).select_related("enrolment__employee", "enrolment__batch__programme").get(pk=pk)
    except (ActionPlan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def plans_visible_to(user: Any) -> QuerySet[ActionPlan]:
    """The follow-up board: BKD and regency leaders see all; others their units' participants."""
    scope = scope_for(user)
    if scope.is_bkd_admin or scope.regency_read:
        return ActionPlan.objects.all()
    ids = readable_unit_ids(scope)
    if not ids:
        return ActionPlan.objects.none()
    return ActionPlan.objects.filter(enrolment__employee__org_unit_id__in=ids)


def enrolments_for_board(user: Any) -> EnrolmentQuerySet:
    """Completed participants on the follow-up board (with or without a plan)."""
    scope = scope_for(user)
    enrolments = Enrolment.objects.filter(completed=True)
    if scope.is_bkd_admin or scope.regency_read:
        return enrolments
    ids = readable_unit_ids(scope)
    if not ids:
        return Enrolment.objects.none()
    return enrolments.filter(employee__org_unit_id__in=ids)


def require_board_reader(user: Any) -> None:
    if not can_read_ledger(user):
        raise Http404


# --- JP ledger ---------------------------------------------------------------------------------------------------


def get_ledger_employee(user: Any, pk: int) -> Any:
    """An employee whose JP this user may read: anyone visible to them (self included)."""
    try:
        return employees_visible_to(user).select_related("org_unit", "position").get(pk=pk)
    except (Employee.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
