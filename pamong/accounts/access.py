"""Access helpers that need only roles (no org units)."""

from __future__ import annotations

from django.http import Http404

from .scope import scope_for


def require_bkd_admin(user) -> None:  # type: ignore[no-untyped-def]
    """404 unless the user holds a BKD administrator role."""
    if not scope_for(user).is_bkd_admin:
        raise Http404


def require_login(user) -> None:  # type: ignore[no-untyped-def]
    if user is None or not user.is_authenticated:
        raise Http404
