"""Small helpers shared by the services: collecting field errors."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def _check(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)
