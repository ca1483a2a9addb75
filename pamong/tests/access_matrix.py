"""Shared vocabulary of the route access matrix (see test_route_access.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
