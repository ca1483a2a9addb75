"""Eligibility against the programme's target positions, with a reason when someone is not eligible."""

import pytest
from django.core.exceptions import ValidationError

from pamong.learning import services
from pamong.learning.models import BatchStatus

from .helpers import batch, programme

pytestmark = pytest.mark.django_db


def test_an_administrator_is_eligible_for_the_transformation_programme(personas):
    assert services.eligibility_problem(personas.dodi_employee, programme(personas)) is None


def test_a_teacher_is_not_eligible_and_the_reason_names_her_post_and_the_targets(personas):
    problem = services.eligibility_problem(personas.citra_employee, programme(personas))
    assert problem == ("Citra Dewi menjabat Guru Ahli Pertama (Fungsional), sedangkan program ini untuk Administrator.")


def test_an_employee_without_a_post_is_not_eligible(personas):
    personas.citra_employee.position = None
    assert "belum memiliki jabatan" in services.eligibility_problem(personas.citra_employee, programme(personas))


def test_an_inactive_employee_is_not_eligible(personas):
    personas.dodi_employee.is_active = False
    assert (
        services.eligibility_problem(personas.dodi_employee, programme(personas))
        == "Dodi Pratama tidak aktif sebagai pegawai."
    )


def test_a_programme_without_targets_is_open_to_every_post(personas):
    prog = programme(personas, target_position_types=[])
    assert services.eligibility_problem(personas.citra_employee, prog) is None


def test_nominating_an_ineligible_employee_is_refused_with_the_reason(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    with pytest.raises(ValidationError) as exc:
        services.enrolment_create(actor=personas.ani, batch=b, employee=personas.citra_employee)
    assert "sedangkan program ini untuk Administrator" in exc.value.messages[0]
