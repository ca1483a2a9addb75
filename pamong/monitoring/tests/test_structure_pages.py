"""The OPD tree, the item page and the structure forms, through the URLs."""

from decimal import Decimal

from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.monitoring import services
from pamong.monitoring.models import Indicator, Level, PlanItem


def test_the_opd_page_shows_the_tree_with_indicators_and_pagu(plan, personas, login):
    page = login(personas.eka).get(reverse("monev_opd", args=[personas.regency.dinkes.pk]), {"year": 2026})
    html = page.content.decode()
    assert page.status_code == 200
    for text in (
        "Program Pemenuhan Upaya Kesehatan",
        "Penyediaan Layanan Kesehatan",
        "Pengelolaan Pelayanan Kesehatan Dasar",
        "Persentase puskesmas terakreditasi",
        "Jumlah dokumen perencanaan",
        "500.000.000",
        "Dodi Pratama",
    ):
        assert text in html


def test_an_operator_cannot_open_another_opd_page(plan, personas, login):
    page = login(personas.budi).get(reverse("monev_opd", args=[personas.regency.dindik.pk]), {"year": 2026})
    assert page.status_code == 404


def test_the_operator_adds_a_programme_and_an_activity_through_the_forms(personas, login):
    client = login(personas.budi)
    url = reverse("monev_item_create", args=[personas.regency.dinkes.pk]) + "?year=2026"
    response = client.post(
        url, {"code": "1.02.03", "name": "Program Peningkatan Kapasitas SDM Kesehatan", "is_budget": "on"}
    )
    programme = PlanItem.objects.get(code="1.02.03")
    assert response.status_code == 302 and response["Location"] == reverse("monev_item", args=[programme.pk])
    assert (programme.level, programme.year, programme.opd) == (Level.PROGRAMME, 2026, personas.regency.dinkes)
    child = client.post(
        reverse("monev_item_create", args=[personas.regency.dinkes.pk]) + f"?parent={programme.pk}",
        {
            "code": "1.02.03.2.01",
            "name": "Pelatihan Tenaga Kesehatan",
            "responsible_official": personas.dodi_employee.pk,
        },
    )
    assert child.status_code == 302
    activity = PlanItem.objects.get(code="1.02.03.2.01")
    assert (activity.parent, activity.level, activity.responsible_official) == (
        programme,
        Level.ACTIVITY,
        personas.dodi_employee,
    )
    assert AuditEntry.objects.filter(action="monev.plan_item.created", actor_id=personas.budi.pk).count() == 2


def test_a_form_error_from_the_service_is_shown_on_its_field(plan, personas, login):
    page = login(personas.budi).post(
        reverse("monev_item_create", args=[personas.regency.dinkes.pk]) + f"?parent={plan.programme.pk}",
        {"code": "9.99.99.2.01", "name": "Kode salah"},
    )
    assert page.status_code == 200
    assert "Kode harus diawali kode induknya (1.02.02.)." in page.content.decode()


def test_an_indicator_is_added_with_indonesian_decimals_and_quarterly_targets(plan, personas, login):
    response = login(personas.budi).post(
        reverse("monev_indicator_create", args=[plan.activity.pk]),
        {
            "name": "Cakupan imunisasi dasar lengkap",
            "unit_of_measure": "%",
            "direction": "higher",
            "target": "92,5",
            "target_q1": "20",
            "target_q2": "45,5",
            "renstra_target": "1.250",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(name="Cakupan imunisasi dasar lengkap")
    assert (indicator.target, indicator.target_q2, indicator.renstra_target, indicator.cumulative) == (
        Decimal("92.5"),
        Decimal("45.5"),
        Decimal(1250),
        False,
    )


def test_a_revised_target_is_shown_beside_the_original(plan, personas, login):
    services.indicator_update(actor=personas.budi, indicator=plan.output, data={"revised_target": Decimal(80)})
    page = login(personas.dodi).get(reverse("monev_item", args=[plan.sub_activity.pk]))
    html = page.content.decode()
    assert "awal 100" in html
    assert ">80<" in html.replace(" ", "") or "80<div" in html


def test_the_responsible_official_sees_the_item_but_not_the_edit_button(plan, personas, login):
    page = login(personas.dodi).get(reverse("monev_item", args=[plan.programme.pk]))
    assert page.status_code == 200
    assert reverse("monev_item_edit", args=[plan.programme.pk]) not in page.content.decode()
    assert login(personas.dodi).get(reverse("monev_item_edit", args=[plan.programme.pk])).status_code == 404


def test_the_opd_page_needs_the_same_queries_for_many_items(plan, personas, login, django_assert_max_num_queries):
    client = login(personas.budi)
    url = reverse("monev_opd", args=[personas.regency.dinkes.pk]) + "?year=2026"
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(3, 13):
        services.plan_item_create(
            actor=personas.budi,
            opd=personas.regency.dinkes,
            year=2026,
            level=Level.SUB_ACTIVITY,
            parent=plan.activity,
            data={"code": f"1.02.02.2.02.00{n:02d}", "name": f"Sub {n}", "pagu": Decimal(n)},
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_period_settings_change_the_deadline_for_the_bkd_administrator_only(personas, login):
    assert login(personas.budi).get(reverse("monev_settings", args=[2026])).status_code == 404
    response = login(personas.ani).post(
        reverse("monev_settings", args=[2026]),
        {"deadline_q1": "2026-04-20", "warning_margin": "15"},
    )
    assert response.status_code == 302
    from pamong.monitoring.models import period_setting

    setting = period_setting(2026)
    assert (str(setting.deadline(1)), str(setting.deadline(2)), setting.warning_margin) == (
        "2026-04-20",
        "2026-07-10",
        Decimal(15),
    )
    assert AuditEntry.objects.filter(action="monev.period.updated").exists()
