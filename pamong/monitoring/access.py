"""Who may see and change what in monitoring and evaluation. Every view, endpoint and command asks here.

Built on :mod:`pamong.people.access` (units) and :mod:`pamong.accounts.scope` (roles).
Each rule on its own line, each tested per persona:

- read the structure, targets, realisations and evaluation of an OPD: whoever
  may see the OPD unit (``units_visible_to``: BKD administrator, the OPD's
  operator, leaders over it); plus, for the items they answer for, the
  responsible official (their own item and the items under it); plus the head
  of the OPD (the holder of its head post) for the whole OPD;
- write the structure and targets (the OPD's "planning staff"): whoever may
  write the OPD unit (``units_writable_by``: its operator, the BKD administrator);
- enter a quarter's realisation: the item's responsible official (its own, or
  the nearest parent's when the item has none), or the OPD's planning staff;
- verify or return a submitted quarter: the OPD's planning staff, never the
  person who submitted it;
- reopen a locked quarter, change deadlines: a BKD administrator only;
- nobody else sees anything. "Not allowed" raises Http404, like "not found".
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404

from pamong.accounts.scope import scope_for
from pamong.people.access import readable_unit_ids, writable_unit_ids
from pamong.people.models import Employee, OrgUnit

from .models import Evidence, Indicator, PlanItem, Realisation


def _readable_opd_filter(user: Any) -> Q | None:
    """A filter on ``opd`` for the OPD this user reads whole; None means every OPD."""
    scope = scope_for(user)
    if scope.user_id is None:
        return Q(pk__in=[])
    ids = readable_unit_ids(scope)
    if ids is None:
        return None
    return Q(opd_id__in=ids) | Q(opd__head_position__holders__user_id=scope.user_id)


def plan_items_visible_to(user: Any):  # type: ignore[no-untyped-def]
    """Plan items (of any year) this user may read."""
    scope = scope_for(user)
    if scope.user_id is None:
        return PlanItem.objects.none()
    whole = _readable_opd_filter(user)
    if whole is None:
        return PlanItem.objects.all()
    own = PlanItem.objects.with_official_user(user).values("pk")
    return PlanItem.objects.filter(whole | Q(pk__in=own)).distinct()


def plan_items_writable_by(user: Any):  # type: ignore[no-untyped-def]
    """Plan items whose structure and targets this user may change (the OPD's planning staff)."""
    scope = scope_for(user)
    if scope.user_id is None:
        return PlanItem.objects.none()
    ids = writable_unit_ids(scope)
    if ids is None:
        return PlanItem.objects.all()
    return PlanItem.objects.filter(opd_id__in=ids)


def opds_writable_by(user: Any):  # type: ignore[no-untyped-def]
    """OPD in which this user may add plan items."""
    scope = scope_for(user)
    if scope.user_id is None:
        return OrgUnit.objects.none()
    ids = writable_unit_ids(scope)
    opds = OrgUnit.objects.opds()
    return opds if ids is None else opds.filter(pk__in=ids)


def opds_visible_to(user: Any):  # type: ignore[no-untyped-def]
    """OPD this user reads whole (the ranking, the reports, the OPD page)."""
    scope = scope_for(user)
    if scope.user_id is None:
        return OrgUnit.objects.none()
    ids = readable_unit_ids(scope)
    opds = OrgUnit.objects.opds()
    if ids is None:
        return opds
    return opds.filter(Q(pk__in=ids) | Q(head_position__holders__user_id=scope.user_id)).distinct()


def can_read_monev(user: Any) -> bool:
    """Reads at least one OPD whole (the ranking and the leaders' pages)."""
    return opds_visible_to(user).exists()


def require_monev_reader(user: Any) -> None:
    if not can_read_monev(user):
        raise Http404


def require_monev_planner(user: Any) -> None:
    """May write the structure of at least one OPD (the import page)."""
    if not opds_writable_by(user).exists():
        raise Http404


def get_opd_for_user(user: Any, pk: int, *, write: bool = False) -> OrgUnit:
    """An OPD the user reads whole (or may plan for, with ``write``); else 404.

    A responsible official who reads only their own items gets the OPD too, so
    the OPD page can show them those items."""
    qs = opds_writable_by(user) if write else opds_visible_to(user)
    try:
        return qs.get(pk=pk)
    except (OrgUnit.DoesNotExist, ValueError, TypeError):
        pass
    if not write and plan_items_visible_to(user).filter(opd_id=pk).exists():
        return OrgUnit.objects.get(pk=pk)
    raise Http404


def get_plan_item_for_user(user: Any, pk: int, *, write: bool = False) -> PlanItem:
    """The plan item if this user may read it (or change its structure and targets, with ``write``); else 404."""
    qs = plan_items_writable_by(user) if write else plan_items_visible_to(user)
    try:
        return qs.select_related("opd", "parent", "responsible_unit", "responsible_official").get(pk=pk)
    except (PlanItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_indicator_for_user(user: Any, pk: int, *, write: bool = False) -> Indicator:
    items = plan_items_writable_by(user) if write else plan_items_visible_to(user)
    try:
        return Indicator.objects.select_related("plan_item", "plan_item__opd").get(pk=pk, plan_item__in=items)
    except (Indicator.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def effective_official(item: PlanItem) -> Employee | None:
    """The item's responsible official, or the nearest parent's when it has none."""
    node: PlanItem | None = item
    while node is not None:
        if node.responsible_official_id:
            return node.responsible_official
        node = node.parent
    return None


def is_responsible(user: Any, item: PlanItem) -> bool:
    official = effective_official(item)
    return official is not None and official.user_id is not None and official.user_id == getattr(user, "pk", None)


def is_planning_staff(user: Any, item: PlanItem) -> bool:
    """May write the item's OPD (its operator or a BKD administrator)."""
    return plan_items_writable_by(user).filter(pk=item.pk).exists()


def can_enter_realisation(user: Any, item: PlanItem) -> bool:
    return is_responsible(user, item) or is_planning_staff(user, item)


def get_plan_item_for_entry(user: Any, pk: int) -> PlanItem:
    """The plan item if this user may enter its quarterly realisation; else 404."""
    item = get_plan_item_for_user(user, pk)
    if not can_enter_realisation(user, item):
        raise Http404
    return item


def can_verify(user: Any, realisation: Realisation) -> bool:
    """The OPD's planning staff, and never the person who submitted it."""
    if realisation.submitted_by_id is not None and realisation.submitted_by_id == getattr(user, "pk", None):
        return False
    return is_planning_staff(user, realisation.plan_item)


def can_reopen(user: Any) -> bool:
    return scope_for(user).is_bkd_admin


def require_reopener(user: Any) -> None:
    if not can_reopen(user):
        raise Http404


def get_realisation_for_user(user: Any, pk: int) -> Realisation:
    """A quarter's realisation if this user may read its plan item; else 404."""
    try:
        return Realisation.objects.select_related(
            "plan_item", "plan_item__opd", "plan_item__parent", "plan_item__responsible_official"
        ).get(pk=pk, plan_item__in=plan_items_visible_to(user))
    except (Realisation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_evidence_for_user(user: Any, pk: int) -> Evidence:
    """An evidence file if this user may read its realisation; else 404."""
    try:
        return Evidence.objects.select_related("realisation", "realisation__plan_item").get(
            pk=pk, realisation__plan_item__in=plan_items_visible_to(user)
        )
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def realisations_verifiable_by(user: Any):  # type: ignore[no-untyped-def]
    """Submitted reports this user may verify (not their own submissions)."""
    return (
        Realisation.objects.awaiting_verification()
        .filter(plan_item__in=plan_items_writable_by(user))
        .exclude(submitted_by_id=getattr(user, "pk", None))
    )


def assignable_officials(opd: OrgUnit):  # type: ignore[no-untyped-def]
    """Employees who may be named responsible for an item of this OPD: its active staff."""
    return Employee.objects.active().in_subtree(opd).select_related("position").order_by("name")


def assignable_units(opd: OrgUnit):  # type: ignore[no-untyped-def]
    return OrgUnit.objects.filter(pk__in=OrgUnit.objects.subtree_ids(opd.pk)).order_by("code")
