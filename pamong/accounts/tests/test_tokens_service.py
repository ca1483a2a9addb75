import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from pamong.accounts.models import ApiToken
from pamong.accounts.services import token_create, token_expiry, token_revoke, token_touch
from pamong.core.audit import audit_verify
from pamong.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_created_token_stores_only_the_digest_and_a_hint(personas):
    token, secret = token_create(actor=personas.budi, name="Sinkronisasi SIMPEG")
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret.startswith("pmg_") and len(secret) > 40
    assert stored.digest == ApiToken.digest_of(secret) and stored.digest != secret
    assert stored.hint == secret[:12]
    assert secret not in {stored.name, stored.digest, stored.hint}
    assert ApiToken.objects.authenticate(secret) == stored


def test_creation_is_audited_without_the_secret(personas):
    token, secret = token_create(actor=personas.budi, name="Laporan", expires_on=dt.date(2027, 1, 31))
    entry = AuditEntry.objects.get(action="accounts.token.created")
    assert (entry.actor_id, entry.object_id, entry.source) == (personas.budi.pk, str(token.pk), "web")
    assert entry.changes["name"] == [None, "Laporan"]
    everything = f"{entry.changes} {entry.object_repr}"
    assert secret not in everything and token.digest not in everything
    assert audit_verify().ok


def test_expiry_date_means_through_the_end_of_that_day_in_jakarta(personas):
    token, _secret = token_create(actor=personas.budi, name="x", expires_on=dt.date(2027, 1, 31))
    assert timezone.localtime(token.expires_at).isoformat() == "2027-02-01T00:00:00+07:00"
    assert token_expiry(None) is None


def test_name_is_required_and_expiry_cannot_be_in_the_past(personas):
    with pytest.raises(ValidationError) as exc:
        token_create(actor=personas.budi, name="  ", expires_on=timezone.localdate() - dt.timedelta(days=1))
    assert set(exc.value.message_dict) == {"name", "expires_on"}
    assert not ApiToken.objects.exists()


def test_revoking_twice_writes_one_audit_entry(personas):
    token, _secret = token_create(actor=personas.budi, name="x")
    assert token_revoke(actor=personas.budi, token=token) is True
    assert token_revoke(actor=personas.budi, token=ApiToken.objects.get(pk=token.pk)) is False
    assert AuditEntry.objects.filter(action="accounts.token.revoked").count() == 1


def test_only_the_owner_can_revoke_a_token(personas):
    token, _secret = token_create(actor=personas.budi, name="x")
    with pytest.raises(PermissionDenied):
        token_revoke(actor=personas.ani, token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_last_used_is_written_at_most_once_a_minute(personas, django_assert_num_queries):
    token, _secret = token_create(actor=personas.budi, name="x")
    with django_assert_num_queries(1):
        token_touch(token)
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    with django_assert_num_queries(0):
        token_touch(token)
    # Another worker holding a stale copy does not write either: the UPDATE is conditional.
    stale = ApiToken.objects.get(pk=token.pk)
    stale.last_used_at = None
    token_touch(stale)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
