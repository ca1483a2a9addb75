"""Small helpers shared by the learning views."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def apply_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's errors on the form fields they name (or on the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def flash_errors(request: HttpRequest, exc: ValidationError) -> None:
    for text in exc.messages:
        messages.error(request, text)


def base_url(request: HttpRequest) -> str:
    """The origin the user reached us on, for links printed into PDFs."""
    return request.build_absolute_uri("/").rstrip("/")
