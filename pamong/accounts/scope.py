"""What a user's role assignments allow, as plain data.

This module knows roles, not org units: ``people.access`` turns a
:class:`Scope` into querysets. Keeping it here lets every app ask "may this
user do X" without importing ``people``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Role, RoleAssignment


@dataclass(frozen=True)
class UnitGrant:
    unit_id: int
    include_subtree: bool


@dataclass(frozen=True)
class Scope:
    """Everything one user may see and change, per role."""

    user_id: int | None
    regency_read: bool = False
    regency_write: bool = False
    read_units: tuple[UnitGrant, ...] = ()
    write_units: tuple[UnitGrant, ...] = ()
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_bkd_admin(self) -> bool:
        return Role.BKD_ADMIN in self.roles

    @property
    def is_staff_role(self) -> bool:
        """Holds any role beyond self-service."""
        return bool(self.roles)


def scope_for(user) -> Scope:  # type: ignore[no-untyped-def]
    """1. Anonymous or inactive users get an empty scope. 2. Each current role
    assignment adds read (and, for BKD administrators and operators, write)
    access: regency-wide when it names no unit, else the unit with or without
    its subtree. Facilitators get no employee scope here; their access to
    participants comes from the batches they teach."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Scope(user_id=None)
    cached = getattr(user, "_pamong_scope", None)
    if cached is not None:
        return cached
    regency_read = regency_write = False
    read: list[UnitGrant] = []
    write: list[UnitGrant] = []
    roles: set[str] = set()
    for ra in RoleAssignment.objects.current().filter(user=user).only("role", "org_unit_id", "include_subtree"):
        roles.add(ra.role)
        if ra.role == Role.FACILITATOR:
            continue
        can_write = ra.role in (Role.BKD_ADMIN, Role.OPERATOR)
        if ra.org_unit_id is None:
            regency_read = True
            regency_write = regency_write or can_write
            continue
        grant = UnitGrant(ra.org_unit_id, ra.include_subtree)
        read.append(grant)
        if can_write:
            write.append(grant)
    scope = Scope(
        user_id=user.pk,
        regency_read=regency_read,
        regency_write=regency_write,
        read_units=tuple(read),
        write_units=tuple(write),
        roles=frozenset(roles),
    )
    user._pamong_scope = scope
    return scope
