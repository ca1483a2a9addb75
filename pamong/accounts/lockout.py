"""How django-axes names the account being tried.

allauth passes ``username=`` or ``email=`` to the backends while the form field
is ``login``; without this, failures and the lockout check would key on
different names and the lockout would never trigger.
"""

from __future__ import annotations


def lockout_username(request, credentials: dict | None = None) -> str:  # type: ignore[no-untyped-def]
    if credentials:
        value = credentials.get("login") or credentials.get("username") or credentials.get("email") or ""
    else:
        value = getattr(request, "POST", {}).get("login", "") if request is not None else ""
    return str(value).strip().lower()
