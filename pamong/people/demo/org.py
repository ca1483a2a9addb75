"""The demo regency's organisation tree and its head posts, planned in memory.

Head posts (``OrgUnit.head_position``), a [design] choice written here once:

- the regency (root): the Sekda's post. The Bupati is elected, not an ASN, and
  heads of OPD report to the Bupati through the Sekda, so
  ``Employee.direct_supervisor`` of an OPD head finds the Sekda;
- OPD: JPT pratama (Sekda, Sekretaris DPRD, Inspektur, kepala dinas/badan,
  direktur RSUD, Kasatpol PP), except the camat: administrator;
- sekretariat, bagian, bidang, inspektur pembantu, sekretaris kecamatan:
  administrator; subbagian, seksi, UPT and lurah: pengawas;
- puskesmas: "Kepala Puskesmas", a functional post (ahli muda) held as an
  additional duty by a doctor, public-health graduate or nurse (Permenkes
  43/2019);
- schools: "Kepala Sekolah", a functional post (ahli muda) held by a teacher
  with an additional duty (Permendikbudristek 40/2021);
- the education coordinators (one UPT per kecamatan grouping its SD and SMP):
  a school supervisor (Pengawas Sekolah Ahli Madya) as coordinator.

The Setda also has the three asisten and three staf ahli (JPT pratama posts
that head no unit). At 10 000 employees this gives about 300 structural posts,
the figure REGENCY.md reports.

Scaling: below 10 000 employees every OPD is still built, with its first
sub-unit (its secretariat: an administrator post); the other sub-units are
kept in template order, ``round(len × scale)`` of them at each level. Schools
and puskesmas scale with the number of employees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import structure as s

FULL_SIZE = 10_000  # employees of the full-size regency the templates describe
SD_PER_FULL, SMP_PER_FULL, PUSKESMAS_PER_FULL = 400, 50, 22
SCHOOLS_PER_KORWIL = 30


@dataclass(slots=True)
class PlanUnit:
    index: int
    code: str
    name: str
    kind: str
    parent: int | None
    opd: int | None
    tag: str  # root, opd, sub, upt, kelurahan, korwil, sd, smp, puskesmas
    opd_key: str
    head: int | None = None  # index of the head PlanPosition


@dataclass(slots=True)
class PlanPosition:
    index: int
    name: str
    position_type: str
    functional_level: str
    unit: int


@dataclass
class Org:
    units: list[PlanUnit] = field(default_factory=list)
    positions: list[PlanPosition] = field(default_factory=list)
    opd_by_key: dict[str, int] = field(default_factory=dict)
    position_keys: dict[tuple[int, str, str, str], int] = field(default_factory=dict)
    child_count: dict[int, int] = field(default_factory=dict)

    def unit(self, name: str, kind: str, parent: int | None, opd: int | None, tag: str, key: str) -> int:
        """A new unit; its code is the parent's code and the next two-digit number."""
        index = len(self.units)
        if parent is None:
            code = s.ROOT_CODE
        else:
            number = self.child_count[parent] = self.child_count.get(parent, 0) + 1
            code = f"{self.units[parent].code}.{number:02d}"
        self.units.append(PlanUnit(index, code, name, kind, parent, opd, tag, key))
        return index

    def position(self, unit: int, name: str, position_type: str, level: str = "") -> int:
        """The post of this name in this unit, created on first use."""
        key = (unit, name, position_type, level)
        index = self.position_keys.get(key)
        if index is None:
            index = len(self.positions)
            self.positions.append(PlanPosition(index, name, position_type, level, unit))
            self.position_keys[key] = index
        return index

    def set_head(self, unit: int, name: str, position_type: str, level: str = "") -> int:
        index = self.position(unit, name, position_type, level)
        self.units[unit].head = index
        return index

    def of_tag(self, *tags: str) -> list[int]:
        return [u.index for u in self.units if u.tag in tags]


def keep(count: int, scale: float) -> int:
    return min(count, int(count * scale + 0.5))


def _add_subunits(
    org: Org, parent: int, opd: int, key: str, templates: tuple[s.Unit, ...], scale: float, first_always: bool
) -> None:
    kept = (
        list(templates[:1]) + list(templates[1:][: keep(len(templates) - 1, scale)])
        if first_always
        else list(templates[: keep(len(templates), scale)])
    )
    for template in kept:
        tag = {"upt": "upt", "kelurahan": "kelurahan"}.get(template.kind, "sub")
        unit = org.unit(template.name, template.kind, parent, opd, tag, key)
        org.set_head(unit, template.head, template.head_type)
        _add_subunits(org, unit, opd, key, template.children, scale, first_always=False)


def build_org(employees: int) -> Org:
    """1. The root and every OPD with its head post. 2. Sub-units by the scaling
    rule. 3. Puskesmas under the Dinas Kesehatan, one per kecamatan first.
    4. Education coordinators under the Dinas Pendidikan, SD and SMP under them."""
    scale = min(1.0, employees / FULL_SIZE)
    growth = employees / FULL_SIZE
    org = Org()
    root = org.unit(s.ROOT_NAME, "pemda", None, None, "root", "")
    for template in s.ALL_OPDS:
        unit = org.unit(template.name, template.kind, root, None, "opd", template.key)
        org.units[unit].opd = unit
        org.opd_by_key[template.key] = unit
        head = org.set_head(unit, template.head, template.head_type)
        if template.key == "setda":
            org.units[root].head = head
            for name, ptype in template.extra_posts[: keep(len(template.extra_posts), scale)]:
                org.position(unit, name, ptype)
        is_kecamatan = template.kind == "kecamatan"
        _add_subunits(org, unit, unit, template.key, template.children, scale, first_always=not is_kecamatan)

    dinkes = org.opd_by_key["dinkes"]
    n_pkm = min(len(s.KECAMATAN) + len(s.EXTRA_PUSKESMAS), max(1, round(PUSKESMAS_PER_FULL * growth)))
    places = list(s.KECAMATAN) + list(s.EXTRA_PUSKESMAS)
    for place in places[:n_pkm]:
        name = f"Puskesmas {place}"
        unit = org.unit(name, "puskesmas", dinkes, dinkes, "puskesmas", "dinkes")
        org.set_head(unit, f"Kepala {name}", "fungsional", "ahli_muda")

    dindik = org.opd_by_key["dindik"]
    n_sd = max(1, round(SD_PER_FULL * growth))
    n_smp = max(1, round(SMP_PER_FULL * growth))
    n_korwil = min(len(s.KECAMATAN), max(1, math.ceil((n_sd + n_smp) / SCHOOLS_PER_KORWIL)))
    korwils = []
    for kecamatan in s.KECAMATAN[:n_korwil]:
        name = f"Koordinator Wilayah Pendidikan Kecamatan {kecamatan}"
        unit = org.unit(name, "upt", dindik, dindik, "korwil", "dindik")
        org.set_head(unit, name, "fungsional", "ahli_madya")
        korwils.append(unit)
    counters: dict[tuple[int, str], int] = {}
    for tag, total in (("sd", n_sd), ("smp", n_smp)):
        for i in range(total):
            korwil = korwils[i % n_korwil]
            kecamatan = s.KECAMATAN[i % n_korwil]
            number = counters[(korwil, tag)] = counters.get((korwil, tag), 0) + 1
            name = f"{tag.upper()} Negeri {number} {kecamatan}"
            unit = org.unit(name, "sekolah", korwil, dindik, tag, "dindik")
            org.set_head(unit, f"Kepala {name}", "fungsional", "ahli_muda")
    return org
