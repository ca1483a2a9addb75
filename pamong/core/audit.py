"""Writing and verifying the hash-chained audit log.

Services call :func:`audit_record` inside their own transaction, so a change
and its audit entry commit or roll back together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from .models import AuditEntry, AuditHead, Source

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value, stable across databases."""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, (dt.date, Decimal)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields whose value changed."""
    changed = {}
    for key in sorted(set(before) | set(after)):
        old, new = _plain(before.get(key)), _plain(after.get(key))
        if old != new:
            changed[key] = [old, new]
    return changed


def snapshot(obj: Model, fields: Iterable[str]) -> dict[str, Any]:
    """Field values of ``obj`` (foreign keys as ids) for :func:`diff`."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        values[name] = getattr(obj, getattr(field, "attname", name))
    return values


def entry_hash(prev_hash: str, payload: Mapping[str, Any]) -> str:
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _payload(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_id": entry.actor_id,
        "actor_repr": entry.actor_repr,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "changes": _plain(entry.changes),
        "source": entry.source,
    }


@transaction.atomic
def audit_record(
    *,
    actor: Any,
    action: str,
    source: str = Source.WEB,
    obj: Model | None = None,
    object_type: str = "",
    object_id: object = "",
    object_repr: str = "",
    changes: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. ``action`` is dotted: ``people.employee.updated``."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        object_repr = object_repr or str(obj)[:300]
    head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
    user_id = getattr(actor, "pk", None)
    entry = AuditEntry(
        seq=head.last_seq + 1,
        at=timezone.now(),
        actor_id=user_id,
        actor_repr=(actor.get_username() if user_id else "sistem")[:200],
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        object_repr=object_repr[:300],
        changes=_plain(dict(changes or {})),
        source=str(source),
        prev_hash=head.last_hash,
    )
    entry.hash = entry_hash(entry.prev_hash, _payload(entry))
    entry.save(force_insert=True)
    AuditHead.objects.filter(pk=1).update(last_seq=entry.seq, last_hash=entry.hash)
    return entry


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_broken_seq: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def audit_verify(batch_size: int = 5000) -> ChainReport:
    """1. Walk the entries in ``seq`` order. 2. Each must follow its predecessor
    without a gap and name its hash as ``prev_hash``. 3. Its own hash must match
    its content. The first entry failing any of these is reported."""
    prev_hash, prev_seq, checked = GENESIS, 0, 0
    entries = AuditEntry.objects.order_by("seq")
    for entry in entries.iterator(chunk_size=batch_size):
        if entry.seq != prev_seq + 1:
            return ChainReport(checked, prev_seq + 1, "entry missing")
        if entry.prev_hash != prev_hash:
            return ChainReport(checked, entry.seq, "previous hash does not match")
        if entry_hash(entry.prev_hash, _payload(entry)) != entry.hash:
            return ChainReport(checked, entry.seq, "content does not match its hash")
        prev_hash, prev_seq, checked = entry.hash, entry.seq, checked + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head and head.last_seq != prev_seq:
        return ChainReport(checked, prev_seq + 1, "entries after this one are missing")
    return ChainReport(checked, None)
