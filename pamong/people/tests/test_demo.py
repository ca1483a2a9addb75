"""The demo generator: deterministic, valid NIPs, a plausible regency, idempotent, with log-ins.

Runs at 300 employees (the smallest regency keeps every OPD) with a fixed
generation date, so the suite stays quick and the dates reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pamong.people import reference
from pamong.people.demo import build_plan, choose_transformation_batch, transformation_batch
from pamong.people.demo.staff import add_years
from pamong.people.nip import parse_nip

TODAY = dt.date(2026, 11, 28)
SMALL = 300
PASSWORD = "rahasia-demo-123"
STRUCTURAL = {"jpt_pratama", "administrator", "pengawas"}


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command(
        "demo", "--employees", str(SMALL), "--today", TODAY.isoformat(), "--password", PASSWORD, *args, stdout=out
    )
    return out.getvalue()


@pytest.fixture
def demo_output(db) -> str:
    return run_demo()


def fingerprint(plan) -> list:  # type: ignore[no-untyped-def]
    return [
        [(u.code, u.name, u.kind) for u in plan.org.units],
        [(p.name, p.position_type, p.unit) for p in plan.org.positions],
        [(p.nip, p.name, p.front_title, p.back_title, p.unit, p.position, p.email_gov) for p in plan.people],
        [(len(p.trainings), len(p.sanctions), p.performance) for p in plan.people],
        plan.batch,
    ]


def test_same_seed_gives_the_same_regency_and_another_seed_does_not():
    first = build_plan(seed=11, employees=SMALL, today=TODAY)
    again = build_plan(seed=11, employees=SMALL, today=TODAY)
    other = build_plan(seed=12, employees=SMALL, today=TODAY)
    assert fingerprint(first) == fingerprint(again)
    assert [p.nip for p in first.people] != [p.nip for p in other.people]
    # The structure depends on the size, not on the seed.
    assert [u.code for u in first.org.units] == [u.code for u in other.org.units]


def test_two_database_runs_with_one_seed_store_the_same_nips(transactional_db):
    from pamong.people.models import Employee

    def stored_after_run() -> list[str]:
        run_demo("--seed", "5")
        nips = sorted(Employee.objects.values_list("nip", flat=True))
        call_command("flush", "--no-input", verbosity=0)
        return nips

    first = stored_after_run()
    assert len(first) == SMALL
    assert stored_after_run() == first


def test_every_stored_nip_parses_and_agrees_with_the_employee(demo_output):
    from pamong.people.models import Employee
    from pamong.people.services import employee_errors

    employees = list(Employee.objects.select_related("position"))
    assert len(employees) == SMALL
    assert len({e.nip for e in employees}) == SMALL
    for e in employees:
        info = parse_nip(e.nip, today=TODAY)
        assert info.birth_date == e.birth_date and info.sex == e.sex, e.nip
        assert info.kind == ("pppk" if e.status == "pppk" else "pns"), e.nip
        if e.status == "pppk":
            assert info.start_date.year == e.tmt_start.year, e.nip
        else:
            assert info.start_date == e.tmt_start, e.nip
        assert add_years(e.birth_date, 18) <= e.tmt_start <= TODAY, e.nip
        age = TODAY.year - e.birth_date.year - ((TODAY.month, TODAY.day) < (e.birth_date.month, e.birth_date.day))
        assert 20 <= age <= (59 if not e.is_active else 58), e.nip
        assert reference.golongan_fits_status(e.golongan, e.status), e.nip
        data = {
            f: getattr(e, f) for f in ("nip", "birth_date", "sex", "status", "golongan", "is_active", "inactive_reason")
        }
        data |= {"position": e.position, "org_unit": e.org_unit}
        assert employee_errors(data, today=TODAY) == {}, e.nip


def test_mix_is_roughly_that_of_a_real_regency():
    plan = build_plan(seed=2026, employees=2000, today=TODAY)
    people = plan.people
    statuses = Counter(p.status for p in people)
    pns = [p for p in people if p.status != "pppk" and p.is_active]
    assert 0.45 <= (statuses["pns"] + statuses["cpns"]) / len(people) <= 0.56
    assert 10 <= statuses["cpns"] <= 25  # ~0.86%
    assert 0.50 <= sum(p.sex == "P" for p in pns) / len(pns) <= 0.60  # REGENCY.md: 55%
    golongan = Counter(p.golongan.split("/")[0] for p in pns)
    assert golongan["III"] > golongan["IV"] > golongan["II"] > golongan["I"]
    pppk = Counter(p.golongan for p in people if p.status == "pppk")
    assert pppk.most_common(1)[0][0] == "IX"
    assert 0.35 <= sum(p.category in ("guru", "kepsek") for p in people) / len(people) <= 0.55
    assert 0 < sum(not p.is_active for p in people) <= 0.01 * len(people)
    assert all(p.inactive_reason == "retired" for p in people if not p.is_active)


def test_histories_use_siasn_kinds_and_plausible_distributions():
    plan = build_plan(seed=2026, employees=2000, today=TODAY)
    trainings = [t for p in plan.people for t in p.trainings]
    assert {t.kind for t in trainings} <= set(reference.TRAINING_KINDS)
    assert all(t.start <= t.end <= TODAY and t.hours > 0 for t in trainings)
    recent = [t for t in trainings if not t.leadership]
    assert all(t.start >= dt.date(TODAY.year - 3, TODAY.month, 1) for t in recent)
    leaders = [p for p in plan.people if p.ptype in STRUCTURAL]
    with_level = [p for p in leaders if any(t.leadership for t in p.trainings)]
    assert len(with_level) >= 0.7 * len(leaders)
    expected = {"jpt_pratama": "pkn_ii", "administrator": "pka", "pengawas": "pkp"}
    assert all(any(t.leadership == expected[p.ptype] for t in p.trainings) for p in with_level)
    sanctioned = [p for p in plan.people if p.sanctions]
    assert 0.005 * len(plan.people) <= len(sanctioned) <= 0.015 * len(plan.people)
    assert {s.level for p in sanctioned for s in p.sanctions} <= {"ringan", "sedang", "berat"}
    predikat = Counter(pr for p in plan.people for _, pr in p.performance)
    assert predikat.most_common(1)[0][0] == "baik"
    assert 0.6 <= predikat["baik"] / sum(predikat.values()) <= 0.9
    years = {year for p in plan.people for year, _ in p.performance}
    assert years == {TODAY.year - 2, TODAY.year - 1}


def test_every_unit_has_a_head_and_every_structural_post_one_holder(demo_output):
    from pamong.people.models import Employee, OrgUnit, Position

    assert not OrgUnit.objects.filter(head_position__isnull=True).exists()
    root = OrgUnit.objects.get(parent__isnull=True)
    assert root.name.startswith("Pemerintah Kabupaten ") and root.opd_id is None
    assert OrgUnit.objects.opds().count() == 45
    for unit in OrgUnit.objects.filter(parent=root):
        assert unit.opd_id == unit.pk
    for unit in OrgUnit.objects.exclude(parent=root).exclude(pk=root.pk).select_related("parent"):
        assert unit.opd_id == unit.parent.opd_id, unit.code
    holders = Counter(Employee.objects.active().values_list("position_id", flat=True))
    structural = Position.objects.structural()
    assert structural.count() >= 70
    assert all(holders[p.pk] == 1 for p in structural)
    assert Employee.objects.filter(position__position_type__in=STRUCTURAL).exclude(status="pns").count() == 0


def test_transformation_batch_is_35_administrators_from_35_opd(demo_output):
    from pamong.core.models import AuditEntry

    batch = transformation_batch()
    assert len(batch) == 35
    assert {e.position.position_type for e in batch} == {"administrator"}
    assert len({e.org_unit.opd_id for e in batch}) == 35
    entry = AuditEntry.objects.get(action="people.demo.generated")
    assert entry.changes["transformation_batch"] == [e.nip for e in batch]
    assert entry.changes["employees"] == SMALL
    assert batch[0].user.username == "peserta"
    assert "35 administrator" in demo_output


def test_batch_rule_spreads_over_opd_before_taking_a_second_from_one():
    candidates = [(f"{n:018d}", n % 3) for n in range(10)]
    chosen = choose_transformation_batch(candidates, size=4)
    opd = dict(candidates)
    assert len(chosen) == 4 and len({opd[n] for n in chosen[:3]}) == 3
    assert chosen == choose_transformation_batch(list(reversed(candidates)), size=4)


def test_if_empty_does_nothing_the_second_time(demo_output):
    from pamong.core.models import AuditEntry
    from pamong.people.models import Employee, OrgUnit

    units, employees = OrgUnit.objects.count(), Employee.objects.count()
    output = run_demo("--if-empty", "--seed", "99")
    assert "Data sudah ada" in output
    assert "peserta" in output and PASSWORD in output
    assert (OrgUnit.objects.count(), Employee.objects.count()) == (units, employees)
    assert AuditEntry.objects.filter(action="people.demo.generated").count() == 1
    with pytest.raises(CommandError):
        run_demo()


def test_demo_users_hold_their_roles_and_are_linked_to_employees(demo_output):
    from pamong.accounts.models import RoleAssignment, User

    expected = {
        "admin": ("bkd_admin", None),
        "operator.dinkes": ("operator", "Dinas Kesehatan"),
        "operator.bkd": ("operator", "Badan Kepegawaian Daerah"),
        "sekda": ("leader", None),
        "kadis.pendidikan": ("leader", "Dinas Pendidikan"),
        "fasilitator": ("facilitator", "Badan Kepegawaian Daerah"),
    }
    for username, (role, unit) in expected.items():
        ra = RoleAssignment.objects.current().select_related("org_unit").get(user__username=username)
        assert ra.role == role and (ra.org_unit.name if ra.org_unit else None) == unit, username
        assert ra.include_subtree
    users = {u.username: u for u in User.objects.select_related("employee__position", "employee__org_unit")}
    assert set(users) == {*expected, "pegawai", "peserta"}
    assert all(u.check_password(PASSWORD) and u.employee for u in users.values())
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not users["pegawai"].is_staff and not RoleAssignment.objects.filter(user=users["pegawai"]).exists()
    assert users["sekda"].employee.position.name == "Sekretaris Daerah"
    assert users["kadis.pendidikan"].employee.position.name == "Kepala Dinas Pendidikan"
    assert users["pegawai"].employee.position.name.startswith("Guru ")
    assert users["peserta"].employee.position.position_type == "administrator"


def test_command_prints_the_log_ins_and_the_totp_hint(demo_output):
    for username in (
        "admin",
        "operator.dinkes",
        "operator.bkd",
        "sekda",
        "kadis.pendidikan",
        "fasilitator",
        "pegawai",
        "peserta",
    ):
        assert f"| {username} " in demo_output
    assert demo_output.count(PASSWORD) == 8
    assert "TOTP" in demo_output


def test_too_few_employees_are_refused(db):
    with pytest.raises(CommandError):
        call_command("demo", "--employees", "50", stdout=StringIO())
