"""Who may see IP ASN results and rule sets (each rule on its own line, tested per persona).

- an employee sees their own results;
- operators and leaders see the results of employees and units in their scope (``people.access``);
- a BKD administrator sees everything, and alone may copy and edit rule sets and run measurements;
- rule sets are readable by anyone who may see some result;
- anything else is a 404, like "not found".
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from pamong.accounts.access import require_bkd_admin
from pamong.accounts.scope import scope_for
from pamong.people.access import can_read_people, employees_visible_to, get_unit_for_user, units_writable_by
from pamong.people.models import Employee, OrgUnit


def own_employee(user: Any) -> Employee | None:
    if user is None or not user.is_authenticated:
        return None
    return Employee.objects.filter(user=user).select_related("org_unit", "position").first()


def can_see_results(user: Any) -> bool:
    """Reads some unit, or has an employee record of their own."""
    if can_read_people(user):
        return True
    return own_employee(user) is not None


def require_results_reader(user: Any) -> None:
    if not can_see_results(user):
        raise Http404


def require_unit_reader(user: Any) -> None:
    """Unit and regency figures: operators, leaders and BKD administrators."""
    if not can_read_people(user):
        raise Http404


def get_employee_results_for_user(user: Any, pk: int) -> Employee:
    """An employee whose results this user may see (themselves, or in scope); else 404."""
    try:
        return employees_visible_to(user).select_related("org_unit", "position").get(pk=pk)
    except (Employee.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_unit_results_for_user(user: Any, pk: int) -> OrgUnit:
    require_unit_reader(user)
    return get_unit_for_user(user, pk)


def can_set_target(user: Any, unit: OrgUnit) -> bool:
    """BKD administrators and the unit's operators set its target."""
    return units_writable_by(user).filter(pk=unit.pk).exists()


def reads_regency(user: Any) -> bool:
    return scope_for(user).regency_read


__all__ = [
    "can_see_results",
    "can_set_target",
    "get_employee_results_for_user",
    "get_unit_results_for_user",
    "own_employee",
    "reads_regency",
    "require_bkd_admin",
    "require_results_reader",
    "require_unit_reader",
]
