"""Simulation: a group takes an action; the unit's and the regency's new means, before anyone acts."""

from decimal import Decimal

import pytest

from pamong.professionalism import ipasn
from pamong.professionalism.models import Result

from .helpers import facts

D = Decimal


def test_twenty_jp_of_technical_training_lifts_those_lacking_it():
    members = [
        ipasn.Member(facts(technical_jp_last_year=D(0)), in_unit=True, in_group=True),  # 75 → 90
        ipasn.Member(facts(technical_jp_last_year=D(5)), in_unit=True, in_group=True),  # 75 → 90
        ipasn.Member(facts(), in_unit=True, in_group=False),  # 90 stays
        ipasn.Member(facts(technical_jp_last_year=D(0)), in_unit=False, in_group=False),  # 75 elsewhere
    ]
    result = ipasn.simulate(members, ipasn.Action("technical_jp", jp=D(20)))
    assert (result.group_size, result.affected) == (2, 2)
    assert (result.unit_before.mean_total, result.unit_after.mean_total) == (D("80.00"), D("90.00"))
    assert (result.all_before.mean_total, result.all_after.mean_total) == (D("78.75"), D("86.25"))


def test_an_action_never_changes_unknowns_or_lowers_education():
    incomplete = facts(education_level=None)
    assert ipasn.apply_action(incomplete, ipasn.Action("education", level="S1")) == incomplete
    s3 = facts(education_level="S3")
    assert ipasn.apply_action(s3, ipasn.Action("education", level="S1")) == s3
    assert (
        ipasn.apply_action(
            facts(technical_jp_last_year=None), ipasn.Action("technical_jp", jp=D(20))
        ).technical_jp_last_year
        is None
    )


def test_lacking_means_scored_and_not_earned():
    assert ipasn.lacks(facts(seminar_last_2_years=False), "seminar")
    assert not ipasn.lacks(facts(), "seminar")
    assert not ipasn.lacks(facts(status="cpns", seminar_last_2_years=False), "seminar")
    assert not ipasn.lacks(facts(), "functional")  # the row does not apply to an administrator


@pytest.mark.django_db
def test_the_page_simulates_a_group_of_an_opd_without_changing_any_result(measured, login):
    before = list(Result.objects.values_list("total", flat=True).order_by("id"))
    response = login(measured.eka).get(
        "/ipasn/simulate/",
        {
            "unit": measured.regency.dindik.pk,
            "lacking": "technical",
            "position_type": "",
            "action": "technical_jp",
            "jp": "20",
            "level": "S1",
        },
    )
    result = response.context["result"]
    # Citra (65, 12 JP) reaches 32 JP: +15 → 80. Regency: (90 + 80 + 100) / 3 = 90.
    assert (result.group_size, result.affected) == (1, 1)
    assert (result.unit_before.mean_total, result.unit_after.mean_total) == (D("65.00"), D("80.00"))
    assert (result.all_before.mean_total, result.all_after.mean_total) == (D("85.00"), D("90.00"))
    assert "Kelompok: 1 pegawai; 1 di antaranya naik nilainya." in response.content.decode()
    assert list(Result.objects.values_list("total", flat=True).order_by("id")) == before


@pytest.mark.django_db
def test_a_scoped_reader_simulates_only_within_their_scope(measured, login):
    response = login(measured.budi).get("/ipasn/simulate/", {"unit": measured.regency.dindik.pk, "action": "seminar"})
    assert "unit" in response.context["form"].errors  # Dinas Pendidikan is not among Budi's choices
    response = login(measured.budi).get("/ipasn/simulate/", {"unit": measured.regency.dinkes.pk, "action": "seminar"})
    result = response.context["result"]
    assert result.all_before.scored == 1 and result.all_before.mean_total == D("90.00")
    assert str(response.context["whole_label"]) == "Seluruh cakupan Anda"
