"""Writes to accounts: personal API tokens and role assignments. Views, API and CLI all call these.

Each service checks its rules (raising ``ValidationError`` with field names),
writes, and records an audit entry in the same transaction. A token's secret
is returned once by :func:`token_create` and never stored or audited: only its
sha256 digest and a short hint are kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source

from .models import ApiToken, Role, RoleAssignment

TOKEN_NAME_MAX = 100
HINT_LENGTH = 12  # "pmg_" and the first 8 random characters: enough to recognise, useless to guess


def tokens_owned_by(user: Any):  # type: ignore[no-untyped-def]
    """Every token of ``user`` (active, expired and revoked), newest first."""
    if user is None or not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def get_token_for_owner(user: Any, pk: object) -> ApiToken:
    """The token if ``user`` owns it; else 404, exactly as if it did not exist."""
    try:
        return tokens_owned_by(user).get(pk=pk)
    except (ApiToken.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def token_expiry(expires_on: dt.date | None) -> dt.datetime | None:
    """A token valid "until" a date works through that whole day in the deployment's time zone.
    Returned in UTC, as the database gives it back, so the API shows one form everywhere."""
    if expires_on is None:
        return None
    next_day = expires_on + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(next_day, dt.time.min)).astimezone(dt.UTC)


@transaction.atomic
def token_create(
    *, actor: Any, name: str, expires_on: dt.date | None = None, source: str = Source.WEB
) -> tuple[ApiToken, str]:
    """1. Check the name and that the expiry date is not past. 2. Make a random
    secret and store only its digest and hint. 3. Audit the creation (name and
    expiry, never the secret). Returns the token and the secret, which the
    caller shows once."""
    name = (name or "").strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Nama token wajib diisi.")]
    elif len(name) > TOKEN_NAME_MAX:
        errors["name"] = [_("Nama token paling panjang %(n)d karakter.") % {"n": TOKEN_NAME_MAX}]
    if expires_on is not None and expires_on < timezone.localdate():
        errors["expires_on"] = [_("Tanggal kedaluwarsa tidak boleh sebelum hari ini.")]
    if errors:
        raise ValidationError(errors)
    secret = ApiToken.new_secret()
    token = ApiToken.objects.create(
        user=actor,
        name=name,
        digest=ApiToken.digest_of(secret),
        hint=secret[:HINT_LENGTH],
        expires_at=token_expiry(expires_on),
    )
    audit_record(
        actor=actor,
        action="accounts.token.created",
        obj=token,
        source=source,
        changes={"name": [None, token.name], "expires_at": [None, token.expires_at]},
    )
    return token, secret


@transaction.atomic
def token_revoke(*, actor: Any, token: ApiToken, source: str = Source.WEB) -> bool:
    """Revoke ``token`` (only its owner may). A conditional UPDATE makes a second
    revocation a no-op: it returns False and writes no second audit entry."""
    if token.user_id != getattr(actor, "pk", None):
        raise PermissionDenied
    now = timezone.now()
    changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now)
    if not changed:
        return False
    token.revoked_at = now
    audit_record(
        actor=actor,
        action="accounts.token.revoked",
        obj=token,
        source=source,
        changes={"revoked_at": [None, now]},
    )
    return True


def token_touch(token: ApiToken, *, every: dt.timedelta = dt.timedelta(minutes=1)) -> None:
    """Record that ``token`` was used, at most once per ``every`` (one conditional
    UPDATE, so busy clients do not write on every request). Not audited."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < every:
        return
    ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gte=now - every).update(last_used_at=now)
    token.last_used_at = now


REGENCY_WIDE_ROLES = (Role.BKD_ADMIN, Role.LEADER)


@transaction.atomic
def role_assign(
    *,
    actor: Any,
    user: Any,
    role: str,
    org_unit: Any = None,
    include_subtree: bool = True,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    source: str = Source.WEB,
) -> RoleAssignment:
    """Give ``user`` a role over ``org_unit`` (empty: the whole regency, only for
    BKD administrators and leaders). The scope takes effect on the next request."""
    errors: dict[str, list[str]] = {}
    if role not in Role.values:
        errors["role"] = [_("Peran tidak dikenal.")]
    elif org_unit is None and role not in REGENCY_WIDE_ROLES:
        errors["org_unit"] = [_("Hanya administrator BKD dan pimpinan yang dapat berperan untuk seluruh kabupaten.")]
    valid_from = valid_from or timezone.localdate()
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = [_("Tanggal akhir tidak boleh sebelum tanggal mulai.")]
    if errors:
        raise ValidationError(errors)
    assignment = RoleAssignment.objects.create(
        user=user,
        role=role,
        org_unit=org_unit,
        include_subtree=include_subtree,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    _forget_scope(user)
    audit_record(
        actor=actor,
        action="accounts.role.assigned",
        obj=assignment,
        source=source,
        changes={
            "user": [None, user.pk],
            "role": [None, role],
            "org_unit": [None, getattr(org_unit, "pk", None)],
            "include_subtree": [None, include_subtree],
            "valid_from": [None, valid_from],
            "valid_until": [None, valid_until],
        },
    )
    return assignment


@transaction.atomic
def role_end(
    *, actor: Any, assignment: RoleAssignment, on: dt.date | None = None, source: str = Source.WEB
) -> RoleAssignment:
    """End a role assignment: it stays in force through the day before ``on`` (default today),
    so it no longer counts from ``on``. The row is kept as history."""
    on = on or timezone.localdate()
    last_day = on - dt.timedelta(days=1)
    if last_day < assignment.valid_from:
        last_day = assignment.valid_from - dt.timedelta(days=1)
    before = assignment.valid_until
    if before is not None and before <= last_day:
        return assignment
    RoleAssignment.objects.filter(pk=assignment.pk).update(valid_until=last_day)
    assignment.valid_until = last_day
    _forget_scope(assignment.user)
    audit_record(
        actor=actor,
        action="accounts.role.ended",
        obj=assignment,
        source=source,
        changes={"valid_until": [before, last_day]},
    )
    return assignment


def _forget_scope(user: Any) -> None:
    """Drop the scope cached on this user object (see ``scope_for``)."""
    if hasattr(user, "_pamong_scope"):
        del user._pamong_scope
