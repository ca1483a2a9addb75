"""The evaluation of an OPD's year from stored reports: RULES.md §5's worked example end to end."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from pamong.monitoring import evaluation, services
from pamong.monitoring.achievement import Band
from pamong.monitoring.models import PlanItem

from .conftest import JAKARTA

QUARTER_DAYS = {1: (2026, 4, 5), 2: (2026, 7, 5), 3: (2026, 10, 5), 4: (2027, 1, 5)}


@pytest.fixture
def worked_example(plan, personas, enter, clock):
    """Quarters 20/30/25/20 of target 100; 470 of 500 million spent; all verified by budi."""
    spent = {1: 100_000_000, 2: 150_000_000, 3: 120_000_000, 4: 100_000_000}
    for quarter, volume in {1: 20, 2: 30, 3: 25, 4: 20}.items():
        clock.move_to(dt.datetime(*QUARTER_DAYS[quarter], 9, 0, tzinfo=JAKARTA))
        report = services.realisation_submit(actor=personas.dodi, realisation=enter(quarter, volume, spent[quarter]))
        services.realisation_verify(actor=personas.budi, realisation=report)
    return plan


def opd_result(plan, quarter=4):
    return evaluation.evaluate_opd(PlanItem.objects.filter(opd=plan.programme.opd), year=2026, quarter=quarter)


def test_the_worked_example_gives_95_percent_sangat_tinggi_and_94_percent_absorption(worked_example):
    result = opd_result(worked_example)
    sub = next(node for node in result.items() if node.item == worked_example.sub_activity)
    output = sub.indicators[0]
    assert (output.realisation, output.achievement, output.band) == (Decimal(95), Decimal(95), Band.SANGAT_TINGGI)
    assert (sub.spent, sub.absorption) == (Decimal(470_000_000), Decimal(94))
    # The programme's budget is the sum of its sub-activities'.
    assert (result.roots[0].ceiling, result.roots[0].absorption) == (Decimal(500_000_000), Decimal(94))
    # Renstra: 300 until last year + 95 this year of 500.
    assert (output.renstra_reached, output.renstra_progress) == (Decimal(395), Decimal(79))


def test_achievement_up_to_a_quarter_uses_only_the_quarters_so_far(worked_example):
    output = next(n for n in opd_result(worked_example, quarter=2).items() if n.item == worked_example.sub_activity)
    assert (output.indicators[0].realisation, output.indicators[0].achievement) == (Decimal(50), Decimal(50))


def test_the_opd_average_is_the_mean_of_reported_indicators(worked_example, personas, clock):
    clock.move_to(dt.datetime(2026, 7, 5, 9, 0, tzinfo=JAKARTA))
    report = services.realisation_save(
        actor=personas.dodi,
        item=worked_example.programme,
        quarter=2,
        values={worked_example.outcome.pk: Decimal(60)},
        data={},
    )
    services.realisation_submit(actor=personas.dodi, realisation=report)
    result = opd_result(worked_example)
    # outcome 60 of 80 = 75 %; output 95 %; mean 85 % → tinggi
    assert (result.average, result.band) == (Decimal(85), Band.TINGGI)


def test_a_draft_is_not_counted_in_the_evaluation(plan, enter):
    enter(1, 20, 100)
    sub = next(node for node in opd_result(plan).items() if node.item == plan.sub_activity)
    assert (sub.indicators[0].realisation, sub.indicators[0].band, sub.spent) == (None, None, None)


def test_the_revised_target_is_the_one_evaluated(worked_example, personas):
    services.indicator_update(
        actor=personas.budi, indicator=worked_example.output, data={"revised_target": Decimal(95)}
    )
    sub = next(node for node in opd_result(worked_example).items() if node.item == worked_example.sub_activity)
    assert (sub.indicators[0].target, sub.indicators[0].achievement) == (Decimal(95), Decimal(100))


def test_the_opd_page_colours_each_indicator_by_its_band(worked_example, personas, login):
    html = (
        login(personas.eka)
        .get(reverse("monev_opd", args=[personas.regency.dinkes.pk]), {"year": 2026, "quarter": 4})
        .content.decode()
    )
    assert '<span class="badge band-sangat_tinggi">Sangat Tinggi</span>' in html
    assert "95,00" in html and "470.000.000" in html and "94,00" in html
