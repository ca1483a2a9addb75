"""The JP ledger per employee and per unit: batch credits and external records alike, against
the target per employee status, which the BKD may change."""

import datetime as dt
from decimal import Decimal

import pytest

from pamong.learning import services
from pamong.learning.ledger import employee_year, unit_compliance
from pamong.people.models import Employee, TrainingRecord

from .routes import _closed

pytestmark = pytest.mark.django_db


def _record(employee, jp, *, kind="seminar", competency="", year=2026, name=None):  # type: ignore[no-untyped-def]
    day = dt.date(year, 6, 1)
    return TrainingRecord.objects.create(
        employee=employee,
        kind=kind,
        name=name or f"{kind} {jp}",
        start_date=day,
        end_date=day,
        hours_jp=Decimal(jp),
        competency_type=competency,
    )


def test_a_batch_credit_and_an_external_record_add_up_by_competency_and_route(personas):
    e = _closed(personas)  # 4 JP, workshop (classical), socio-cultural
    _record(personas.dodi_employee, "6", kind="e_learning", competency="technical")
    ledger = employee_year(personas.dodi_employee, e.batch.end_date.year)
    assert ledger.summary.total == Decimal("10.00")
    assert ledger.summary.by_competency == {"socio_cultural": Decimal("4.00"), "technical": Decimal("6.00")}
    assert ledger.summary.by_route == {"classical": Decimal("4.00"), "non_classical": Decimal("6.00")}
    assert (ledger.target, ledger.compliance.met, ledger.compliance.shortfall) == (
        Decimal("20"),
        False,
        Decimal("10.00"),
    )


def test_a_record_counts_in_the_year_it_ends(personas):
    _record(personas.dodi_employee, "20", year=2025)
    assert employee_year(personas.dodi_employee, 2026).summary.total == Decimal("0.00")
    assert employee_year(personas.dodi_employee, 2025).compliance.met is True


def test_a_pppk_employee_is_held_to_24_jp_by_default(personas):
    _record(personas.nurse_employee, "20")
    ledger = employee_year(personas.nurse_employee, 2026)
    assert (ledger.target, ledger.target_is_default, ledger.compliance.met) == (Decimal("24"), True, False)


def test_the_bkd_changes_the_pppk_target_from_a_year_on(personas):
    services.jp_target_set(actor=personas.ani, status="pppk", year_from=2026, hours_jp=Decimal("20"))
    _record(personas.nurse_employee, "20")
    assert employee_year(personas.nurse_employee, 2026).compliance.met is True
    assert services.targets_for(2025)["pppk"] == (Decimal("24"), True)
    assert services.targets_for(2027)["pppk"] == (Decimal("20"), False)


def test_unit_compliance_counts_active_employees_and_lists_those_behind_furthest_first(personas):
    _record(personas.dodi_employee, "20")
    _record(personas.citra_employee, "15")
    inactive = personas.eka_employee
    Employee.objects.filter(pk=inactive.pk).update(is_active=False, inactive_reason="retired")
    result = unit_compliance(Employee.objects.all(), 2026)
    assert (result.count, result.compliant, result.share) == (3, 1, Decimal("33.33"))
    assert [(r.employee.name, r.compliance.shortfall) for r in result.behind] == [
        ("Sri Wahyuni", Decimal("24.00")),
        ("Citra Dewi", Decimal("5.00")),
    ]


def test_the_unit_page_is_scoped_to_the_reader(personas, login):
    _record(personas.citra_employee, "15")
    fajar = login(personas.fajar).get("/learning/jp/?year=2026").content.decode()
    assert "Citra Dewi" in fajar and "Sri Wahyuni" not in fajar
    budi = login(personas.budi).get("/learning/jp/?year=2026").content.decode()
    assert "Sri Wahyuni" in budi and "Citra Dewi" not in budi


def test_the_unit_page_asks_few_queries(personas, login, django_assert_max_num_queries):
    client = login(personas.eka)
    with django_assert_max_num_queries(12):
        client.get("/learning/jp/?year=2026")


def test_an_employee_sees_their_own_ledger_but_not_a_colleague(personas, login):
    client = login(personas.citra)
    assert client.get(f"/learning/jp/employees/{personas.citra_employee.pk}/").status_code == 200
    assert client.get(f"/learning/jp/employees/{personas.dodi_employee.pk}/").status_code == 404


def test_the_targets_page_flags_common_defaults(personas, login):
    page = login(personas.ani).get("/learning/jp/targets/").content.decode()
    assert page.count("nilai baku, dapat disesuaikan") == 2  # CPNS and PPPK
    response = login(personas.ani).post(
        "/learning/jp/targets/", {"status": "pppk", "year_from": "2026", "hours_jp": "20"}
    )
    assert response.status_code == 302
    assert services.targets_for(2026)["pppk"] == (Decimal("20.00"), False)
