"""Access helpers for units and employees. Every view, endpoint and command goes through these.

Rules (each on its own line below, each tested per persona):
- a BKD administrator reads and writes everything;
- a leader reads their unit subtree (or the regency), never writes;
- an operator reads and writes their unit (with or without its subtree);
- anyone linked to an employee record reads that record (self-service);
- nobody else sees anything. "Not allowed" raises Http404, like "not found".
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from pamong.accounts.scope import Scope, UnitGrant, scope_for

from .models import Employee, OrgUnit


def _unit_ids(grants: tuple[UnitGrant, ...]) -> set[int]:
    ids: set[int] = set()
    for grant in grants:
        if grant.include_subtree:
            ids.update(OrgUnit.objects.subtree_ids(grant.unit_id))
        else:
            ids.add(grant.unit_id)
    return ids


def readable_unit_ids(scope: Scope) -> set[int] | None:
    """Unit ids the scope may read; None means every unit."""
    if scope.regency_read:
        return None
    return _unit_ids(scope.read_units)


def writable_unit_ids(scope: Scope) -> set[int] | None:
    """Unit ids the scope may write; None means every unit."""
    if scope.regency_write:
        return None
    return _unit_ids(scope.write_units)


def units_visible_to(user):  # type: ignore[no-untyped-def]
    scope = scope_for(user)
    ids = readable_unit_ids(scope)
    if ids is None:
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(pk__in=ids)


def units_writable_by(user):  # type: ignore[no-untyped-def]
    scope = scope_for(user)
    ids = writable_unit_ids(scope)
    if ids is None:
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(pk__in=ids)


def can_write_people(user) -> bool:  # type: ignore[no-untyped-def]
    """Holds any role that may add or change employees somewhere."""
    scope = scope_for(user)
    return scope.regency_write or bool(scope.write_units)


def can_read_people(user) -> bool:  # type: ignore[no-untyped-def]
    scope = scope_for(user)
    return scope.regency_read or bool(scope.read_units)


def employees_visible_to(user):  # type: ignore[no-untyped-def]
    """Employees this user may read."""
    scope = scope_for(user)
    if scope.user_id is None:
        return Employee.objects.none()
    if scope.regency_read:
        return Employee.objects.all()
    ids = _unit_ids(scope.read_units)
    return Employee.objects.filter(Q(org_unit_id__in=ids) | Q(user_id=scope.user_id))


def employees_writable_by(user):  # type: ignore[no-untyped-def]
    """Employees this user may change (self-service does not include editing one's record)."""
    scope = scope_for(user)
    if scope.user_id is None:
        return Employee.objects.none()
    if scope.regency_write:
        return Employee.objects.all()
    return Employee.objects.filter(org_unit_id__in=_unit_ids(scope.write_units))


def get_employee_for_user(user, pk: int, *, write: bool = False) -> Employee:  # type: ignore[no-untyped-def]
    """The employee if this user may read it (or change it, with ``write``); else 404."""
    qs = employees_writable_by(user) if write else employees_visible_to(user)
    try:
        return qs.select_related("org_unit", "position", "user").get(pk=pk)
    except (Employee.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_unit_for_user(user, pk: int, *, write: bool = False) -> OrgUnit:  # type: ignore[no-untyped-def]
    qs = units_writable_by(user) if write else units_visible_to(user)
    try:
        return qs.get(pk=pk)
    except (OrgUnit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require_people_reader(user) -> None:  # type: ignore[no-untyped-def]
    if not can_read_people(user):
        raise Http404


def require_people_writer(user) -> None:  # type: ignore[no-untyped-def]
    if not can_write_people(user):
        raise Http404
