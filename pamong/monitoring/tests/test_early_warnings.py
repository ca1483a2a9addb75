"""Early warning at a quarter's end: what lags by more than the margin is flagged, officials are told once."""

import datetime as dt
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.monitoring import services
from pamong.monitoring.early_warning import warnings_run
from pamong.monitoring.models import EarlyWarning, Notification, PeriodSetting, WarningKind


def run(day, **kwargs):
    return warnings_run(day=day, **kwargs)


def test_the_quarter_evaluated_is_the_last_one_ended_by_the_date(plan):
    assert (run(dt.date(2026, 3, 31)).quarter, run(dt.date(2026, 4, 5)).quarter) == (1, 1)
    assert (run(dt.date(2026, 3, 30)).year, run(dt.date(2026, 3, 30)).quarter) == (2025, 4)


def test_an_indicator_behind_its_quarterly_target_by_more_than_the_margin_is_flagged(plan, personas, enter):
    # Straight line: 25 of 100 documents by the end of TW I; 23 reached = 92 % → within 10 points.
    enter(1, 23, 125_000_000)
    summary = run(dt.date(2026, 4, 1))
    flagged = {(w.kind, w.indicator_id) for w in EarlyWarning.objects.open()}
    assert (WarningKind.VOLUME, plan.output.pk) not in flagged
    # 20 reached = 80 % → more than 10 points behind.
    enter(1, 20, 125_000_000)
    run(dt.date(2026, 4, 2))
    warning = EarlyWarning.objects.get(kind=WarningKind.VOLUME, indicator=plan.output)
    assert (warning.expected, warning.reached, warning.percent, warning.quarter) == (
        Decimal(25),
        Decimal(20),
        Decimal(80),
        1,
    )
    assert summary.quarter == 1


def test_quarterly_targets_are_used_when_set(plan, personas, enter):
    services.indicator_update(
        actor=personas.budi, indicator=plan.output, data={"target_q1": Decimal(10), "target_q2": Decimal(40)}
    )
    enter(1, 9, 125_000_000)  # 9 of 10 = 90 %: fine
    run(dt.date(2026, 4, 1))
    assert not EarlyWarning.objects.filter(indicator=plan.output).exists()


def test_lower_is_better_indicators_lag_when_the_value_is_too_high(plan, personas):
    services.indicator_update(
        actor=personas.budi, indicator=plan.outcome, data={"direction": "lower", "target": Decimal(10)}
    )
    services.realisation_save(
        actor=personas.dodi, item=plan.programme, quarter=1, values={plan.outcome.pk: Decimal("11.5")}, data={}
    )  # (20 − 11.5) / 10 = 85 % → flagged
    run(dt.date(2026, 4, 1))
    assert EarlyWarning.objects.get(indicator=plan.outcome).percent == Decimal(85)


def test_nothing_reported_is_flagged_as_not_reported(plan):
    run(dt.date(2026, 4, 1))
    warning = EarlyWarning.objects.get(indicator=plan.dindik_outcome)
    assert (warning.reached, warning.percent, warning.expected) == (None, None, Decimal(98))


def test_budget_absorption_behind_the_straight_line_is_flagged(plan, enter):
    enter(1, 25, 50_000_000)  # 10 % of 500 million by TW I; plan 25 %
    run(dt.date(2026, 4, 1))
    warning = EarlyWarning.objects.get(kind=WarningKind.BUDGET)
    assert (warning.plan_item, warning.percent, warning.expected) == (
        plan.sub_activity,
        Decimal(10),
        Decimal(125_000_000),
    )


def test_the_margin_comes_from_the_year_setting(plan, enter):
    PeriodSetting.objects.create(year=2026, warning_margin=Decimal(25))
    enter(1, 20, 100_000_000)  # 80 % volume, 20 % budget: both within 25 points
    run(dt.date(2026, 4, 1))
    assert not EarlyWarning.objects.filter(plan_item=plan.sub_activity).exists()


def test_officials_and_the_opd_head_are_told_once_in_the_app_and_by_email(
    plan, personas, enter, mailoutbox, django_capture_on_commit_callbacks
):
    from pamong.people.models import Position, PositionType

    head_post = Position.objects.create(
        name="Kepala Dinas Kesehatan", position_type=PositionType.JPT_PRATAMA, org_unit=personas.regency.dinkes
    )
    personas.regency.dinkes.head_position = head_post
    personas.regency.dinkes.save(update_fields=["head_position"])
    personas.eka_employee.position = head_post  # Eka stands in as the head of Dinas Kesehatan
    personas.eka_employee.save(update_fields=["position"])
    enter(1, 10, 10_000_000)
    with django_capture_on_commit_callbacks(execute=True):
        first = run(dt.date(2026, 4, 1))
    assert first.created == 4  # output volume, outcome not reported, budget; Dinas Pendidikan not reported
    dodi = Notification.objects.get(user=personas.dodi)
    assert dodi.title == "Peringatan dini TW I 2026: 3 indikator/anggaran tertinggal"
    assert "Jumlah dokumen perencanaan: capaian 40,00% terhadap target s.d. TW I" in dodi.body
    assert "Persentase puskesmas terakreditasi: realisasi s.d. TW I belum dilaporkan" in dodi.body
    assert dodi.url == reverse("monev_warnings") + "?year=2026&quarter=1"
    assert Notification.objects.filter(user=personas.eka).count() == 1
    assert sorted(m.to[0] for m in mailoutbox) == ["dodi@contoh.go.id", "eka@contoh.go.id"]
    again = run(dt.date(2026, 4, 2))
    assert (again.created, again.notifications) == (0, 0)
    assert Notification.objects.count() == 2


def test_a_later_run_resolves_a_warning_when_the_lag_is_made_up(plan, enter):
    enter(1, 10, 125_000_000)
    run(dt.date(2026, 4, 1))
    enter(1, 25, 125_000_000)
    summary = run(dt.date(2026, 4, 3))
    assert summary.resolved == 1
    warning = EarlyWarning.objects.get(kind=WarningKind.VOLUME, indicator=plan.output)
    assert warning.resolved_at is not None
    assert not EarlyWarning.objects.open().filter(indicator=plan.output).exists()


def test_the_command_runs_for_a_date_and_reports_counts(plan):
    out = StringIO()
    call_command("monev_warnings", "--date", "2026-04-01", stdout=out)
    assert out.getvalue().strip() == "TW I 2026: 4 tertinggal (4 baru), 0 terselesaikan, 1 notifikasi dikirim."
    entry = AuditEntry.objects.get(action="monev.warnings.run")
    assert (entry.source, entry.changes["flagged"], entry.changes["quarter"]) == ("cli", 4, 1)


def test_the_warnings_page_lists_warnings_in_the_readers_scope(plan, personas, login):
    run(dt.date(2026, 4, 1))
    url = reverse("monev_warnings")
    params = {"year": 2026, "quarter": 1}
    eka = login(personas.eka).get(url, params).content.decode()
    assert "Angka partisipasi murni SD" in eka and "Jumlah dokumen perencanaan" in eka
    budi = login(personas.budi).get(url, params).content.decode()
    assert "Jumlah dokumen perencanaan" in budi and "Angka partisipasi murni SD" not in budi
    fajar = login(personas.fajar).get(url, params).content.decode()
    assert "Angka partisipasi murni SD" in fajar and "Jumlah dokumen perencanaan" not in fajar
    citra = login(personas.citra).get(url, params).content.decode()
    assert "Tidak ada peringatan dini untuk periode ini." in citra


def test_notifications_are_listed_for_their_owner_and_marked_read_when_opened(plan, personas, enter, login):
    enter(1, 10, 1)
    run(dt.date(2026, 4, 1))
    note = Notification.objects.get(user=personas.dodi)
    client = login(personas.dodi)
    assert note.title in client.get(reverse("monev_notifications")).content.decode()
    assert login(personas.budi).post(reverse("monev_notification_open", args=[note.pk])).status_code == 404
    response = login(personas.dodi).post(reverse("monev_notification_open", args=[note.pk]))
    assert response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at is not None


def test_the_warnings_page_needs_the_same_queries_for_more_warnings(
    plan, personas, login, django_assert_max_num_queries
):
    from pamong.monitoring.models import Level

    run(dt.date(2026, 4, 1))
    client = login(personas.eka)
    url = reverse("monev_warnings") + "?year=2026&quarter=1"
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for n in range(2, 12):
        item = services.plan_item_create(
            actor=personas.budi,
            opd=personas.regency.dinkes,
            year=2026,
            level=Level.SUB_ACTIVITY,
            parent=plan.activity,
            data={"code": f"1.02.02.2.02.00{n:02d}", "name": f"Sub {n}", "pagu": Decimal(1000)},
        )
        services.indicator_create(
            actor=personas.budi,
            item=item,
            data={
                "name": f"Output {n}",
                "unit_of_measure": "unit",
                "direction": "higher",
                "cumulative": True,
                "target": Decimal(4),
            },
        )
    run(dt.date(2026, 4, 2))
    assert EarlyWarning.objects.open().count() > 20
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
