"""Programmes in the catalogue: creating, the route rule, target positions and the certificate number format."""

import pytest
from django.core.exceptions import ValidationError

from pamong.core.models import AuditEntry
from pamong.learning import services

from .helpers import programme

pytestmark = pytest.mark.django_db


def test_a_programme_takes_its_route_from_its_kind_and_is_audited(personas):
    prog = programme(personas)
    assert prog.route == "classical"
    assert prog.target_position_labels() == ["Administrator"]
    entry = AuditEntry.objects.get(action="learning.programme.created")
    assert entry.object_id == str(prog.pk)


def test_a_route_that_contradicts_the_kind_is_refused_with_the_reason(personas):
    with pytest.raises(ValidationError) as exc:
        programme(personas, kind="coaching", route="classical")
    assert "Coaching termasuk jalur Nonklasikal" in exc.value.message_dict["route"][0]


def test_unknown_target_position_types_are_refused(personas):
    with pytest.raises(ValidationError) as exc:
        programme(personas, target_position_types=["menteri"])
    assert "menteri" in exc.value.message_dict["target_position_types"][0]


@pytest.mark.parametrize("fmt", ["800/35.03.406/{year}", "800/{seq}/{kode}", "800/{seq:03d/{year}"])
def test_a_certificate_number_format_needs_seq_and_only_known_fields(personas, fmt):
    with pytest.raises(ValidationError) as exc:
        programme(personas, certificate_number_format=fmt)
    assert "certificate_number_format" in exc.value.message_dict


def test_updating_a_programme_audits_only_changed_fields(personas):
    prog = programme(personas)
    services.programme_update(actor=personas.ani, programme=prog, data={"title": "PTP 2026", "goals": prog.goals})
    entry = AuditEntry.objects.get(action="learning.programme.updated")
    assert entry.changes == {"title": ["Program Transformasi Personal", "PTP 2026"]}
