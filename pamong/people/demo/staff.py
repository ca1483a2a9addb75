"""The demo regency's employees, planned in memory (no database).

1. Quotas (REGENCY.md): 50.6% PNS (0.86% of all staff are CPNS), the rest
   PPPK; 0.5% are PNS who retired (at 58) in the last eleven months. Every structural post and every
   head post of a school, puskesmas or education coordinator gets one PNS
   holder; four more PNS are kept for the demo log-ins (BKD and Dinas
   Kesehatan). The rest of the PNS are 27% pelaksana, 45% teachers, 19%
   health workers, 9% other functional; PPPK are 55% teachers, 20% health
   workers, 21% pelaksana, 4% other functional.
2. Each job gets a unit: teachers a school, health workers the RSUD or a
   puskesmas, other functional an OPD by the weights in
   :mod:`~pamong.people.demo.structure`, pelaksana any office.
3. Each job gets a person: sex, age, education, TMT, golongan (by education
   and years of service, within the post's range), the post (functional level
   follows the golongan), name with academic titles, NIP, e-mail.

Golongan of a PNS: the entry rank of the education (SLTA II/a, D-III II/c,
S-1/D-IV III/a, doctor III/b) plus one step per 5 years of service, capped
by the track (pelaksana by education, from II/b for SD to III/d for S-1
and IV/a for S-2; keterampilan III/d; teachers IV/a, one in twelve IV/b;
other keahlian IV/c) and kept inside the range of a structural or head post.
PPPK golongan follow the education (SLTA V, D-III VII, S-1 IX, S-2 X; a few
experienced functional staff XI).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from pamong.people import reference
from pamong.people.nip import build_nip

from . import jobs, names
from . import structure as s
from .org import Org

K = TypeVar("K")

PNS_SHARE = 0.506  # 5 240 of 10 350
CPNS_SHARE = 0.0086  # 89 of 10 350
RETIRED_SHARE = 0.005
PNS_POOL = (("pelaksana", 27), ("guru", 45), ("health", 19), ("func", 9))
PPPK_POOL = (("guru", 55), ("health", 20), ("pelaksana", 21), ("func", 4))
RESERVED = ("admin", "operator.bkd", "fasilitator", "operator.dinkes")

PNS_GOLONGAN = list(reference.PNS_GOLONGAN)
G = {g: i for i, g in enumerate(PNS_GOLONGAN)}
ENTRY = {"SD": G["I/a"], "SLTP": G["I/c"], "SLTA": G["II/a"], "D3": G["II/c"], "D4": G["III/a"], "S1": G["III/a"]}
PELAKSANA_CAP = {
    "SD": G["II/b"],
    "SLTP": G["II/d"],
    "SLTA": G["III/b"],
    "D3": G["III/c"],
    "D4": G["III/d"],
    "S1": G["III/d"],
    "S2": G["IV/a"],
}
YEARS_PER_STEP = 5
STRUCTURAL_RANGE = {
    "jpt_pratama": ((G["IV/b"], 25), (G["IV/c"], 55), (G["IV/d"], 20)),
    "administrator": ((G["III/d"], 20), (G["IV/a"], 55), (G["IV/b"], 25)),
    "pengawas": ((G["III/b"], 20), (G["III/c"], 40), (G["III/d"], 40)),
}
HEAD_RANGE = {"kepsek": (G["III/c"], G["IV/a"]), "korwil": (G["IV/a"], G["IV/c"]), "kapus": (G["III/c"], G["III/d"])}
PPPK_BY_EDUCATION = {"SD": "I", "SLTP": "III", "SLTA": "V", "D3": "VII", "D4": "IX", "S1": "IX", "S2": "X", "S3": "XI"}
PPPK_LEVEL = {
    "V": "pemula",
    "VII": "terampil",
    "VIII": "mahir",
    "IX": "ahli_pertama",
    "X": "ahli_pertama",
    "XI": "ahli_muda",
    "XIII": "ahli_madya",
}
LEVEL_LABEL = {
    "ahli_pertama": "Ahli Pertama",
    "ahli_muda": "Ahli Muda",
    "ahli_madya": "Ahli Madya",
    "ahli_utama": "Ahli Utama",
    "pemula": "Pemula",
    "terampil": "Terampil",
    "mahir": "Mahir",
    "penyelia": "Penyelia",
}
LOW_EDUCATION = {"SD", "SLTP", "SLTA", "D1", "D2", "D3"}
MIN_AGE = {"SD": 20, "SLTP": 20, "SLTA": 20, "D3": 22, "D4": 23, "S1": 23, "S2": 27, "S3": 35}
# Age at appointment as CPNS by the education held then.
ENTRY_AGE = {"SD": (19, 40), "SLTP": (19, 40), "SLTA": (19, 35), "D3": (21, 35), "D4": (22, 35), "S1": (23, 35)}

# Ages (completed years) by profile: (from, to, weight per year of age).
AGE_PROFILES = {
    "pns": ((24, 30, 5), (31, 35, 7), (36, 40, 10), (41, 45, 13), (46, 50, 15), (51, 55, 17), (56, 57, 15)),
    "pns_guru": ((24, 30, 4), (31, 35, 6), (36, 40, 9), (41, 45, 12), (46, 50, 15), (51, 55, 17), (56, 58, 16)),
    "pns_health": ((24, 30, 9), (31, 35, 12), (36, 40, 13), (41, 45, 12), (46, 50, 11), (51, 55, 9), (56, 58, 6)),
    "cpns": ((21, 25, 10), (26, 30, 12), (31, 35, 6)),
    "pppk_guru": ((25, 30, 6), (31, 35, 10), (36, 40, 12), (41, 45, 12), (46, 50, 9), (51, 56, 5)),
    "pppk_health": ((23, 27, 10), (28, 32, 14), (33, 37, 12), (38, 45, 7), (46, 56, 2)),
    "pppk_other": ((20, 25, 6), (26, 30, 9), (31, 40, 10), (41, 50, 8), (51, 56, 4)),
    "jpt_pratama": ((46, 50, 6), (51, 55, 12), (56, 57, 8)),
    "administrator": ((40, 45, 8), (46, 50, 12), (51, 55, 14), (56, 57, 8)),
    "pengawas": ((32, 40, 6), (41, 45, 9), (46, 50, 12), (51, 55, 12), (56, 57, 7)),
    "kepsek": ((42, 48, 6), (49, 54, 12), (55, 58, 10)),
    "kapus": ((35, 42, 8), (43, 50, 10), (51, 56, 6)),
    "korwil": ((48, 53, 8), (54, 58, 12)),
}
FEMALE_SHARE = {
    "jpt_pratama": 0.20,
    "administrator": 0.30,
    "pengawas": 0.40,
    "kepsek": 0.55,
    "korwil": 0.35,
    "kapus": 0.55,
    "pelaksana": 0.38,
    "retired": 0.45,
}
CPNS_MONTHS = 11  # CPNS are those appointed in the last 11 months (probation is a year)
PNS_MONTH_WEIGHTS = {1: 2, 2: 1, 3: 4, 4: 2, 6: 1, 7: 1, 10: 1, 12: 2}
PPPK_MONTH_WEIGHTS = {1: 1, 3: 3, 4: 3, 7: 1, 10: 1}
# PPPK appointment years relative to the generation year, by kind of work.
PPPK_YEARS = {
    "guru": {-4: 30, -3: 30, -2: 25, -1: 15},
    "health": {-4: 15, -3: 25, -2: 30, -1: 30},
    "other": {-3: 10, -2: 25, -1: 50, 0: 15},
}


def recruitment_weight(year: int) -> float:
    """How many CPNS a year brought (moratorium 2015–2018, big intakes 2019, 2021, 2024)."""
    if year < 1984:
        return 0.0
    if year < 2000:
        return 1.0
    if year < 2005:
        return 1.2
    if year < 2015:
        return 1.6  # regular intake plus the conversion of honorary staff (K1/K2)
    return {2015: 0.0, 2016: 0.0, 2017: 0.0, 2018: 0.05, 2019: 1.5, 2020: 0.2, 2021: 1.2, 2022: 0.8, 2023: 0.1}.get(
        year, 1.0
    )


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


@dataclass(slots=True)
class Job:
    category: str  # struct, kepsek, kapus, korwil, guru, health, func, pelaksana, retired
    unit: int
    status: str = "pns"
    position: int | None = None  # fixed post (structural and head posts)
    ptype: str = ""
    family: str = ""
    tag: str = ""  # a demo log-in linked to this person


@dataclass(slots=True)
class Education:
    level: str
    institution: str
    major: str
    year: int


@dataclass(slots=True)
class Training:
    kind: str
    name: str
    organizer: str
    start: dt.date
    end: dt.date
    hours: int
    certificate: str = ""
    leadership: str = ""


@dataclass(slots=True)
class Sanction:
    level: str
    kind: str
    decree: str
    start: dt.date
    end: dt.date | None


@dataclass(slots=True)
class Person:
    index: int
    nip: str
    name: str
    front_title: str
    back_title: str
    sex: str
    birth_date: dt.date
    birth_place: str
    status: str
    golongan: str
    tmt_golongan: dt.date
    tmt_start: dt.date
    unit: int
    position: int | None
    tmt_position: dt.date | None
    email_gov: str
    category: str
    family: str
    ptype: str = ""
    tag: str = ""
    is_active: bool = True
    inactive_reason: str = ""
    inactive_since: dt.date | None = None
    education: list[Education] = field(default_factory=list)
    trainings: list[Training] = field(default_factory=list)
    sanctions: list[Sanction] = field(default_factory=list)
    performance: list[tuple[int, str]] = field(default_factory=list)


class DemoTooSmall(ValueError):
    """Too few employees to staff the regency's skeleton."""


def split(total: int, shares: tuple[tuple[str, int], ...]) -> dict[str, int]:
    """``total`` split by integer weights, largest remainder first (sums exactly)."""
    weight = sum(w for _, w in shares)
    exact = {k: total * w / weight for k, w in shares}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: total - sum(counts.values())]:
        counts[k] += 1
    return counts


def pick(rng: random.Random, weighted: Mapping[K, float] | Iterable[tuple[K, float]]) -> K:
    """One key, drawn by its weight."""
    items = list(weighted.items()) if isinstance(weighted, Mapping) else list(weighted)
    return rng.choices([k for k, _ in items], [w for _, w in items])[0]


class StaffPlanner:
    """Plans the jobs and the people for an organisation (steps 1–3 of the module)."""

    def __init__(self, org: Org, rng: random.Random, employees: int, today: dt.date) -> None:
        self.org, self.rng, self.n, self.today = org, rng, employees, today
        self.serials: dict[str, int] = {}
        self.emails: set[str] = set()
        self.age_tables = {
            k: ([a for lo, hi, _ in v for a in range(lo, hi + 1)], [w for lo, hi, w in v for _ in range(lo, hi + 1)])
            for k, v in AGE_PROFILES.items()
        }
        units = org.units
        self.office_units: dict[int, list[int]] = {}
        for u in units:
            if u.tag in ("opd", "sub", "upt", "kelurahan"):
                self.office_units.setdefault(u.opd, []).append(u.index)  # type: ignore[arg-type]
        self.schools = org.of_tag("sd", "smp")
        self.puskesmas = org.of_tag("puskesmas")
        self.rsud = org.opd_by_key["rsud"]

    # 1–2. Jobs ---------------------------------------------------------------
    def plan_jobs(self) -> list[Job]:
        org, rng, n = self.org, self.rng, self.n
        retired = max(1, round(RETIRED_SHARE * n))
        pns = round(PNS_SHARE * n)
        cpns = max(1, round(CPNS_SHARE * n))
        fixed: list[Job] = []
        for p in org.positions:
            if p.position_type in STRUCTURAL_RANGE:
                fixed.append(Job("struct", p.unit, position=p.index, ptype=p.position_type))
        for u in org.units:
            if u.tag in ("sd", "smp", "puskesmas", "korwil"):
                category = {"sd": "kepsek", "smp": "kepsek", "puskesmas": "kapus", "korwil": "korwil"}[u.tag]
                fixed.append(Job(category, u.index, position=u.head))
        bkd, dinkes = org.opd_by_key["bkd"], org.opd_by_key["dinkes"]
        fixed += [
            Job("func", self._unit_named(bkd, "Pengadaan"), family="analis_sdma", tag="admin"),
            Job("pelaksana", self._unit_named(bkd, "Pengadaan"), tag="operator.bkd"),
            Job("func", self._unit_named(bkd, "Pengembangan Kompetensi"), family="analis_sdma", tag="fasilitator"),
            Job("pelaksana", self._unit_named(dinkes, "Sekretariat"), tag="operator.dinkes"),
        ]
        pool = pns - retired - len(fixed)
        if pool < cpns + 10:
            raise DemoTooSmall(f"{n} employees cannot staff the {len(fixed)} fixed posts; use at least 200")
        pool_jobs = self._pool(split(pool, PNS_POOL), "pns") + self._pool(split(n - pns, PPPK_POOL), "pppk")
        pns_pool = [j for j in pool_jobs if j.status == "pns"]
        for job in rng.sample(pns_pool, cpns):
            job.status = "cpns"
        offices = [u for units in self.office_units.values() for u in units]
        retirees = [Job("retired", rng.choice(offices)) for _ in range(retired)]
        return fixed + pool_jobs + retirees

    def _unit_named(self, opd: int, part: str) -> int:
        for index in self.office_units[opd]:
            if part in self.org.units[index].name:
                return index
        return opd

    def _pool(self, counts: dict[str, int], status: str) -> list[Job]:
        rng, org = self.rng, self.org
        out: list[Job] = []
        weights = [2.6 if org.units[u].tag == "smp" else 1.0 for u in self.schools]
        for unit in rng.choices(self.schools, weights, k=counts["guru"]):
            family = "guru_smp" if org.units[unit].tag == "smp" else "guru_sd"
            out.append(Job("guru", unit, status, family=family))
        at_rsud = round(counts["health"] * jobs.RSUD_SHARE)
        for i in range(counts["health"]):
            if i < at_rsud:
                out.append(Job("health", self.rsud, status, family=pick(rng, jobs.HEALTH_RSUD)))
            else:
                out.append(Job("health", rng.choice(self.puskesmas), status, family=pick(rng, jobs.HEALTH_PUSKESMAS)))
        opd_weights = [
            (org.opd_by_key[t.key], t.functional) for t in s.ALL_OPDS if t.functional and t.key in org.opd_by_key
        ]
        for _ in range(counts["func"]):
            opd, families = rng.choices(opd_weights, [sum(w for _, w in f) for _, f in opd_weights])[0]
            out.append(Job("func", rng.choice(self.office_units[opd]), status, family=pick(rng, families)))
        tag_weight = {"opd": 3, "sub": 2, "upt": 3, "kelurahan": 3, "puskesmas": 3, "sd": 0.25, "smp": 1, "korwil": 1}
        units = [u.index for u in org.units if u.tag in tag_weight]
        unit_weights = [40 if u == self.rsud else tag_weight[org.units[u].tag] for u in units]
        out += [Job("pelaksana", u, status) for u in rng.choices(units, unit_weights, k=counts["pelaksana"])]
        return out

    # 3. People ---------------------------------------------------------------
    def people(self, job_list: list[Job]) -> list[Person]:
        return [self.person(i, job) for i, job in enumerate(job_list)]

    def person(self, index: int, job: Job) -> Person:
        rng = self.rng
        family = jobs.FAMILIES.get(job.family)
        female = FEMALE_SHARE.get(job.ptype or job.category, family.female if family else 0.45)
        sex = "P" if rng.random() < female else "L"
        field_key, level = self._education_choice(job, family, sex)
        status = "pns" if job.category in ("struct", "kepsek", "kapus", "korwil", "retired") else job.status
        profile = self._age_profile(job, status)
        entry_level = level if level not in ("S2", "S3") else ("D4" if field_key == "pemerintahan" else "S1")
        for _ in range(50):
            if job.category == "retired":
                birth = self._retiree_birth()
            else:
                ages, weights = self.age_tables[profile]
                age = max(rng.choices(ages, weights)[0], MIN_AGE[level] + (2 if status == "pns" else 0))
                birth = self._birth(age)
            tmt = self._tmt(birth, status, entry_level, job)
            if tmt is not None:
                break
        else:  # pragma: no cover - the profiles always leave room
            raise RuntimeError(f"no TMT for job {job}")
        inactive_since = None
        if job.category == "retired":
            inactive_since = add_months(add_years(birth, 58), 1)
        golongan, tmt_golongan = self._golongan(job, status, level, entry_level, birth, tmt, inactive_since)
        position, tmt_position = self._position(job, status, level, golongan, tmt, tmt_golongan)
        education = self._education(field_key, level, entry_level, birth, tmt)
        front, back = self._titles(field_key, education, sex)
        name = self._name(sex, birth.year)
        pppk = status == "pppk"
        prefix = build_nip(birth_date=birth, start=tmt, sex=sex, serial=0, pppk=pppk)[:15]
        serial = self.serials[prefix] = self.serials.get(prefix, 0) + 1
        nip = build_nip(birth_date=birth, start=tmt, sex=sex, serial=serial, pppk=pppk)
        place = rng.choice(s.KECAMATAN) if rng.random() < 0.65 else rng.choice(s.OTHER_TOWNS)
        return Person(
            index=index,
            nip=nip,
            name=name,
            front_title=front,
            back_title=back,
            sex=sex,
            birth_date=birth,
            birth_place=place,
            status=status,
            golongan=golongan,
            tmt_golongan=tmt_golongan,
            tmt_start=tmt,
            unit=job.unit,
            position=position,
            tmt_position=tmt_position,
            email_gov=self._email(name),
            category=job.category,
            family=job.family,
            ptype=job.ptype,
            tag=job.tag,
            is_active=inactive_since is None,
            inactive_reason="retired" if inactive_since else "",
            inactive_since=inactive_since,
            education=education,
        )

    def _education_choice(self, job: Job, family: jobs.Family | None, sex: str) -> tuple[str, str]:
        rng = self.rng
        category = job.category
        if family is not None:
            level = pick(rng, family.education)
            if job.status == "pppk" and level == "S2" and rng.random() < 0.7:
                level = "S1"
            return family.field, level
        if category == "struct":
            key = (
                "kecamatan" if self.org.units[job.unit].opd_key.startswith("kec-") else self.org.units[job.unit].opd_key
            )
            field_key = pick(rng, jobs.STRUCTURAL_FIELDS.get(key, jobs.DEFAULT_STRUCTURAL_FIELDS))
            level = pick(
                rng,
                {
                    "jpt_pratama": {"S1": 10, "S2": 78, "S3": 12},
                    "administrator": {"S1": 40, "S2": 60},
                    "pengawas": {"D3": 5, "S1": 70, "S2": 25},
                }[job.ptype],
            )
            return field_key, self._fit_level(field_key, level)
        if category == "kepsek":
            tag = self.org.units[job.unit].tag
            return ("guru_smp" if tag == "smp" else "guru_sd"), pick(rng, {"S1": 70, "S2": 30})
        if category == "korwil":
            return "guru_sd", pick(rng, {"S1": 40, "S2": 60})
        if category == "kapus":
            field_key = pick(rng, {"kedokteran": 50, "kesmas": 35, "keperawatan": 15})
            return field_key, pick(rng, {"S1": 60, "S2": 40}) if field_key != "keperawatan" else "S1"
        # pelaksana and retirees
        levels = {"SD": 1, "SLTP": 2, "SLTA": 42, "D3": 18, "S1": 35, "S2": 2}
        if job.status == "pppk":
            levels = {"SD": 1, "SLTP": 2, "SLTA": 50, "D3": 15, "S1": 32}
        level = pick(rng, levels)
        if sex == "P" and level in ("SD", "SLTP"):
            level = "SLTA"
        if level in ("SD", "SLTP", "SLTA"):
            return "umum", level
        field_key = pick(rng, jobs.PELAKSANA_FIELDS)
        return field_key, self._fit_level(field_key, level)

    @staticmethod
    def _fit_level(field_key: str, level: str) -> str:
        """The nearest level the field offers (IPDN graduates hold a D-IV, not an S-1)."""
        options = jobs.FIELDS[field_key]
        if field_key == "pemerintahan" and level == "S1":
            return "D4"
        for candidate in {"S3": ("S3", "S2"), "S2": ("S2", "S1"), "S1": ("S1", "D4"), "D3": ("D3", "S1")}.get(
            level, (level,)
        ):
            if candidate in options or candidate in ("SD", "SLTP", "SLTA"):
                return candidate
        return level

    def _age_profile(self, job: Job, status: str) -> str:
        if job.category == "struct":
            return job.ptype
        if job.category in ("kepsek", "kapus", "korwil"):
            return job.category
        if status == "cpns":
            return "cpns"
        kind = {"guru": "guru", "health": "health"}.get(job.category, "other")
        if status == "pppk":
            return f"pppk_{kind}"
        return {"guru": "pns_guru", "health": "pns_health"}.get(kind, "pns")

    def _birth(self, age: int) -> dt.date:
        latest = add_years(self.today, -age)
        earliest = add_years(self.today, -age - 1) + dt.timedelta(days=1)
        return earliest + dt.timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def _retiree_birth(self) -> dt.date:
        """58th birthday in the last eleven months: retired on the first of the next month."""
        latest = add_years(add_months(self.today, -1), -58)
        earliest = add_years(add_months(self.today, -11), -58)
        return earliest + dt.timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def _tmt(self, birth: dt.date, status: str, entry_level: str, job: Job) -> dt.date | None:
        """Start as CPNS/PPPK: after the 18th birthday, never in the future; a PNS
        at least 13 months ago (probation is one year), a CPNS in the last 11."""
        rng, today = self.rng, self.today
        adult = add_years(birth, 18)
        if status == "cpns":
            tmt = add_months(today, -rng.randint(0, CPNS_MONTHS - 1))
            return tmt if tmt >= adult else None
        if status == "pppk":
            kind = {"guru": "guru", "health": "health"}.get(job.category, "other")
            year = pick(rng, {today.year + k: w for k, w in PPPK_YEARS[kind].items()})
            months = {m: w for m, w in PPPK_MONTH_WEIGHTS.items() if dt.date(year, m, 1) <= today}
            if not months:
                year -= 1
                months = PPPK_MONTH_WEIGHTS
            tmt = dt.date(year, pick(rng, months), 1)
            return tmt if tmt >= adult else None
        lo_age, hi_age = ENTRY_AGE.get(entry_level, (23, 35))
        if job.family in ("dokter", "dokter_spesialis", "dokter_gigi", "apoteker", "medik_veteriner") or (
            job.category == "kapus"
        ):
            lo_age = 25
        if rng.random() < 0.3:
            hi_age = 46  # honorary staff appointed as CPNS late
        latest = add_months(today, -13)
        if job.category == "retired":
            latest = add_years(birth, 40)
        elif job.category in ("struct", "kepsek", "kapus", "korwil"):
            latest = min(latest, add_years(today, -8))  # heads have served some years
        years = [y for y in range(birth.year + lo_age, min(birth.year + hi_age, latest.year) + 1)]
        weights = [recruitment_weight(y) for y in years]
        if not years or sum(weights) == 0:
            return None
        year = rng.choices(years, weights)[0]
        month = pick(rng, PNS_MONTH_WEIGHTS)
        tmt = dt.date(year, month, 1)
        if tmt > latest:
            tmt = dt.date(latest.year, 1, 1)
        if tmt < adult:
            tmt = add_months(adult, 1)
        return tmt if tmt <= latest else None

    def _golongan(
        self, job: Job, status: str, level: str, entry_level: str, birth: dt.date, tmt: dt.date, until: dt.date | None
    ) -> tuple[str, dt.date]:
        rng, today = self.rng, self.today
        if status == "pppk":
            golongan = PPPK_BY_EDUCATION[level]
            if job.category in ("guru", "health", "func") and golongan == "IX" and rng.random() < 0.03:
                golongan = "XI"
            return golongan, tmt
        entry = ENTRY.get(entry_level, G["III/a"])
        if job.family in ("dokter", "dokter_spesialis", "dokter_gigi") or (
            job.category == "kapus" and entry_level == "S1"
        ):
            entry = G["III/b"]
        if status == "cpns":
            return PNS_GOLONGAN[entry], tmt
        end = until or today
        service = (end - tmt).days / 365.25
        steps = max(0, int(service / YEARS_PER_STEP) + rng.choice((-1, 0, 0, 0, 1)))
        g = entry + steps
        if job.category == "struct":
            levels, weights = zip(*STRUCTURAL_RANGE[job.ptype], strict=True)
            g = min(max(g, rng.choices(levels, weights)[0]), levels[-1])
        elif job.category in HEAD_RANGE:
            lo, hi = HEAD_RANGE[job.category]
            g = min(max(g, lo), hi)
        elif job.category in ("pelaksana", "retired"):
            g = min(g, PELAKSANA_CAP[level])
        else:
            family = jobs.FAMILIES[job.family]
            terampil = family.terampil and (level in LOW_EDUCATION or not family.ahli)
            # Few teachers pass IV/a: the step to IV/b needs published work.
            guru_cap = G["IV/b"] if rng.random() < 0.08 else G["IV/a"]
            cap = G["III/d"] if terampil else (guru_cap if job.category == "guru" else G["IV/c"])
            g = min(g, cap)
        g = max(g, entry)
        promoted = add_years(tmt, round((g - entry) * YEARS_PER_STEP))
        if promoted > end - dt.timedelta(days=30):
            promoted = end - dt.timedelta(days=rng.randint(30, 1500))
        promoted = dt.date(promoted.year, 4 if promoted.month < 10 else 10, 1)
        return PNS_GOLONGAN[g], max(promoted, tmt) if g > entry else tmt

    def _position(
        self, job: Job, status: str, level: str, golongan: str, tmt: dt.date, tmt_golongan: dt.date
    ) -> tuple[int | None, dt.date | None]:
        rng, org, today = self.rng, self.org, self.today
        if job.category == "retired":
            return None, None
        if job.position is not None:
            earliest = max(add_years(tmt, 4 if job.category == "struct" else 2), add_years(today, -7))
            earliest = max(tmt, min(earliest, add_months(today, -1)))
            months = max(1, (today.year - earliest.year) * 12 + today.month - earliest.month)
            return job.position, add_months(earliest, rng.randint(0, months - 1))
        if job.category == "pelaksana":
            tag = org.units[job.unit].tag
            table = (
                jobs.PELAKSANA_HEALTH
                if (tag == "puskesmas" or job.unit == self.rsud)
                else (jobs.PELAKSANA_SCHOOL if tag in ("sd", "smp") else jobs.PELAKSANA)
            )
            key = {"S2": "S1", "D4": "S1"}.get(level, level)
            options = table.get(key) or jobs.PELAKSANA[key]
            since = max(tmt, add_months(today, -rng.randint(6, 48)))
            return org.position(job.unit, rng.choice(options), "pelaksana"), since
        family = jobs.FAMILIES[job.family]
        terampil = family.terampil and (level in LOW_EDUCATION or not family.ahli)
        if status == "pppk":
            fl = PPPK_LEVEL.get(golongan, "terampil" if terampil else "ahli_pertama")
        else:
            g = G[golongan]
            if terampil:
                fl = (
                    "pemula"
                    if g <= G["II/a"]
                    else "terampil"
                    if g <= G["II/d"]
                    else "mahir"
                    if g <= G["III/b"]
                    else ("penyelia")
                )
            else:
                fl = "ahli_pertama" if g <= G["III/b"] else "ahli_muda" if g <= G["III/d"] else "ahli_madya"
        name = f"{family.name} {LEVEL_LABEL[fl]}"
        if job.family == "dokter_spesialis":
            name = f"Dokter Spesialis {LEVEL_LABEL[fl]}"
        return org.position(job.unit, name, "fungsional", fl), tmt_golongan

    def _education(self, field_key: str, level: str, entry_level: str, birth: dt.date, tmt: dt.date) -> list[Education]:
        """The school-leaving record and each degree up to the highest, graduation
        years by age, the entry degree no later than the TMT."""
        rng, today = self.rng, self.today
        towns = s.KECAMATAN
        if level in ("SD", "SLTP", "SLTA"):
            pool = {"SD": names.SD, "SLTP": names.SLTP, "SLTA": names.SLTA}[level]
            age = {"SD": 12, "SLTP": 15, "SLTA": 18}[level]
            return [Education(level, rng.choice(pool).format(town=rng.choice(towns)), "", birth.year + age)]
        records = [Education("SLTA", rng.choice(names.SLTA).format(town=rng.choice(towns)), "", birth.year + 18)]
        options = jobs.FIELDS[field_key]
        school_group = names.FIELD_SCHOOLS.get(field_key, "umum")
        first = entry_level if entry_level in options else next(iter(options))
        age = {"D3": 21, "D4": 22, "S1": rng.randint(22, 24)}.get(first, 23)
        if field_key in ("kedokteran", "spesialis", "kedokteran_gigi"):
            age = rng.randint(24, 25)
        year = min(birth.year + age, tmt.year, today.year)
        major, _, _ = rng.choice(options[first])
        institution = rng.choice(names.UNIVERSITIES[school_group])
        records.append(Education(first, institution, major, year))
        for higher in ("S2", "S3"):
            if level not in ("S2", "S3") or (higher == "S3" and level != "S3"):
                break
            start = max(year + 3, tmt.year + 2, birth.year + 26)
            end = today.year - (1 if higher == "S2" and level == "S3" else 0)
            year = rng.randint(start, end) if start <= end else min(start, today.year)
            opts = options.get(higher) or jobs.FIELDS["sosial"][higher]
            major, _, _ = rng.choice(opts)
            pool = names.UNIVERSITIES["kedokteran"] if field_key == "spesialis" else names.GRADUATE
            records.append(Education(higher, rng.choice(pool), major, year))
        return records

    def _titles(self, field_key: str, education: list[Education], sex: str) -> tuple[str, str]:
        """Front and back academic titles from the degrees, in Indonesian order:
        ``Dr. dr. Nama, M.Kes.``; ``Drs.``/``Dra.``/``Ir.`` for old graduates."""
        fronts: list[str] = []
        backs: list[str] = []
        options = jobs.FIELDS.get(field_key, {})
        for record in education:
            table = options.get(record.level) or jobs.FIELDS["sosial"].get(record.level, ())
            match = next((t for t in table if t[0] == record.major), None)
            if match is None:
                continue
            _, back, front = match
            if record.level in ("S1", "D4") and back and record.year < 1992 and field_key in jobs.DRS_FIELDS:
                fronts.append("Drs." if sex == "L" else "Dra.")
                continue
            if record.level == "S1" and back and record.year < 1996 and field_key in jobs.IR_FIELDS:
                fronts.append("Ir.")
                continue
            if front == "Dr.":
                fronts.insert(0, front)
            elif front:
                fronts.append(front)
            if back:
                backs.append(back)
        if fronts and fronts[0] == "Dr.":
            fronts = [f for f in fronts if f not in ("Drs.", "Dra.")]
        return " ".join(fronts), ", ".join(backs)

    def _name(self, sex: str, birth_year: int) -> str:
        rng = self.rng
        modern = rng.random() < min(0.95, max(0.05, (birth_year - 1962) / 30))
        prefixes: tuple[str, ...]
        if sex == "L":
            first = rng.choice(names.MALE_MODERN if modern else names.MALE_CLASSIC)
            lasts, prefixes = names.MALE_LAST, names.MALE_PREFIX
        else:
            first = rng.choice(names.FEMALE_MODERN if modern else names.FEMALE_CLASSIC)
            lasts, prefixes = names.FEMALE_LAST, ("Siti", "Nur")
        last = rng.choice(lasts)
        while last == first:
            last = rng.choice(lasts)
        roll = rng.random()
        single_ok = first not in ("Tri", "Dwi", "Catur", "Sri", "Siti", "Nur", "Muhammad", "Ahmad", "Mochamad")
        if not modern and single_ok and roll < 0.35:
            return first
        if modern and roll < 0.15 and first not in prefixes:
            return f"{rng.choice(prefixes)} {first} {last}"
        return f"{first} {last}"

    def _email(self, name: str) -> str:
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
        parts = ["".join(ch for ch in p if ch.isalnum()) for p in plain.split()]
        parts = [p for p in parts if p and p not in ("moh", "muhammad", "mochamad", "ahmad", "siti", "nur")] or parts
        local = ".".join(parts[:1] + parts[-1:]) if len(parts) > 1 else parts[0]
        candidate, number = local, 1
        while candidate in self.emails:
            number += 1
            candidate = f"{local}{number}"
        self.emails.add(candidate)
        return f"{candidate}@{s.EMAIL_DOMAIN}"
