"""Rule sets are versions with an effective date; each result keeps the one that produced it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pamong.core.models import AuditEntry
from pamong.professionalism import services
from pamong.professionalism.models import RuleSet

from .conftest import AS_OF, YEAR

pytestmark = pytest.mark.django_db


def default():  # type: ignore[no-untyped-def]
    return RuleSet.objects.get(version=1)


def test_copying_a_rule_set_makes_the_next_version_and_is_audited(personas):
    copy = services.ruleset_copy(actor=personas.ani, rule_set=default(), effective_from=dt.date(2027, 1, 1))
    assert (copy.version, copy.based_on_id, copy.document) == (2, default().pk, default().document)
    entry = AuditEntry.objects.get(action="ipasn.ruleset.created")
    assert (entry.actor_id, entry.object_id, entry.changes["version"]) == (personas.ani.pk, str(copy.pk), [None, 2])


def test_an_edit_is_validated_and_audited_by_path(personas):
    copy = services.ruleset_copy(actor=personas.ani, rule_set=default())
    doc = dict(copy.document, predikat_points=dict(copy.document["predikat_points"], butuh_perbaikan=15))
    services.ruleset_update(actor=personas.ani, rule_set=copy, document=doc, name="Aturan 2027")
    entry = AuditEntry.objects.get(action="ipasn.ruleset.updated")
    assert entry.changes == {"predikat_points.butuh_perbaikan": [20, 15], "name": [copy.name, "Aturan 2027"]}
    bad = dict(doc, include_pppk="ya")
    with pytest.raises(ValidationError) as caught:
        services.ruleset_update(actor=personas.ani, rule_set=copy, document=bad)
    assert caught.value.message_dict["document"] == ["include_pppk: harus true atau false."]


def test_a_rule_set_used_by_a_measurement_cannot_be_edited(measured):
    with pytest.raises(ValidationError, match="salin untuk membuat versi baru"):
        services.ruleset_update(actor=measured.ani, rule_set=default(), document=default().document)


def test_a_new_set_applies_from_its_effective_date_and_old_snapshots_keep_theirs(measured):
    old = measured.measurement
    newer = services.ruleset_copy(actor=measured.ani, rule_set=default(), effective_from=dt.date(2027, 1, 1))
    doc = dict(newer.document, predikat_points=dict(newer.document["predikat_points"], sangat_baik=28))
    services.ruleset_update(actor=measured.ani, rule_set=newer, document=doc)

    new = services.measurement_run(actor=measured.ani, year=2027, as_of=dt.date(2027, 12, 31))
    assert new.rule_set == newer
    # Re-running 2026 still uses version 1 (in force on 31 December 2026), and gives the same snapshot.
    again = services.measurement_run(actor=measured.ani, year=YEAR, as_of=AS_OF)
    assert (again.rule_set.version, again.result_digest) == (1, old.result_digest)
    assert services.measurement_verify(again) == []
    assert services.measurement_verify(new) == []
    assert again.results.get(name="Eka Wijaya").kinerja == Decimal(30)


def test_the_rule_set_in_force_is_the_latest_effective_date_then_the_highest_version(personas):
    assert RuleSet.objects.in_force_on(dt.date(2018, 12, 31)) is None
    a = services.ruleset_copy(actor=personas.ani, rule_set=default(), effective_from=dt.date(2026, 1, 1))
    b = services.ruleset_copy(actor=personas.ani, rule_set=default(), effective_from=dt.date(2026, 1, 1))
    assert RuleSet.objects.in_force_on(dt.date(2026, 6, 1)) == b
    assert RuleSet.objects.in_force_on(dt.date(2025, 6, 1)) == default()
    assert a.version < b.version
