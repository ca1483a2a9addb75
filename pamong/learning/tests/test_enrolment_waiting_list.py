"""Capacity and the waiting list: a full batch waitlists nominees; a freed seat goes to the first waiting."""

import pytest

from pamong.conftest import make_employee
from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.models import BatchStatus, Enrolment, EnrolmentStatus
from pamong.people.models import Position, PositionType

from .helpers import batch

pytestmark = pytest.mark.django_db

NIPS = ["198101012006041001", "198202022007042002", "198303032008041003"]


@pytest.fixture
def full_batch(personas):
    """Capacity 1: Dodi holds the seat, two more administrators wait in order."""
    b = batch(personas, status=BatchStatus.OPEN, capacity=1)
    first = services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    waiting = []
    for i, nip in enumerate(NIPS[:2]):
        post = Position.objects.create(
            name=f"Kabid {i}", position_type=PositionType.ADMINISTRATOR, org_unit=personas.regency.dinkes
        )
        emp = make_employee(personas.regency.dinkes, name=f"Tunggu {i}", nip=nip, position=post)
        waiting.append(services.enrolment_create(actor=personas.ani, batch=b, employee=emp))
    return b, first, waiting


def test_nominees_beyond_capacity_join_the_waiting_list(full_batch):
    b, first, waiting = full_batch
    assert first.status == EnrolmentStatus.INVITED
    assert [w.status for w in waiting] == [EnrolmentStatus.WAITLISTED] * 2
    assert b.is_full() is True


def test_a_declined_invitation_invites_the_first_on_the_waiting_list(personas, full_batch):
    b, first, _waiting = full_batch
    services.enrolment_respond(actor=personas.dodi, enrolment=first, accept=False)
    statuses = dict(Enrolment.objects.filter(batch=b).values_list("employee__name", "status"))
    assert statuses == {"Dodi Pratama": "declined", "Tunggu 0": "invited", "Tunggu 1": "waitlisted"}
    assert AuditEntry.objects.filter(action="learning.enrolment.promoted").count() == 1


def test_a_withdrawal_moves_the_waiting_list_up(personas, full_batch):
    _b, first, waiting = full_batch
    services.enrolment_respond(actor=personas.dodi, enrolment=first, accept=True)
    services.enrolment_withdraw(actor=personas.budi, enrolment=Enrolment.objects.get(pk=first.pk), reason="Tugas dinas")
    assert Enrolment.objects.get(pk=waiting[0].pk).status == EnrolmentStatus.INVITED
    assert Enrolment.objects.get(pk=waiting[1].pk).status == EnrolmentStatus.WAITLISTED


def test_withdrawing_from_the_waiting_list_frees_no_seat(personas, full_batch):
    _b, first, waiting = full_batch
    services.enrolment_withdraw(actor=personas.ani, enrolment=waiting[0])
    assert Enrolment.objects.get(pk=first.pk).status == EnrolmentStatus.INVITED
    assert Enrolment.objects.get(pk=waiting[1].pk).status == EnrolmentStatus.WAITLISTED


def test_raising_the_capacity_invites_those_waiting_in_order(personas, full_batch):
    b, _first, waiting = full_batch
    services.batch_update(actor=personas.ani, batch=b, data={"capacity": 2})
    assert Enrolment.objects.get(pk=waiting[0].pk).status == EnrolmentStatus.INVITED
    assert Enrolment.objects.get(pk=waiting[1].pk).status == EnrolmentStatus.WAITLISTED
