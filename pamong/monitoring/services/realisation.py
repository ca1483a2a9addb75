"""Quarterly realisation: saving, the submit/verify/return workflow, evidence files, automatic values."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record, diff, snapshot
from pamong.core.models import Source

from .. import sources
from ..models import (
    EDITABLE,
    Evidence,
    Indicator,
    Level,
    PlanItem,
    Realisation,
    RealisationValue,
    Status,
)
from ..periods import roman
from .common import _add, _check
from .notifications import notify
from .window import _require_open, quarter_window

REALISATION_FIELDS = ("budget_spent", "drivers", "obstacles", "follow_up")

# --- Quarterly realisation -------------------------------------------------------------------------------------


def _realisation_for_update(item: PlanItem, quarter: int) -> tuple[Realisation, bool]:
    realisation, created = Realisation.objects.select_for_update().get_or_create(plan_item=item, quarter=quarter)
    return realisation, created


def _values_of(realisation: Realisation) -> dict[str, Any]:
    return {str(v.indicator_id): v.value for v in realisation.values.all()}


@transaction.atomic
def realisation_save(
    *,
    actor: Any,
    item: PlanItem,
    quarter: int,
    values: Mapping[int, Decimal | None],
    data: Mapping[str, Any],
    source: str = Source.WEB,
) -> Realisation:
    """Save a draft (or a returned report being corrected).

    1. The quarter is open (not before its start, not locked). 2. The report is a draft or
    returned (a submitted or verified report cannot be edited). 3. Budget spent is for a
    sub-activity only and not negative. 4. Values of automatic indicators are not typed in:
    they are computed again from their source on every save. 5. Volumes are saved per
    indicator; the change is audited field by field."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": [_("Triwulan harus 1 sampai 4.")]})
    _require_open(item, quarter)
    realisation, created = _realisation_for_update(item, quarter)
    if realisation.status not in EDITABLE:
        raise ValidationError(
            _("Realisasi triwulan ini berstatus %(status)s dan tidak dapat diubah.")
            % {"status": realisation.get_status_display()}
        )
    errors: dict[str, list[str]] = {}
    spent = data.get("budget_spent")
    if spent is not None and item.level != Level.SUB_ACTIVITY:
        _add(errors, "budget_spent", _("Realisasi anggaran diisi pada sub kegiatan."))
    if spent is not None and spent < 0:
        _add(errors, "budget_spent", _("Tidak boleh negatif."))
    indicators = {i.pk: i for i in item.indicators.all()}
    for indicator_id in values:
        if indicator_id not in indicators:
            _add(errors, f"value_{indicator_id}", _("Indikator ini bukan milik program/kegiatan ini."))
    _check(errors)
    fields = [f for f in REALISATION_FIELDS if f in data]
    before = {**snapshot(realisation, fields), **_values_of(realisation)}
    for field in fields:
        value = data[field]
        setattr(realisation, field, value.strip() if isinstance(value, str) else value)
    realisation.entered_by = actor
    realisation.save(update_fields=[*fields, "entered_by", "updated_at"])
    for indicator_id, value in values.items():
        if indicators[indicator_id].is_automatic:
            continue
        RealisationValue.objects.update_or_create(
            realisation=realisation, indicator_id=indicator_id, defaults={"value": value, "is_automatic": False}
        )
    for indicator in indicators.values():
        if indicator.is_automatic:
            _fill_automatic(realisation, indicator)
    after = {**snapshot(realisation, fields), **_values_of(realisation)}
    changes = diff(before, after)
    if created or changes:
        audit_record(
            actor=actor,
            action="monev.realisation.created" if created else "monev.realisation.saved",
            obj=realisation,
            source=source,
            changes=changes,
        )
    return realisation


def missing_for_submission(realisation: Realisation) -> list[str]:
    """What must be filled in before a report may be submitted: a value for every indicator and,
    for a budget sub-activity, the budget spent."""
    item = realisation.plan_item
    filled = {v.indicator_id for v in realisation.values.all() if v.value is not None}
    missing = [str(i.name) for i in item.indicators.all() if i.pk not in filled]
    if item.level == Level.SUB_ACTIVITY and item.is_budget and realisation.budget_spent is None:
        missing.append(str(_("realisasi anggaran")))
    return missing


def _transition(realisation: Realisation, *, allowed: Iterable[str], to: str, **fields: Any) -> None:
    """Move the state with a conditional UPDATE; a concurrent change makes the row count 0."""
    count = Realisation.objects.filter(pk=realisation.pk, status__in=list(allowed)).update(
        status=to, updated_at=timezone.now(), **fields
    )
    if count != 1:
        current = Realisation.objects.get(pk=realisation.pk)
        raise ValidationError(
            _("Realisasi ini sudah berstatus %(status)s; muat ulang halaman.")
            % {"status": current.get_status_display()}
        )
    realisation.refresh_from_db()


@transaction.atomic
def realisation_submit(*, actor: Any, realisation: Realisation, source: str = Source.WEB) -> Realisation:
    """Draft or returned → submitted, while the quarter is open and everything is filled in."""
    _require_open(realisation.plan_item, realisation.quarter)
    missing = missing_for_submission(realisation)
    if missing:
        raise ValidationError(_("Belum dapat diajukan; isi dulu: %(missing)s.") % {"missing": ", ".join(missing)})
    previous = realisation.status
    _transition(
        realisation,
        allowed=EDITABLE,
        to=Status.SUBMITTED,
        submitted_by=actor,
        submitted_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="monev.realisation.submitted",
        obj=realisation,
        source=source,
        changes={"status": [previous, Status.SUBMITTED]},
    )
    return realisation


def _require_not_submitter(actor: Any, realisation: Realisation) -> None:
    if realisation.submitted_by_id is not None and realisation.submitted_by_id == getattr(actor, "pk", None):
        raise ValidationError(_("Anda yang mengajukan realisasi ini; verifikasi harus oleh orang lain."))


@transaction.atomic
def realisation_verify(*, actor: Any, realisation: Realisation, source: str = Source.WEB) -> Realisation:
    """Submitted → verified, by someone other than the submitter."""
    _require_not_submitter(actor, realisation)
    _transition(
        realisation, allowed=[Status.SUBMITTED], to=Status.VERIFIED, reviewed_by=actor, reviewed_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action="monev.realisation.verified",
        obj=realisation,
        source=source,
        changes={"status": [Status.SUBMITTED, Status.VERIFIED]},
    )
    return realisation


@transaction.atomic
def realisation_return(*, actor: Any, realisation: Realisation, note: str, source: str = Source.WEB) -> Realisation:
    """Submitted → returned with a note, by someone other than the submitter; the submitter is told."""
    _require_not_submitter(actor, realisation)
    if not note.strip():
        raise ValidationError({"note": [_("Tuliskan catatan: apa yang perlu diperbaiki.")]})
    _transition(
        realisation,
        allowed=[Status.SUBMITTED],
        to=Status.RETURNED,
        return_note=note.strip(),
        reviewed_by=actor,
        reviewed_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="monev.realisation.returned",
        obj=realisation,
        source=source,
        changes={"status": [Status.SUBMITTED, Status.RETURNED], "return_note": note.strip()},
    )
    if realisation.submitted_by is not None:
        from django.urls import reverse

        notify(
            users=[realisation.submitted_by],
            title=_("Realisasi TW %(q)s dikembalikan: %(item)s")
            % {"q": roman(realisation.quarter), "item": realisation.plan_item.name},
            body=note.strip(),
            url=reverse("monev_realisation", args=[realisation.pk]),
        )
    return realisation


# --- Evidence files -------------------------------------------------------------------------------------------

# Magic bytes of the file types accepted as evidence; the name's extension is never trusted.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
EVIDENCE_MAX_FILES = 10


def evidence_max_bytes() -> int:
    return int(getattr(settings, "MONEV_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))


def evidence_folder() -> Path:
    """MEDIA_ROOT/monev/evidence: outside the static files, never served directly."""
    folder = Path(settings.MEDIA_ROOT) / "monev" / "evidence"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) from the first bytes, or None for anything else."""
    for magic, content_type, suffix in SIGNATURES:
        if head.startswith(magic):
            return content_type, suffix
    return None


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ()]+", "_", base).strip(" .") or "bukti"
    return base[:200]


@transaction.atomic
def evidence_add(*, actor: Any, realisation: Realisation, upload: Any, source: str = Source.WEB) -> Evidence:
    """1. The report is still editable and its quarter open. 2. At most ten files. 3. The file is
    a PDF, JPEG or PNG by its content (magic bytes), whatever its name says, and not larger
    than MONEV_EVIDENCE_MAX_BYTES (10 MB). 4. It is written under a random name; the
    original name is kept for display only."""
    _require_open(realisation.plan_item, realisation.quarter)
    locked = Realisation.objects.select_for_update().get(pk=realisation.pk)
    if locked.status not in EDITABLE:
        raise ValidationError(_("Bukti hanya dapat ditambahkan selama realisasi berstatus draf atau dikembalikan."))
    if locked.evidence.count() >= EVIDENCE_MAX_FILES:
        raise ValidationError({"file": [_("Paling banyak %(n)d berkas bukti.") % {"n": EVIDENCE_MAX_FILES}]})
    limit = evidence_max_bytes()
    size = getattr(upload, "size", None) or 0
    if size > limit:
        raise ValidationError(
            {"file": [_("Berkas terlalu besar (paling besar %(mb)d MB).") % {"mb": limit // (1024 * 1024)}]}
        )
    if size == 0:
        raise ValidationError({"file": [_("Berkas kosong.")]})
    upload.seek(0)
    kind = sniff(upload.read(16))
    upload.seek(0)
    if kind is None:
        raise ValidationError({"file": [_("Jenis berkas tidak diterima: unggah PDF, JPG atau PNG.")]})
    content_type, suffix = kind
    stored_name = secrets.token_hex(20) + suffix
    path = evidence_folder() / stored_name
    digest = hashlib.sha256()
    written = 0
    with open(path, "xb") as handle:
        for chunk in upload.chunks():
            written += len(chunk)
            if written > limit:
                handle.close()
                path.unlink(missing_ok=True)
                raise ValidationError(
                    {"file": [_("Berkas terlalu besar (paling besar %(mb)d MB).") % {"mb": limit // (1024 * 1024)}]}
                )
            digest.update(chunk)
            handle.write(chunk)
    try:
        evidence = Evidence.objects.create(
            realisation=realisation,
            original_name=_safe_name(getattr(upload, "name", "") or "bukti"),
            stored_name=stored_name,
            content_type=content_type,
            size=written,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
        )
        audit_record(
            actor=actor,
            action="monev.evidence.added",
            obj=evidence,
            source=source,
            changes={
                "realisation": realisation.pk,
                "name": evidence.original_name,
                "size": written,
                "sha256": evidence.sha256,
            },
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return evidence


@transaction.atomic
def evidence_delete(*, actor: Any, evidence: Evidence, source: str = Source.WEB) -> None:
    realisation = evidence.realisation
    _require_open(realisation.plan_item, realisation.quarter)
    locked = Realisation.objects.select_for_update().get(pk=realisation.pk)
    if locked.status not in EDITABLE:
        raise ValidationError(_("Bukti hanya dapat dihapus selama realisasi berstatus draf atau dikembalikan."))
    path = evidence_folder() / evidence.stored_name
    audit_record(
        actor=actor,
        action="monev.evidence.deleted",
        obj=evidence,
        source=source,
        changes={"realisation": realisation.pk, "name": evidence.original_name, "sha256": evidence.sha256},
    )
    evidence.delete()
    transaction.on_commit(lambda: path.unlink(missing_ok=True))


def evidence_path(evidence: Evidence) -> Path:
    return evidence_folder() / Path(evidence.stored_name).name


# --- Automatic sources ---------------------------------------------------------------------------------------


def automatic_value(indicator: Indicator, quarter: int) -> Decimal | None:
    """The value an automatic indicator's source gives for its year and ``quarter`` (None if unknown)."""
    if indicator.auto_source not in sources.registry():
        return None
    return sources.compute(
        indicator.auto_source, year=indicator.plan_item.year, quarter=quarter, unit=indicator.source_unit
    )


def _fill_automatic(realisation: Realisation, indicator: Indicator) -> Decimal | None:
    value = automatic_value(indicator, realisation.quarter)
    RealisationValue.objects.update_or_create(
        realisation=realisation, indicator=indicator, defaults={"value": value, "is_automatic": True}
    )
    return value


@transaction.atomic
def auto_sources_refresh(
    *,
    actor: Any,
    year: int,
    quarter: int,
    items: Iterable[PlanItem] | None = None,
    today: dt.date | None = None,
    source: str = Source.SYSTEM,
) -> int:
    """Write the value of every indicator with an automatic source into its quarter's report,
    creating the draft if needed, while the quarter is open for its OPD. Reports already
    submitted or verified, and locked quarters, are left as they are (their figure is what
    the official put forward). Returns the number of values written."""
    indicators = (
        Indicator.objects.exclude(auto_source="")
        .filter(plan_item__year=year)
        .select_related("plan_item", "source_unit")
    )
    if items is not None:
        indicators = indicators.filter(plan_item__in=list(items))
    written = 0
    changes: dict[str, Any] = {}
    open_opds: dict[int, bool] = {}
    for indicator in indicators:
        if indicator.auto_source not in sources.registry():
            continue
        opd_id = indicator.plan_item.opd_id
        if opd_id not in open_opds:
            open_opds[opd_id] = quarter_window(opd_id=opd_id, year=year, quarter=quarter, today=today).is_open
        if not open_opds[opd_id]:
            continue
        realisation, _created = Realisation.objects.select_for_update().get_or_create(
            plan_item=indicator.plan_item, quarter=quarter
        )
        if realisation.status not in EDITABLE:
            continue
        changes[str(indicator.pk)] = _fill_automatic(realisation, indicator)
        written += 1
    if written:
        audit_record(
            actor=actor,
            action="monev.realisation.auto_filled",
            object_type="monitoring.indicator",
            object_repr=_("Nilai otomatis TW %(q)s %(y)d") % {"q": roman(quarter), "y": year},
            source=source,
            changes={"year": year, "quarter": quarter, "values": changes},
        )
    return written
