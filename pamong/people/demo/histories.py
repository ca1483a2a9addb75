"""Training, sanction and performance histories for the planned employees.

- Training: 0–6 records per active employee in the last three years, kinds
  from SIASN's list (``reference.TRAINING_KINDS``) fitting the work (teachers,
  health workers, leaders, the rest); JP per record from a plausible range.
  About 85% of structural officials also hold the leadership training of their
  level (PKN II for JPT pratama, PKA for administrators, PKP for pengawas),
  dated around their appointment, so it may be older than three years; many
  also hold the level below from an earlier post.
- Sanctions (PP 94/2021): about 1% of active non-structural PNS and PPPK,
  60% ringan, 30% sedang, 10% berat, in the last three years.
- Performance (PermenPANRB 6/2022): the predikat of the last two completed
  years for everyone in service by the middle of that year; mostly Baik,
  about one in six Sangat Baik, a few Butuh Perbaikan or worse; a second year
  usually repeats the first; a sanction that year pulls it down.
"""

from __future__ import annotations

import datetime as dt
import random

from . import names
from .staff import Person, Sanction, Training, add_months, pick

KIND_GROUP = {
    "guru": "guru",
    "kepsek": "guru",
    "korwil": "guru",
    "health": "kesehatan",
    "kapus": "kesehatan",
    "struct": "pimpinan",
}
TRAINING_COUNT = {0: 5, 1: 11, 2: 19, 3: 22, 4: 19, 5: 14, 6: 10}
NON_CLASSICAL_SPREAD = {
    "e_learning",
    "pelatihan_jarak_jauh",
    "coaching",
    "mentoring",
    "komunitas_belajar",
    "belajar_mandiri",
}
LEADERSHIP_BY_TYPE = {"jpt_pratama": ("pkn_ii", "pka"), "administrator": ("pka", "pkp"), "pengawas": ("pkp", None)}
PREDIKAT = {"sangat_baik": 16, "baik": 78, "butuh_perbaikan": 4, "kurang": 1.2, "sangat_kurang": 0.8}
PREDIKAT_LEADER = {"sangat_baik": 30, "baik": 68, "butuh_perbaikan": 2}
PREDIKAT_SANCTIONED = {"baik": 55, "butuh_perbaikan": 30, "kurang": 10, "sangat_kurang": 5}
SANCTION_SHARE = 0.01


class HistoryPlanner:
    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng, self.today = rng, today
        self.certificates = 0

    def add_all(self, people: list[Person]) -> None:
        for person in people:
            if person.is_active:
                self.trainings(person)
        self.sanctions(people)
        for person in people:
            self.performance(person)

    def trainings(self, person: Person) -> None:
        rng, today = self.rng, self.today
        group = KIND_GROUP.get(person.category, "teknis")
        pools = {**names.TRAINING_COMMON}
        for kind, items in names.TRAINING_BY_GROUP[group].items():
            pools[kind] = pools.get(kind, ()) + items * 2  # the work's own courses are likelier
        kinds = list(pools)
        weights = [len(pools[k]) for k in kinds]
        window_start = max(person.tmt_start, dt.date(today.year - 3, today.month, 1))
        window = (today - window_start).days
        seen: set[str] = set()
        for _ in range(pick(rng, TRAINING_COUNT) if window > 14 else 0):
            kind = rng.choices(kinds, weights)[0]
            name, organizer, (low, high) = rng.choice(pools[kind])
            if name in seen:
                continue
            seen.add(name)
            hours = rng.randint(low, high)
            span = rng.randint(7, 60) if kind in NON_CLASSICAL_SPREAD else max(1, -(-hours // 8))
            start = window_start + dt.timedelta(days=rng.randint(0, max(0, window - span - 1)))
            end = min(start + dt.timedelta(days=span - 1), today)
            person.trainings.append(
                Training(
                    kind,
                    name,
                    names.ORGANIZERS[organizer],
                    start,
                    end,
                    hours,
                    self._certificate(kind, hours, organizer, start),
                )
            )
        if person.category == "struct" and rng.random() < 0.85:
            level, lower = LEADERSHIP_BY_TYPE[person.ptype]
            since = person.tmt_position or person.tmt_start
            self._leadership(person, level, since + dt.timedelta(days=rng.randint(-300, 300)))
            if lower and rng.random() < 0.6:
                self._leadership(person, lower, since - dt.timedelta(days=rng.randint(3 * 365, 8 * 365)))

    def _leadership(self, person: Person, level: str, start: dt.date) -> None:
        name_now, name_old, organizer, hours = names.LEADERSHIP[level]
        earliest = add_months(person.tmt_start, 24)
        start = min(max(start, earliest), self.today - dt.timedelta(days=150))
        start = max(start, person.tmt_start)
        end = start + dt.timedelta(days=120)
        name = name_now if start.year >= 2019 else name_old
        person.trainings.append(
            Training(
                "diklat_struktural",
                name,
                names.ORGANIZERS[organizer],
                start,
                end,
                hours,
                self._certificate("diklat_struktural", hours, organizer, start),
                level,
            )
        )

    def _certificate(self, kind: str, hours: int, organizer: str, start: dt.date) -> str:
        if kind in ("sosialisasi", "seminar", "belajar_mandiri", "coaching") or hours < 8:
            return ""
        self.certificates += 1
        issuer = {
            "bkd": "BKD",
            "bpsdm": "BPSDM",
            "lan": "LAN",
            "kemenkes": "KEMENKES",
            "bapelkes": "BAPELKES",
            "lkpp": "LKPP",
        }.get(organizer, "DIKLAT")
        return f"{self.certificates:05d}/{issuer}/{start.year}"

    def sanctions(self, people: list[Person]) -> None:
        rng, today = self.rng, self.today
        eligible = [
            p
            for p in people
            if p.is_active and p.category != "struct" and p.status != "cpns" and p.tmt_start <= add_months(today, -12)
        ]
        count = min(len(eligible), max(1, round(SANCTION_SHARE * len(people))))
        for person in rng.sample(eligible, count):
            level = pick(rng, {"ringan": 60, "sedang": 30, "berat": 10})
            kind, months = rng.choice(names.SANCTIONS[level])
            earliest = max(add_months(person.tmt_start, 12), dt.date(today.year - 3, today.month, 1))
            start = earliest + dt.timedelta(days=rng.randint(0, max(0, (today - earliest).days - 30)))
            end = add_months(start, months) - dt.timedelta(days=1) if months else None
            decree = f"800.1.6.4/{rng.randint(100, 999)}/BKD/{start.year}"
            person.sanctions.append(Sanction(level, kind, decree, start, end))

    def performance(self, person: Person) -> None:
        rng = self.rng
        previous = ""
        for year in (self.today.year - 2, self.today.year - 1):
            if person.tmt_start > dt.date(year, 6, 30):
                continue
            if person.inactive_since is not None and person.inactive_since < dt.date(year, 7, 1):
                continue
            if any(s.start.year == year for s in person.sanctions):
                predikat = pick(rng, PREDIKAT_SANCTIONED)
            elif previous and rng.random() < 0.7:
                predikat = previous
            else:
                predikat = pick(rng, PREDIKAT_LEADER if person.category == "struct" else PREDIKAT)
            person.performance.append((year, predikat))
            previous = predikat
