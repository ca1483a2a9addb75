"""Missing input data is reported as missing, never scored as zero; aggregates count and list such employees."""

import datetime as dt

import pytest

from pamong.conftest import make_employee
from pamong.professionalism import ipasn, services

from .conftest import AS_OF, YEAR, add_history
from .helpers import facts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        (facts(education_level=None), ("education_level",)),
        (facts(predikat_last_year=None), ("predikat_last_year",)),
        (facts(position_type=None, leadership_training_matches_position=None), ("position_type",)),
        (facts(leadership_training_matches_position=None), ("leadership_training_matches_position",)),
        (facts(status=None), ("status",)),
        (facts(education_level=None, predikat_last_year=None), ("education_level", "predikat_last_year")),
    ],
)
def test_the_engine_names_each_missing_fact(given, missing):
    result = ipasn.score(given)
    assert (result.state, result.category, result.missing, result.total) == ("incomplete", "incomplete", missing, None)


def test_a_pelaksana_is_not_asked_for_leadership_or_functional_training():
    result = ipasn.score(facts(position_type="pelaksana", leadership_training_matches_position=None))
    assert result.state == "scored"


def test_a_measurement_lists_employees_without_education_position_or_predikat(histories):
    unit = histories.regency.dinkes
    nobody = make_employee(unit, name="Tanpa Data", nip="198502022010011005")
    add_history(nobody, trainings=[("diklat_teknis", dt.date(2026, 4, 1), 30, "")])
    m = services.measurement_run(actor=histories.ani, year=YEAR, as_of=AS_OF)
    row = m.results.get(nip="198502022010011005")
    assert (row.state, row.total, row.kualifikasi) == ("incomplete", None, None)
    assert row.missing_list == ["position_type", "education_level", "predikat_last_year"]
    assert row.technical_jp == 30  # the facts that are known are kept for the record
    assert (m.scored, m.incomplete, m.excluded) == (3, 2, 1)
    assert str(m.mean_total) == "85.00"  # unchanged: the incomplete are not counted as zero
