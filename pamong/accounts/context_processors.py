from __future__ import annotations

from typing import Any

from .models import Role
from .scope import scope_for


def navigation(request) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Which parts of the menu this user can use; the views check again."""
    scope = scope_for(getattr(request, "user", None))
    can_read = scope.regency_read or bool(scope.read_units)
    can_write = scope.regency_write or bool(scope.write_units)
    return {
        "nav": {
            "people": can_read,
            "learning": scope.is_bkd_admin or can_read or Role.FACILITATOR in scope.roles,
            "people_write": can_write,
            "imports": can_write,
            "audit": scope.is_bkd_admin,
            "admin": scope.is_bkd_admin,
        },
        "scope": scope,
    }
