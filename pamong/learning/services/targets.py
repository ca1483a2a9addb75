"""The JP targets per employee status: a small settings table edited by BKD administrators."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from pamong.core.audit import audit_record
from pamong.core.models import Source

from ..errors import message
from ..models import DEFAULT_TARGETS, JpTarget


def targets_for(year: int) -> dict[str, tuple[Decimal, bool]]:
    """``{status: (target, is_default)}`` for ``year``: the latest row from that year or before,
    else the default (PNS 20 [firm], CPNS 20 and PPPK 24 [common])."""
    found: dict[str, tuple[Decimal, bool]] = {s: (v, True) for s, v in DEFAULT_TARGETS.items()}
    seen: set[str] = set()
    for target in JpTarget.objects.filter(year_from__lte=year).order_by("status", "-year_from"):
        if target.status in seen:
            continue
        seen.add(target.status)
        found[target.status] = (target.hours_jp, False)
    return found


@transaction.atomic
def jp_target_set(*, actor: Any, status: str, year_from: int, hours_jp: Decimal, source: str = Source.WEB) -> JpTarget:
    if Decimal(hours_jp) < 0:
        raise ValidationError({"hours_jp": message("target_negative")})
    before = targets_for(year_from).get(status, (None, True))[0]
    target, _created = JpTarget.objects.update_or_create(
        status=status,
        year_from=year_from,
        defaults={"hours_jp": hours_jp, "updated_by": actor if getattr(actor, "pk", None) else None},
    )
    audit_record(
        actor=actor,
        action="learning.jp_target.set",
        obj=target,
        source=source,
        changes={"status": [None, status], "year_from": [None, year_from], "hours_jp": [before, Decimal(hours_jp)]},
    )
    return target
