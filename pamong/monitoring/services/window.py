"""The quarter's entry window: open from its first day, locked after its deadline, reopened by the BKD."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import OrgUnit

from ..models import (
    PlanItem,
    Reopening,
    period_setting,
)
from ..periods import quarter_start, roman
from .common import _add, _check

# --- The quarter's window: open, locked, reopened ------------------------------------------------------------


@dataclass(frozen=True)
class QuarterWindow:
    year: int
    quarter: int
    opens: dt.date
    deadline: dt.date
    reopened_until: dt.date | None
    today: dt.date

    @property
    def not_yet_open(self) -> bool:
        return self.today < self.opens

    @property
    def is_locked(self) -> bool:
        """Past the deadline and not reopened up to today."""
        if self.today <= self.deadline:
            return False
        return self.reopened_until is None or self.today > self.reopened_until

    @property
    def is_open(self) -> bool:
        return not self.not_yet_open and not self.is_locked

    @property
    def closes(self) -> dt.date:
        if self.reopened_until is not None and self.reopened_until > self.deadline:
            return self.reopened_until
        return self.deadline


def quarter_window(*, opd_id: int, year: int, quarter: int, today: dt.date | None = None) -> QuarterWindow:
    """1. Entering opens on the quarter's first day. 2. It closes after the year's deadline for
    the quarter (default: ten days after its end). 3. A BKD administrator's reopening keeps it
    open until the reopening's date."""
    today = today or timezone.localdate()
    reopened = Reopening.objects.filter(opd_id=opd_id, year=year, quarter=quarter).aggregate(m=Max("open_until"))["m"]
    return QuarterWindow(
        year=year,
        quarter=quarter,
        opens=quarter_start(year, quarter),
        deadline=period_setting(year).deadline(quarter),
        reopened_until=reopened,
        today=today,
    )


def _require_open(item: PlanItem, quarter: int) -> None:
    window = quarter_window(opd_id=item.opd_id, year=item.year, quarter=quarter)
    if window.not_yet_open:
        raise ValidationError(
            _("Triwulan %(q)s belum dimulai; realisasi dapat diisi mulai %(day)s.")
            % {"q": roman(quarter), "day": window.opens.strftime("%d-%m-%Y")}
        )
    if window.is_locked:
        raise ValidationError(
            _("Triwulan %(q)s sudah dikunci sejak batas waktu %(day)s. Minta administrator BKD membukanya kembali.")
            % {"q": roman(quarter), "day": window.deadline.strftime("%d-%m-%Y")}
        )


@transaction.atomic
def quarter_reopen(
    *,
    actor: Any,
    opd: OrgUnit,
    year: int,
    quarter: int,
    open_until: dt.date,
    reason: str,
    source: str = Source.WEB,
) -> Reopening:
    errors: dict[str, list[str]] = {}
    if quarter not in (1, 2, 3, 4):
        _add(errors, "quarter", _("Triwulan harus 1 sampai 4."))
    if open_until < timezone.localdate():
        _add(errors, "open_until", _("Tanggal dibuka sampai tidak boleh sebelum hari ini."))
    if not reason.strip():
        _add(errors, "reason", _("Tuliskan alasan membuka kembali triwulan ini."))
    _check(errors)
    reopening = Reopening.objects.create(
        opd=opd, year=year, quarter=quarter, open_until=open_until, reason=reason.strip(), reopened_by=actor
    )
    audit_record(
        actor=actor,
        action="monev.quarter.reopened",
        obj=reopening,
        source=source,
        changes={"opd": opd.pk, "year": year, "quarter": quarter, "open_until": open_until, "reason": reason.strip()},
    )
    return reopening
