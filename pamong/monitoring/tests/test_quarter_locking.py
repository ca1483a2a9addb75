"""A quarter locks after its deadline (default ten days after its end) unless a BKD administrator reopens it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.monitoring import services
from pamong.monitoring.models import PeriodSetting, Reopening

from .conftest import JAKARTA


def at(clock, year, month, day, hour=9):
    clock.move_to(dt.datetime(year, month, day, hour, 0, tzinfo=JAKARTA))


def test_the_first_quarter_is_open_on_its_deadline_day_and_locked_the_day_after(plan, personas, enter, clock):
    at(clock, 2026, 4, 10, 23)
    enter(1, 20, 1)
    at(clock, 2026, 4, 11, 0)
    with pytest.raises(ValidationError) as caught:
        enter(1, 25, 1)
    assert caught.value.messages == [
        "Triwulan I sudah dikunci sejak batas waktu 10-04-2026. Minta administrator BKD membukanya kembali."
    ]


def test_a_locked_draft_cannot_be_submitted(plan, personas, enter, clock):
    draft = enter(1, 20, 1)
    at(clock, 2026, 4, 12)
    with pytest.raises(ValidationError):
        services.realisation_submit(actor=personas.dodi, realisation=draft)


def test_a_quarter_cannot_be_entered_before_it_starts(plan, personas, enter):
    with pytest.raises(ValidationError) as caught:
        enter(3, 20, 1)
    assert caught.value.messages == ["Triwulan III belum dimulai; realisasi dapat diisi mulai 01-07-2026."]


def test_the_deadline_follows_the_year_setting(plan, personas, enter, clock):
    PeriodSetting.objects.create(year=2026, deadline_q1=dt.date(2026, 4, 20))
    at(clock, 2026, 4, 15)
    assert enter(1, 20, 1).values.get().value == Decimal(20)


def test_the_bkd_administrator_reopens_a_locked_quarter_and_it_is_audited(plan, personas, enter, clock):
    at(clock, 2026, 4, 15)
    reopening = services.quarter_reopen(
        actor=personas.ani,
        opd=personas.regency.dinkes,
        year=2026,
        quarter=1,
        open_until=dt.date(2026, 4, 17),
        reason="Server SIPD gangguan pada 9–10 April.",
    )
    report = enter(1, 20, 1)
    services.realisation_submit(actor=personas.dodi, realisation=report)
    entry = AuditEntry.objects.get(action="monev.quarter.reopened")
    assert (entry.actor_id, entry.object_id, entry.changes["open_until"], entry.changes["quarter"]) == (
        personas.ani.pk,
        str(reopening.pk),
        "2026-04-17",
        1,
    )
    at(clock, 2026, 4, 18)
    with pytest.raises(ValidationError) as caught:
        services.realisation_save(
            actor=personas.dodi, item=plan.programme, quarter=1, values={plan.outcome.pk: Decimal(70)}, data={}
        )
    assert "sudah dikunci" in caught.value.messages[0]


def test_reopening_one_opd_leaves_the_others_locked(plan, personas, clock):
    at(clock, 2026, 4, 15)
    services.quarter_reopen(
        actor=personas.ani,
        opd=personas.regency.dinkes,
        year=2026,
        quarter=1,
        open_until=dt.date(2026, 4, 30),
        reason="x",
    )
    with pytest.raises(ValidationError):
        services.realisation_save(
            actor=personas.ani,
            item=plan.dindik_programme,
            quarter=1,
            values={plan.dindik_outcome.pk: Decimal(97)},
            data={},
        )


def test_only_the_bkd_administrator_may_open_the_reopen_page_and_it_needs_a_reason(plan, personas, login, clock):
    at(clock, 2026, 4, 15)
    url = reverse("monev_reopen", args=[personas.regency.dinkes.pk]) + "?year=2026&quarter=1"
    assert login(personas.budi).post(url, {"open_until": "2026-04-20", "reason": "x"}).status_code == 404
    assert not Reopening.objects.exists()
    client = login(personas.ani)
    page = client.post(url, {"open_until": "2026-04-20", "reason": ""})
    assert page.status_code == 200 and not Reopening.objects.exists()
    response = client.post(url, {"open_until": "2026-04-20", "reason": "Operator sakit"})
    assert response.status_code == 302
    assert Reopening.objects.get().open_until == dt.date(2026, 4, 20)


def test_the_opd_page_shows_which_quarters_are_locked(plan, personas, login, clock):
    at(clock, 2026, 7, 5)
    html = (
        login(personas.budi)
        .get(reverse("monev_opd", args=[personas.regency.dinkes.pk]), {"year": 2026})
        .content.decode()
    )
    assert "terkunci" in html and "terbuka sampai 10 Juli 2026" in html
