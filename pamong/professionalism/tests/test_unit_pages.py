"""Unit and regency figures: means per dimension, categories, lowest dimension, trends, OPD comparison, targets."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from pamong.professionalism import services
from pamong.professionalism.models import UnitTarget

from .conftest import add_history

pytestmark = pytest.mark.django_db


def text(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_regency_view_shows_the_mean_its_dimensions_and_the_excluded_counts(measured, login):
    response = login(measured.eka).get("/ipasn/")
    page = text(response)
    assert "IP ASN Kabupaten Contoh" in page
    agg = response.context["aggregate"]
    # Dodi 90, Citra 65, Eka 100: mean 85; Sri incomplete, Yanto (CPNS) excluded.
    assert (agg.scored, agg.incomplete, agg.excluded, agg.mean_total, agg.category) == (
        3,
        1,
        1,
        Decimal("85.00"),
        "tinggi",
    )
    assert agg.means == {
        "kualifikasi": Decimal("20.00"),
        "kompetensi": Decimal("31.67"),
        "kinerja": Decimal("28.33"),
        "disiplin": Decimal("5.00"),
    }
    assert agg.lowest_dimension == "kompetensi"  # 31,67 of 40 is the smallest share
    assert "85,00" in page and "1 data tidak lengkap · 1 tidak diukur" in page
    assert "Data tidak lengkap (1 pegawai, tidak dihitung dalam rata-rata)" in page
    assert "Sri Wahyuni predikat kinerja tahun lalu belum tercatat" in page.replace("Puskesmas Kota ", "")


def test_the_regency_compares_opds(measured, login):
    response = login(measured.ani).get("/ipasn/")
    rows = {r.unit.name: (r.aggregate.scored, r.aggregate.mean_total) for r in response.context["comparison"]}
    assert rows == {
        "Sekretariat Daerah": (1, Decimal("100.00")),
        "Dinas Kesehatan": (1, Decimal("90.00")),
        "Dinas Pendidikan": (1, Decimal("65.00")),
    }


def test_an_operator_sees_only_their_opd_and_its_sub_units(measured, login):
    client = login(measured.budi)
    response = client.get("/ipasn/")
    assert response.context["unit"] == measured.regency.dinkes
    agg = response.context["aggregate"]
    assert (agg.scored, agg.incomplete, agg.excluded, agg.mean_total) == (1, 1, 1, Decimal("90.00"))
    assert [r.unit.name for r in response.context["comparison"]] == ["Bidang Pelayanan Kesehatan"]
    assert client.get(f"/ipasn/units/{measured.regency.dindik.pk}/").status_code == 404


def test_a_leader_of_a_subtree_sees_that_subtree(measured, login):
    response = login(measured.fajar).get("/ipasn/")
    assert response.context["unit"] == measured.regency.dindik
    assert response.context["aggregate"].mean_total == Decimal("65.00")


def test_a_target_is_set_audited_and_shown_with_its_gap(measured, login):
    client = login(measured.budi)
    response = client.post(f"/ipasn/units/{measured.regency.dinkes.pk}/target/", {"year": 2026, "target": "92.5"})
    assert response.status_code == 302
    assert UnitTarget.objects.get().target == Decimal("92.50")
    page = text(client.get(f"/ipasn/units/{measured.regency.dinkes.pk}/?year=2026"))
    assert "kurang 2,50 poin dari target" in page
    assert (
        login(measured.fajar)
        .post(f"/ipasn/units/{measured.regency.dindik.pk}/target/", {"year": 2026, "target": "80"})
        .status_code
        == 404
    )


def test_trends_show_each_measured_year(measured, login):
    add_history(
        measured.citra_employee, trainings=[("diklat_teknis", dt.date(2027, 3, 1), 24, "")], predikat={2026: "baik"}
    )
    services.measurement_run(actor=measured.ani, year=2027, as_of=dt.date(2027, 12, 31))
    response = login(measured.eka).get(f"/ipasn/units/{measured.regency.dindik.pk}/")
    trend = [(year, agg.mean_total) for year, agg in response.context["trend"]]
    # 2027: Citra has 24 JP in the window but her only seminar-free year: 15 + 30 + 25 + 5 = 75.
    assert trend == [(2026, Decimal("65.00")), (2027, Decimal("75.00"))]
    assert response.context["measurement"].year == 2027
    older = login(measured.eka).get(f"/ipasn/units/{measured.regency.dindik.pk}/?year=2026")
    assert older.context["aggregate"].mean_total == Decimal("65.00")


def test_the_regency_page_runs_a_bounded_number_of_queries(measured, login, django_assert_max_num_queries):
    client = login(measured.eka)
    with django_assert_max_num_queries(30):
        client.get("/ipasn/")


def test_without_a_measurement_the_page_says_so(personas, login):
    page = text(login(personas.ani).get("/ipasn/"))
    assert "Belum ada pengukuran IP ASN." in page


def test_a_reader_of_two_separate_units_gets_a_list_of_both(measured, login):
    from pamong.accounts.models import Role, RoleAssignment, User

    user = User.objects.create_user("gani", "gani@contoh.go.id", "persona-password-123")
    for unit in (measured.regency.dinkes, measured.regency.dindik):
        RoleAssignment.objects.create(user=user, role=Role.LEADER, org_unit=unit, include_subtree=True)
    response = login(user).get("/ipasn/")
    rows = [(r.unit.name, r.aggregate.mean_total) for r in response.context["rows"]]
    assert rows == [("Dinas Kesehatan", Decimal("90.00")), ("Dinas Pendidikan", Decimal("65.00"))]
