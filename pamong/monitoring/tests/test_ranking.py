"""The regency ranking of OPD by average achievement, and who sees which rows."""

from decimal import Decimal

from django.urls import reverse

from pamong.monitoring import evaluation, services
from pamong.monitoring.achievement import Band


def report(personas, item, quarter, values, by=None):
    saved = services.realisation_save(actor=by or personas.ani, item=item, quarter=quarter, values=values, data={})
    return services.realisation_submit(actor=by or personas.ani, realisation=saved)


def test_opd_are_ranked_by_average_achievement_and_those_without_results_come_last(plan, personas):
    report(personas, plan.programme, 1, {plan.outcome.pk: Decimal(40)})  # 40 of 80 → 50 %
    assert [(r.opd.name, r.rank, r.average, r.band) for r in evaluation.ranking(year=2026, quarter=1)] == [
        ("Dinas Kesehatan", 1, Decimal(50), Band.SANGAT_RENDAH),
        ("Dinas Pendidikan", None, None, None),
    ]
    report(personas, plan.dindik_programme, 1, {plan.dindik_outcome.pk: Decimal("96.04")})  # 98 %
    assert [(r.opd.name, r.rank) for r in evaluation.ranking(year=2026, quarter=1)] == [
        ("Dinas Pendidikan", 1),
        ("Dinas Kesehatan", 2),
    ]


def test_the_ranking_page_shows_each_reader_the_opd_they_may_read(plan, personas, login):
    report(personas, plan.programme, 1, {plan.outcome.pk: Decimal(40)})
    report(personas, plan.dindik_programme, 1, {plan.dindik_outcome.pk: Decimal("96.04")})
    url = reverse("monev_ranking")
    eka = login(personas.eka).get(url, {"year": 2026, "quarter": 1}).content.decode()
    assert "Dinas Kesehatan" in eka and "Dinas Pendidikan" in eka and "98,00" in eka
    assert 'id="ranking-data"' in eka
    budi = login(personas.budi).get(url, {"year": 2026, "quarter": 1}).content.decode()
    table = budi.split('id="ranking"')[1].split("</table>")[0]
    assert "Dinas Kesehatan" in table and "Dinas Pendidikan" not in table
    assert login(personas.dodi).get(url).status_code == 404


def test_the_home_page_lists_the_officials_own_items_with_each_quarter(plan, personas, login, enter):
    enter(1, 20, 1)
    html = login(personas.dodi).get(reverse("monev_home"), {"year": 2026}).content.decode()
    assert "Tanggung jawab saya" in html
    assert "Pengelolaan Pelayanan Kesehatan Dasar" in html and "Draf" in html
    assert "Program Pengelolaan Pendidikan" not in html
    assert "Perangkat daerah" not in html  # an official without a role gets no OPD list


def test_equal_averages_share_a_rank(plan, personas):
    report(personas, plan.programme, 1, {plan.outcome.pk: Decimal("78.4")})  # 98 % of 80
    report(personas, plan.dindik_programme, 1, {plan.dindik_outcome.pk: Decimal("96.04")})  # 98 % of 98
    assert [r.rank for r in evaluation.ranking(year=2026, quarter=1)] == [1, 1]


def test_the_ranking_page_needs_the_same_queries_for_more_items(plan, personas, login, django_assert_max_num_queries):
    from pamong.monitoring.models import Level

    report(personas, plan.programme, 1, {plan.outcome.pk: Decimal(40)})
    client = login(personas.eka)
    url = reverse("monev_ranking") + "?year=2026&quarter=1"
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(2, 12):
        item = services.plan_item_create(
            actor=personas.ani,
            opd=personas.regency.dindik,
            year=2026,
            level=Level.PROGRAMME,
            parent=None,
            data={"code": f"1.01.{n + 10:02d}", "name": f"Program {n}"},
        )
        report(personas, item, 1, {})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
