"""Nomination one by one and in bulk, by the BKD and by OPD operators, and the invitation answer."""

import pytest
from django.core.exceptions import ValidationError

from pamong.conftest import make_employee
from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.models import BatchStatus, Enrolment, EnrolmentStatus
from pamong.people.models import Employee, Position, PositionType

from .helpers import batch

pytestmark = pytest.mark.django_db


def _administrator(p, unit, nip, name):  # type: ignore[no-untyped-def]
    post = Position.objects.create(name=f"Kepala {name}", position_type=PositionType.ADMINISTRATOR, org_unit=unit)
    return make_employee(unit, name=name, nip=nip, position=post)


def test_a_nominee_is_invited_and_the_nomination_is_audited(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    e = services.enrolment_create(actor=personas.budi, batch=b, employee=personas.dodi_employee)
    assert e.status == EnrolmentStatus.INVITED
    assert e.nominated_by == personas.budi
    assert AuditEntry.objects.filter(action="learning.enrolment.created", object_id=str(e.pk)).count() == 1


def test_an_operator_cannot_nominate_an_employee_of_another_opd(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    kabid = _administrator(personas, personas.regency.dindik_bidang, "198101012006041001", "Bidang SD")
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=personas.budi, batch=b, employee=kabid)
    assert "tidak berwenang" in exc.value.messages[0]


def test_nomination_needs_an_open_batch(personas):
    b = batch(personas)
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    assert "tidak sedang dibuka (status: Draf)" in exc.value.messages[0]


def test_nominating_someone_twice_names_the_existing_enrolment(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    assert exc.value.messages[0] == "Dodi Pratama sudah terdaftar di angkatan ini (Diundang)."


def test_bulk_nomination_of_all_administrators_reports_who_was_refused_and_why(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    other = _administrator(personas, personas.regency.dindik_bidang, "198101012006041001", "Bidang SD")
    everyone = Employee.objects.filter(pk__in=[personas.dodi_employee.pk, other.pk, personas.citra_employee.pk])
    result = services.enrolment_create_bulk(actor=personas.ani, batch=b, employees=everyone.order_by("name"))
    assert sorted(e.employee.name for e in result.invited) == ["Bidang SD", "Dodi Pratama"]
    assert [(emp.name, "Guru Ahli Pertama" in why) for emp, why in result.refused] == [("Citra Dewi", True)]
    assert AuditEntry.objects.filter(action="learning.enrolment.created_bulk").count() == 1


def test_the_invited_employee_confirms(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    e = services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    services.enrolment_respond(actor=personas.dodi, enrolment=e, accept=True)
    e.refresh_from_db()
    assert e.status == EnrolmentStatus.CONFIRMED
    assert e.responded_at is not None


def test_an_answered_invitation_cannot_be_answered_again(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    e = services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    services.enrolment_respond(actor=personas.dodi, enrolment=e, accept=True)
    with pytest.raises(ValidationError) as exc:
        services.enrolment_respond(actor=personas.dodi, enrolment=Enrolment.objects.get(pk=e.pk), accept=False)
    assert "tidak lagi menunggu jawaban (status: Terkonfirmasi)" in exc.value.messages[0]


def test_a_declined_employee_can_be_nominated_again(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    e = services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    services.enrolment_respond(actor=personas.dodi, enrolment=e, accept=False)
    again = services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    assert (again.pk, again.status) == (e.pk, EnrolmentStatus.INVITED)
