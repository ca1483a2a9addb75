"""Formatting for monev templates: Indonesian numbers, band labels and colours. No rules here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from pamong.core.formatting import number_id

from ..models import BandChoice

register = template.Library()


@register.filter
def pct(value: Decimal | None) -> str:
    """``95,00`` (no % sign); a dash when there is no figure."""
    return "—" if value is None else number_id(value, 2)


@register.filter
def rp(value: Decimal | None) -> str:
    """Rupiah without decimals: ``470.000.000``."""
    return "—" if value is None else number_id(value, 0)


@register.filter
def vol(value: Decimal | None) -> str:
    """A volume with only the decimals it needs: ``95``, ``14,5``, ``1.250``."""
    if value is None:
        return "—"
    normal = Decimal(value).normalize()
    exponent = normal.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return number_id(normal, min(places, 4))


@register.filter
def band_label(band: Any) -> str:
    if not band:
        return "—"
    return str(BandChoice(getattr(band, "value", band)).label)


@register.filter
def band_class(band: Any) -> str:
    """The CSS class of a band's colour (static/monitoring/monev.css)."""
    value = getattr(band, "value", band) or "none"
    return f"band-{value}"


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def roman(quarter: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV"}.get(quarter, str(quarter))
