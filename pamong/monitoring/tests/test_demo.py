"""The demo year: plausible, deterministic, refused on a year that has data, and readable by every page."""

import datetime as dt

import pytest
from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.monitoring import demo, evaluation
from pamong.monitoring.models import Indicator, PlanItem, Realisation, RealisationValue, Status

TODAY = dt.date(2026, 11, 28)


def fingerprint():
    return (
        list(PlanItem.objects.order_by("opd__code", "code").values_list("opd__code", "code", "name", "pagu")),
        list(Indicator.objects.order_by("plan_item__code", "order").values_list("name", "target", "auto_source")),
        list(
            RealisationValue.objects.order_by(
                "realisation__plan_item__code", "realisation__quarter", "indicator__order"
            ).values_list("realisation__quarter", "realisation__status", "value")
        ),
    )


def test_the_demo_year_has_programmes_indicators_and_three_closed_quarters(personas):
    counts = demo.generate(seed=7, year=2026, today=TODAY)
    assert counts["opd"] == 4  # Dinas Kesehatan and Dinas Pendidikan (sector programmes), Sekretariat Daerah, the BKD
    dinkes = PlanItem.objects.filter(opd=personas.regency.dinkes)
    assert set(dinkes.filter(level="program").values_list("code", flat=True)) == {"1.02.01", "1.02.02"}
    assert dinkes.get(code="1.02.02").responsible_official == personas.dodi_employee  # the only administrator
    # 28 November: TW I–III closed (verified or submitted), TW IV a draft.
    quarters = set(Realisation.objects.filter(plan_item__opd=personas.regency.dinkes).values_list("quarter", "status"))
    assert {q for q, _s in quarters} == {1, 2, 3, 4}
    assert all(s == Status.DRAFT for q, s in quarters if q == 4)
    assert all(s in (Status.VERIFIED, Status.SUBMITTED) for q, s in quarters if q < 4)
    transformation = PlanItem.objects.get(code="PTP-2026")
    assert (transformation.opd, transformation.is_budget) == (personas.regency.bkd, False)
    assert transformation.indicators.exclude(auto_source="").count() == 2
    rows = evaluation.ranking(year=2026, quarter=3)
    assert {r.opd.name for r in rows if r.rank} >= {"Dinas Kesehatan", "Dinas Pendidikan"}
    assert AuditEntry.objects.filter(action="monev.demo.generated").count() == 1


def test_the_same_seed_gives_the_same_year_and_another_seed_does_not(personas):
    demo.generate(seed=7, year=2026, today=TODAY)
    first = fingerprint()
    Realisation.objects.all().delete()
    PlanItem.objects.filter(level="sub_kegiatan").delete()
    PlanItem.objects.filter(level="kegiatan").delete()
    PlanItem.objects.all().delete()
    demo.generate(seed=7, year=2026, today=TODAY)
    assert fingerprint() == first
    PlanItem.objects.filter(level="sub_kegiatan").delete()
    PlanItem.objects.filter(level="kegiatan").delete()
    PlanItem.objects.all().delete()
    demo.generate(seed=8, year=2026, today=TODAY)
    assert fingerprint()[2] != first[2]


def test_a_year_with_data_is_refused(personas):
    demo.generate(seed=7, year=2026, today=TODAY)
    with pytest.raises(demo.MonevDemoExists):
        demo.generate(seed=7, year=2026, today=TODAY)


def test_the_pages_render_the_demo_year(personas, login):
    demo.generate(seed=7, year=2026, today=TODAY)
    client = login(personas.eka)
    home = client.get(reverse("monev_home"), {"year": 2026, "quarter": 3}).content.decode()
    assert "Dinas Kesehatan" in home and "Badan Kepegawaian Daerah" in home
    ranking = client.get(reverse("monev_ranking"), {"year": 2026, "quarter": 3}).content.decode()
    assert "Program Transformasi Personal ASN" in ranking
    opd = client.get(reverse("monev_opd", args=[personas.regency.dinkes.pk]), {"year": 2026, "quarter": 3})
    assert "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota" in opd.content.decode()


def test_the_command_writes_the_demo_year_once(personas):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("monev", "demo", "--seed", "7", "--today", "2026-11-28", stdout=out)
    assert out.getvalue().startswith("Monev 2026: 4 OPD, ")
    again = StringIO()
    call_command("monev", "demo", "--seed", "7", "--today", "2026-11-28", "--if-empty", stdout=again)
    assert again.getvalue().strip() == "Tahun 2026 sudah berisi data monev; data demo tidak dibuat."
