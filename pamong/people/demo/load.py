"""Writing a :class:`~pamong.people.demo.plan.Plan` to the database.

One transaction; ``bulk_create`` in large batches with the ids the database
returns (SQLite ≥ 3.35 and PostgreSQL both return them), no per-row query,
no per-row service: the demo is a bulk load, so it writes one audit entry for
the whole batch. ``simple_history`` does not record bulk inserts, which is
fine for demo data.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from django.db import transaction

from pamong.accounts.models import RoleAssignment, User
from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import (
    EducationRecord,
    Employee,
    OrgUnit,
    PerformanceRecord,
    Position,
    SanctionRecord,
    TrainingRecord,
)

from .plan import Plan

BATCH = 2000


class DemoDataExists(RuntimeError):
    """The database already holds an organisation (or a demo user name)."""


def _depth(plan: Plan, index: int) -> int:
    depth, unit = 0, plan.org.units[index]
    while unit.parent is not None:
        depth, unit = depth + 1, plan.org.units[unit.parent]
    return depth


@transaction.atomic
def write_plan(plan: Plan, *, password: str) -> dict[str, Any]:
    """1. Units, level by level (parents first), then each OPD's ``opd`` and every
    unit's head post. 2. Positions. 3. The demo users. 4. Employees. 5. Their
    histories. 6. Role assignments. 7. One audit entry. Returns the counts."""
    if OrgUnit.objects.exists():
        raise DemoDataExists("the database already holds org units")
    usernames = [login.username for login in plan.logins]
    taken = list(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    if taken:
        raise DemoDataExists(f"these user names already exist: {', '.join(sorted(taken))}")

    units = plan.org.units
    unit_pk: dict[int, int] = {}
    by_depth: dict[int, list[int]] = {}
    for u in units:
        by_depth.setdefault(_depth(plan, u.index), []).append(u.index)
    for depth in sorted(by_depth):
        indices = by_depth[depth]
        objs = [
            OrgUnit(
                code=units[i].code,
                name=units[i].name,
                kind=units[i].kind,
                parent_id=unit_pk.get(units[i].parent) if units[i].parent is not None else None,  # type: ignore[arg-type]
                opd_id=unit_pk.get(units[i].opd) if units[i].opd not in (None, i) else None,  # type: ignore[arg-type]
            )
            for i in indices
        ]
        for i, obj in zip(indices, OrgUnit.objects.bulk_create(objs, batch_size=BATCH), strict=True):
            unit_pk[i] = obj.pk

    positions = Position.objects.bulk_create(
        [
            Position(
                name=p.name,
                position_type=p.position_type,
                functional_level=p.functional_level,
                org_unit_id=unit_pk[p.unit],
            )
            for p in plan.org.positions
        ],
        batch_size=BATCH,
    )
    position_pk = [p.pk for p in positions]
    updates = []
    for u in units:
        obj = OrgUnit(pk=unit_pk[u.index])
        obj.opd_id = unit_pk[u.opd] if u.opd is not None else None
        obj.head_position_id = position_pk[u.head] if u.head is not None else None
        updates.append(obj)
    OrgUnit.objects.bulk_update(updates, ["opd", "head_position"], batch_size=500)

    users: dict[str, User] = {}
    for login in plan.logins:
        person = plan.people[login.employee]
        first, _, last = person.name.partition(" ")
        user = User(
            username=login.username,
            first_name=first,
            last_name=last or "",
            email=person.email_gov,
            is_staff=login.superuser,
            is_superuser=login.superuser,
        )
        user.set_password(password)
        user.save()
        users[login.username] = user
    user_of_person = {login.employee: users[login.username].pk for login in plan.logins}

    employees = Employee.objects.bulk_create(
        [
            Employee(
                nip=p.nip,
                name=p.name,
                front_title=p.front_title,
                back_title=p.back_title,
                sex=p.sex,
                birth_date=p.birth_date,
                birth_place=p.birth_place,
                status=p.status,
                golongan=p.golongan,
                tmt_golongan=p.tmt_golongan,
                tmt_start=p.tmt_start,
                org_unit_id=unit_pk[p.unit],
                position_id=position_pk[p.position] if p.position is not None else None,
                tmt_position=p.tmt_position,
                email_gov=p.email_gov,
                is_active=p.is_active,
                inactive_reason=p.inactive_reason,
                inactive_since=p.inactive_since,
                user_id=user_of_person.get(p.index),
            )
            for p in plan.people
        ],
        batch_size=BATCH,
    )
    employee_pk = [e.pk for e in employees]

    education = [
        EducationRecord(
            employee_id=employee_pk[p.index],
            level=e.level,
            institution=e.institution,
            major=e.major,
            graduation_year=e.year,
        )
        for p in plan.people
        for e in p.education
    ]
    trainings = [
        TrainingRecord(
            employee_id=employee_pk[p.index],
            kind=t.kind,
            name=t.name,
            organizer=t.organizer,
            start_date=t.start,
            end_date=t.end,
            hours_jp=Decimal(t.hours),
            certificate_number=t.certificate,
            leadership_level=t.leadership,
        )
        for p in plan.people
        for t in p.trainings
    ]
    sanctions = [
        SanctionRecord(
            employee_id=employee_pk[p.index],
            level=s.level,
            kind=s.kind,
            decree_number=s.decree,
            start_date=s.start,
            end_date=s.end,
        )
        for p in plan.people
        for s in p.sanctions
    ]
    performance = [
        PerformanceRecord(employee_id=employee_pk[p.index], year=year, predikat=predikat)
        for p in plan.people
        for year, predikat in p.performance
    ]
    EducationRecord.objects.bulk_create(education, batch_size=BATCH)
    TrainingRecord.objects.bulk_create(trainings, batch_size=BATCH)
    SanctionRecord.objects.bulk_create(sanctions, batch_size=BATCH)
    PerformanceRecord.objects.bulk_create(performance, batch_size=BATCH)

    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(
                user=users[login.username],
                role=login.role,
                org_unit_id=unit_pk[plan.org.opd_by_key[login.scope]] if login.scope else None,
                include_subtree=True,
            )
            for login in plan.logins
            if login.role
        ]
    )

    statuses = Counter(p.status for p in plan.people)
    counts: dict[str, Any] = {
        "seed": plan.seed,
        "today": plan.today.isoformat(),
        "org_units": len(units),
        "opd": len(plan.org.opd_by_key),
        "positions": len(positions),
        "structural_positions": sum(
            p.position_type in ("jpt_pratama", "administrator", "pengawas") for p in plan.org.positions
        ),
        "employees": len(employees),
        "pns": statuses["pns"],
        "cpns": statuses["cpns"],
        "pppk": statuses["pppk"],
        "inactive": sum(not p.is_active for p in plan.people),
        "education_records": len(education),
        "training_records": len(trainings),
        "sanction_records": len(sanctions),
        "performance_records": len(performance),
        "users": len(users),
        "transformation_batch": list(plan.batch),
    }
    audit_record(
        actor=None,
        action="people.demo.generated",
        source=Source.CLI,
        object_type="people.demo",
        object_repr=f"Demo {plan.org.units[0].name}",
        changes=counts,
    )
    return counts
