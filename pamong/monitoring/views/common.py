"""Small helpers shared by the monev pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from ..forms import PeriodForm
from ..periods import quarter_of


def period_of(request: HttpRequest) -> tuple[int, int]:
    """The year and quarter a page shows: from ``?year=&quarter=``, else today's (a past year: TW IV)."""
    today = timezone.localdate()
    form = PeriodForm(request.GET or None)
    year = quarter = None
    if form.is_valid():
        year, quarter = form.cleaned_data.get("year"), form.cleaned_data.get("quarter")
    year = year or today.year
    if not quarter:
        quarter = quarter_of(today)[1] if year == today.year else (4 if year < today.year else 1)
    return year, quarter


def apply_service_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's field errors on the form fields they name (or on the form)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def period_context(year: int, quarter: int) -> dict[str, Any]:
    return {"year": year, "quarter": quarter, "years": range(year - 2, year + 2), "quarters": (1, 2, 3, 4)}
