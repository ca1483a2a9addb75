"""Automatic sources: indicators of the transformation programme take their realisation from pamong's data."""

import datetime as dt
import sys
import types
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from pamong.monitoring import services, sources
from pamong.monitoring.models import Level, RealisationValue
from pamong.people.models import Position, PositionType, TrainingRecord

from .conftest import JAKARTA, make_employee_for_tests


@pytest.fixture
def administrators(personas):
    """Dinas Kesehatan: Dodi (PKA done 2025), Rina (PKA ending 5 May 2026), Joko (none), Tono (inactive, PKA)."""
    r = personas.regency
    post = Position.objects.create(name="Sekretaris Dinas", position_type=PositionType.ADMINISTRATOR, org_unit=r.dinkes)
    rina = make_employee_for_tests(r.dinkes, "Rina Kartika", "198202022006042002", post)
    joko = make_employee_for_tests(r.dinkes_bidang, "Joko Susilo", "198303032007011003", post)
    tono = make_employee_for_tests(r.dinkes, "Tono Hartono", "197504042000031004", post)
    tono.is_active, tono.inactive_reason = False, "retired"
    tono.save(update_fields=["is_active", "inactive_reason"])

    def pka(employee, start, end):
        TrainingRecord.objects.create(
            employee=employee,
            kind="diklat_struktural",
            name="Pelatihan Kepemimpinan Administrator",
            start_date=start,
            end_date=end,
            hours_jp=Decimal(300),
            leadership_level="pka",
        )

    pka(personas.dodi_employee, dt.date(2025, 3, 1), dt.date(2025, 8, 30))
    pka(rina, dt.date(2026, 2, 1), dt.date(2026, 5, 5))
    pka(tono, dt.date(2020, 2, 1), dt.date(2020, 5, 5))
    return {"rina": rina, "joko": joko}


def test_the_leadership_training_source_counts_active_administrators_trained_by_the_quarter_end(
    personas, administrators
):
    compute = sources.administrators_with_leadership_training
    dinkes = personas.regency.dinkes
    # TW I: Dodi of Dodi, Rina, Joko → 33,33 %; TW II: Rina finished in May → 66,67 %.
    assert compute(year=2026, quarter=1, unit=dinkes) == Decimal("33.33")
    assert compute(year=2026, quarter=2, unit=dinkes) == Decimal("66.67")
    assert compute(year=2026, quarter=2, unit=personas.regency.dindik) is None  # no administrators there


def test_the_20_jp_source_counts_pns_with_20_jp_in_the_year(personas):
    TrainingRecord.objects.create(
        employee=personas.dodi_employee,
        kind="workshop",
        name="Lokakarya integritas",
        start_date=dt.date(2026, 2, 2),
        end_date=dt.date(2026, 2, 4),
        hours_jp=Decimal(24),
    )
    # Dodi is the only PNS of Dinas Kesehatan (the nurse is PPPK).
    assert sources.employees_meeting_20_jp(year=2026, quarter=1, unit=personas.regency.dinkes) == Decimal(100)
    assert sources.employees_meeting_20_jp(year=2027, quarter=1, unit=personas.regency.dinkes) == Decimal(0)


def test_other_apps_register_sources_in_a_monev_sources_module(monkeypatch):
    module = types.ModuleType("pamong.satisfaction.monev_sources")
    module.SOURCES = [
        {
            "key": "skm.ikm",
            "label": "IKM kabupaten",
            "unit_of_measure": "indeks",
            "compute": lambda **kw: Decimal("82.4"),
        }
    ]
    monkeypatch.setitem(sys.modules, "pamong.satisfaction.monev_sources", module)
    sources.registry.cache_clear()
    try:
        assert sources.compute("skm.ikm", year=2026, quarter=1, unit=None) == Decimal("82.4")
        assert "people.administrators_leadership_training" in sources.registry()
    finally:
        sources.registry.cache_clear()


@pytest.fixture
def transformation(personas, administrators):
    """The BKD's Program Transformasi Personal, outside the budget, with an automatic indicator for Dinas Kesehatan."""
    programme = services.plan_item_create(
        actor=personas.ani,
        opd=personas.regency.bkd,
        year=2026,
        level=Level.PROGRAMME,
        parent=None,
        data={"code": "PTP", "name": "Program Transformasi Personal", "is_budget": False},
    )
    indicator = services.indicator_create(
        actor=personas.ani,
        item=programme,
        data={
            "name": "Persentase administrator yang telah mengikuti diklat kepemimpinan",
            "unit_of_measure": "%",
            "direction": "higher",
            "cumulative": False,
            "target": Decimal(80),
            "auto_source": "people.administrators_leadership_training",
            "source_unit": personas.regency.dinkes,
        },
    )
    return programme, indicator


def test_saving_a_quarter_fills_the_automatic_value_and_ignores_a_typed_one(personas, transformation):
    programme, indicator = transformation
    report = services.realisation_save(
        actor=personas.ani, item=programme, quarter=1, values={indicator.pk: Decimal(99)}, data={}
    )
    value = RealisationValue.objects.get(realisation=report, indicator=indicator)
    assert (value.value, value.is_automatic) == (Decimal("33.33"), True)


def test_the_sources_command_refreshes_open_drafts_and_leaves_submitted_and_locked_ones(
    personas, transformation, administrators, clock
):
    programme, _indicator = transformation
    out = StringIO()
    call_command("monev", "sources", "--date", "2026-04-05", stdout=out)
    # 5 April: TW I is open until 10 April and TW II has begun.
    assert out.getvalue().splitlines() == [
        "TW I 2026: 1 nilai otomatis diperbarui.",
        "TW II 2026: 1 nilai otomatis diperbarui.",
        "Selesai.",
    ]
    report = programme.realisations.get(quarter=1)
    assert report.values.get().value == Decimal("33.33")
    services.realisation_submit(actor=personas.ani, realisation=report)
    clock.move_to(dt.datetime(2026, 5, 10, 9, 0, tzinfo=JAKARTA))
    services.auto_sources_refresh(actor=None, year=2026, quarter=2)
    assert report.values.get().value == Decimal("33.33")  # submitted: untouched
    assert programme.realisations.get(quarter=2).values.get().value == Decimal("66.67")
    TrainingRecord.objects.create(
        employee=administrators["joko"],
        kind="diklat_struktural",
        name="PKA",
        start_date=dt.date(2026, 3, 1),
        end_date=dt.date(2026, 6, 1),
        hours_jp=Decimal(300),
        leadership_level="pka",
    )
    clock.move_to(dt.datetime(2026, 8, 1, 9, 0, tzinfo=JAKARTA))
    services.auto_sources_refresh(actor=None, year=2026, quarter=2)  # TW II locked since 10 July: would be 100
    assert programme.realisations.get(quarter=2).values.get().value == Decimal("66.67")


def test_the_transformation_programme_is_shown_beside_the_budget_programmes(plan, personas, transformation, login):
    programme, _indicator = transformation
    report = services.realisation_save(actor=personas.ani, item=programme, quarter=1, values={}, data={})
    services.realisation_submit(actor=personas.ani, realisation=report)
    html = login(personas.eka).get(reverse("monev_ranking"), {"year": 2026, "quarter": 1}).content.decode()
    assert "Program di luar struktur anggaran (Program Transformasi)" in html
    assert "Persentase administrator yang telah mengikuti diklat kepemimpinan" in html
    assert "41,66" in html  # 33,33 of 80
    # The budget ranking is not changed by it.
    assert "Badan Kepegawaian Daerah" not in html.split('id="ranking"')[1].split("</table>")[0]
    bkd = login(personas.ani).get(reverse("monev_opd", args=[personas.regency.bkd.pk]), {"year": 2026}).content.decode()
    assert "Program di luar struktur anggaran" in bkd and "otomatis" in bkd


def test_the_entry_form_shows_the_automatic_value_read_only(personas, transformation, login):
    programme, indicator = transformation
    html = login(personas.ani).get(reverse("monev_entry", args=[programme.pk, 1])).content.decode()
    field = html.split(f'name="value_{indicator.pk}"')[1].split(">")[0]
    assert 'value="33,33"' in field and "disabled" in field
