"""The whole demo regency as plain data: build it in memory, then write it.

Deterministic: the same ``seed``, number of employees and ``today`` give the
same units, posts, people, NIPs and histories (one ``random.Random(seed)``
drives everything, in a fixed order).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .batch import choose_transformation_batch
from .histories import HistoryPlanner
from .org import Org, build_org
from .staff import Person, StaffPlanner


@dataclass(frozen=True)
class Login:
    username: str
    role: str  # a pamong.accounts.models.Role value, or "" for a plain employee
    scope: str  # "" for the whole regency, else an OPD key
    employee: int  # index into Plan.people
    superuser: bool = False


@dataclass
class Plan:
    seed: int
    today: dt.date
    org: Org
    people: list[Person]
    batch: list[str]  # NIPs of the transformation batch, in batch order
    logins: list[Login]

    def person_by_tag(self, tag: str) -> Person:
        return next(p for p in self.people if p.tag == tag)


def build_plan(*, seed: int, employees: int, today: dt.date) -> Plan:
    """1. The organisation. 2. Jobs and people. 3. Histories. 4. The
    transformation batch (:mod:`.batch`). 5. The demo log-ins and who they are."""
    rng = random.Random(seed)
    org = build_org(employees)
    staff = StaffPlanner(org, rng, employees, today)
    people = staff.people(staff.plan_jobs())
    HistoryPlanner(rng, today).add_all(people)
    admins = [(p.nip, org.units[p.unit].opd) for p in people if p.is_active and p.ptype == "administrator"]
    batch = choose_transformation_batch(admins)

    by_nip = {p.nip: p for p in people}
    setda_head = org.units[org.opd_by_key["setda"]].head
    dindik_head = org.units[org.opd_by_key["dindik"]].head
    sekda = next(p for p in people if p.position == setda_head)
    kadis = next(p for p in people if p.position == dindik_head)
    teacher = next(p for p in people if p.category == "guru" and p.status == "pns" and org.units[p.unit].tag == "sd")
    for person, tag in (
        (sekda, "sekda"),
        (kadis, "kadis.pendidikan"),
        (teacher, "pegawai"),
        (by_nip[batch[0]], "peserta"),
    ):
        person.tag = tag
    logins = [
        Login("admin", "bkd_admin", "", plan_index(people, "admin"), superuser=True),
        Login("operator.dinkes", "operator", "dinkes", plan_index(people, "operator.dinkes")),
        Login("operator.bkd", "operator", "bkd", plan_index(people, "operator.bkd")),
        Login("sekda", "leader", "", sekda.index),
        Login("kadis.pendidikan", "leader", "dindik", kadis.index),
        Login("fasilitator", "facilitator", "bkd", plan_index(people, "fasilitator")),
        Login("pegawai", "", "", teacher.index),
        Login("peserta", "", "", by_nip[batch[0]].index),
    ]
    return Plan(seed, today, org, people, batch, logins)


def plan_index(people: list[Person], tag: str) -> int:
    return next(p.index for p in people if p.tag == tag)
