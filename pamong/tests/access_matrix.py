"""Shared vocabulary of the route access matrix (see test_route_access.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PERSONAS = ("anonymous", "ani", "budi", "citra", "dodi", "eka", "fajar", "gita")
READERS = {"ani", "budi", "eka", "fajar"}
WRITERS = {"ani", "budi"}
LOGGED_IN = set(PERSONAS) - {"anonymous"}
EVERYONE = set(PERSONAS)  # with anonymous=200 for public pages


@dataclass
class Route:
    allowed: set[str]
    args: Callable[[object], list] = field(default=lambda p: [])
    ok: int = 200
    anonymous: int = 302  # to the log-in page (public pages: 200)
    method: str = "get"


@dataclass
class ApiOp:
    """One API operation's rule: personas in ``allowed`` get ``ok`` with their own token, others ``denied``.

    Apps declare theirs in ``pamong/<app>/tests/api_operations.py`` as
    ``OPERATIONS = {("GET", "/api/v1/skm/services"): ApiOp(...)}``; public
    endpoints set ``anonymous=200``.
    """

    allowed: set[str]
    ok: int = 200
    denied: int = 404
    path: Callable[[Any, str], str] = field(default=lambda p, who: "")
    body: Callable[[Any, str], dict[str, Any]] | None = None
    anonymous: int = 401
