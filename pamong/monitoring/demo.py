"""Demo monev data: a plausible year of programmes, indicators and realisations for a few OPD.

``generate(*, seed, year, today)`` works on whatever regency is in the
database (the synthetic one of ``pamong demo`` or the test regency). It picks
up to six OPD (those whose name matches a programme in :data:`SECTORS` first),
gives each the support programme every OPD has plus its sector programme, with
the national nomenclature codes, ceilings and indicators; names an active
administrator of the OPD as responsible; and writes the realisation of every
quarter whose deadline has passed by ``today`` (mostly verified, some only
submitted) and a draft for the quarter in progress, with a spread of
achievements so every band and some early warnings appear. The BKD (found by
name) gets the Program Transformasi Personal outside the budget, whose first
two indicators take their value from people data (automatic sources).

Deterministic: ``random.Random(seed)`` drives every figure; the same seed,
year, ``today`` and regency give the same data. Everything is written in one
transaction with one audit entry, like the people demo. A year that already
has plan items is refused (:class:`MonevDemoExists`).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import Employee, OrgUnit, PositionType

from . import sources
from .models import Indicator, Level, PlanItem, Realisation, RealisationValue, Status, period_setting

MAX_OPD = 6


class MonevDemoExists(Exception):
    """The year already has plan items; demo data is only written into an empty year."""


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str
    target: int
    cumulative: bool = True
    direction: str = "higher"
    auto_source: str = ""


@dataclass(frozen=True)
class SubSpec:
    suffix: str
    name: str
    pagu_million: int
    indicator: IndicatorSpec


@dataclass(frozen=True)
class ActivitySpec:
    suffix: str
    name: str
    indicator: IndicatorSpec
    subs: tuple[SubSpec, ...]


@dataclass(frozen=True)
class ProgrammeSpec:
    suffix: str
    name: str
    outcome: IndicatorSpec
    activities: tuple[ActivitySpec, ...]


SUPPORT = ProgrammeSpec(
    "01",
    "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
    IndicatorSpec("Nilai SAKIP perangkat daerah", "nilai", 75, cumulative=False),
    (
        ActivitySpec(
            "2.01",
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            IndicatorSpec("Jumlah dokumen perencanaan dan evaluasi yang disusun", "dokumen", 8),
            (
                SubSpec(
                    "0001",
                    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                    150,
                    IndicatorSpec("Jumlah dokumen perencanaan perangkat daerah", "dokumen", 4),
                ),
                SubSpec(
                    "0007",
                    "Evaluasi Kinerja Perangkat Daerah",
                    90,
                    IndicatorSpec("Jumlah laporan evaluasi kinerja perangkat daerah", "laporan", 4),
                ),
            ),
        ),
        ActivitySpec(
            "2.02",
            "Administrasi Keuangan Perangkat Daerah",
            IndicatorSpec("Persentase ketepatan pembayaran gaji dan tunjangan ASN", "%", 100, cumulative=False),
            (
                SubSpec(
                    "0001",
                    "Penyediaan Gaji dan Tunjangan ASN",
                    4_800,
                    IndicatorSpec("Jumlah bulan gaji dan tunjangan ASN yang dibayarkan", "bulan", 14),
                ),
            ),
        ),
    ),
)

# Sector programmes by a word of the OPD's name, with the first segments of their code.
SECTORS: dict[str, tuple[str, ProgrammeSpec]] = {
    "Kesehatan": (
        "1.02",
        ProgrammeSpec(
            "02",
            "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
            IndicatorSpec("Prevalensi stunting pada balita", "%", 14, cumulative=False, direction="lower"),
            (
                ActivitySpec(
                    "2.02",
                    "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
                    IndicatorSpec("Persentase puskesmas terakreditasi", "%", 90, cumulative=False),
                    (
                        SubSpec(
                            "0001",
                            "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                            650,
                            IndicatorSpec("Jumlah ibu hamil yang mendapatkan pelayanan kesehatan", "orang", 6_200),
                        ),
                        SubSpec(
                            "0004",
                            "Pengelolaan Pelayanan Kesehatan Balita",
                            720,
                            IndicatorSpec("Jumlah balita yang mendapatkan pelayanan kesehatan", "orang", 24_000),
                        ),
                    ),
                ),
            ),
        ),
    ),
    "Pendidikan": (
        "1.01",
        ProgrammeSpec(
            "02",
            "Program Pengelolaan Pendidikan",
            IndicatorSpec("Angka partisipasi murni SD/MI", "%", 98, cumulative=False),
            (
                ActivitySpec(
                    "2.02",
                    "Pengelolaan Pendidikan Sekolah Dasar",
                    IndicatorSpec("Jumlah sekolah dasar yang dikelola", "sekolah", 410, cumulative=False),
                    (
                        SubSpec(
                            "0003",
                            "Rehabilitasi Sarana, Prasarana dan Utilitas Sekolah",
                            3_500,
                            IndicatorSpec("Jumlah ruang kelas yang direhabilitasi", "ruang", 60),
                        ),
                    ),
                ),
            ),
        ),
    ),
    "Pekerjaan Umum": (
        "1.03",
        ProgrammeSpec(
            "10",
            "Program Penyelenggaraan Jalan",
            IndicatorSpec("Persentase jalan kabupaten dalam kondisi mantap", "%", 82, cumulative=False),
            (
                ActivitySpec(
                    "2.01",
                    "Penyelenggaraan Jalan Kabupaten/Kota",
                    IndicatorSpec("Panjang jalan yang ditangani", "km", 45),
                    (
                        SubSpec(
                            "0017",
                            "Rehabilitasi Jalan",
                            12_000,
                            IndicatorSpec("Panjang jalan yang direhabilitasi", "km", 30),
                        ),
                    ),
                ),
            ),
        ),
    ),
    "Sosial": (
        "1.06",
        ProgrammeSpec(
            "04",
            "Program Rehabilitasi Sosial",
            IndicatorSpec("Persentase PPKS yang tertangani", "%", 85, cumulative=False),
            (
                ActivitySpec(
                    "2.01",
                    "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar",
                    IndicatorSpec("Jumlah penyandang disabilitas yang direhabilitasi", "orang", 240),
                    (
                        SubSpec(
                            "0001",
                            "Penyediaan Permakanan",
                            400,
                            IndicatorSpec("Jumlah penerima bantuan permakanan", "orang", 240),
                        ),
                    ),
                ),
            ),
        ),
    ),
    "Kependudukan": (
        "2.12",
        ProgrammeSpec(
            "02",
            "Program Pendaftaran Penduduk",
            IndicatorSpec("Persentase penduduk ber-KTP elektronik", "%", 99, cumulative=False),
            (
                ActivitySpec(
                    "2.01",
                    "Pelayanan Pendaftaran Penduduk",
                    IndicatorSpec("Jumlah dokumen kependudukan yang diterbitkan", "dokumen", 52_000),
                    (
                        SubSpec(
                            "0001",
                            "Pelayanan Pendaftaran Penduduk",
                            900,
                            IndicatorSpec("Jumlah KTP elektronik yang dicetak", "keping", 18_000),
                        ),
                    ),
                ),
            ),
        ),
    ),
}

TRANSFORMATION = ProgrammeSpec(
    "PTP",
    "Program Transformasi Personal ASN",
    IndicatorSpec(
        "Persentase administrator aktif yang telah mengikuti diklat kepemimpinan",
        "%",
        75,
        cumulative=False,
        auto_source="people.administrators_leadership_training",
    ),
    (),
)
TRANSFORMATION_OTHERS = (
    IndicatorSpec(
        "Persentase PNS yang memenuhi 20 JP pengembangan kompetensi",
        "%",
        80,
        cumulative=False,
        auto_source="people.pns_20_jp",
    ),
    IndicatorSpec("Rata-rata perubahan skor integritas 360°", "poin", 5, cumulative=False),
    IndicatorSpec("Indeks Kepuasan Masyarakat (IKM) kabupaten", "indeks", 85, cumulative=False),
)


def _d(value: float | int | Decimal, places: str = "0.01") -> Decimal:
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _choose_opds() -> list[OrgUnit]:
    opds = list(OrgUnit.objects.opds().order_by("code"))
    matched = [o for o in opds if any(word.lower() in o.name.lower() for word in SECTORS)]
    rest = [o for o in opds if o not in matched and not _is_bkd(o)]
    return (matched + rest)[:MAX_OPD]


def _is_bkd(opd: OrgUnit) -> bool:
    name = opd.name.lower()
    return "kepegawaian" in name or "bkpsdm" in name or name.startswith("bkd")


def _administrators(opd: OrgUnit) -> list[Employee]:
    return list(
        Employee.objects.active()
        .in_subtree(opd)
        .filter(position__position_type=PositionType.ADMINISTRATOR)
        .order_by("nip")
    )


class _Writer:
    def __init__(self, rng: random.Random, year: int, today: dt.date) -> None:
        self.rng, self.year, self.today = rng, year, today
        setting = period_setting(year)
        self.closed = [q for q in (1, 2, 3, 4) if setting.deadline(q) < today]
        running = [q for q in (1, 2, 3, 4) if q not in self.closed and dt.date(year, 3 * q - 2, 1) <= today]
        self.running = running[0] if running else None
        self.counts = {"plan_items": 0, "indicators": 0, "realisations": 0, "values": 0}
        self.pace: dict[int, float] = {}

    def item(self, opd: OrgUnit, level: str, parent: PlanItem | None, code: str, name: str, **kw: Any) -> PlanItem:
        self.counts["plan_items"] += 1
        return PlanItem.objects.create(opd=opd, year=self.year, level=level, parent=parent, code=code, name=name, **kw)

    def indicator(
        self, item: PlanItem, spec: IndicatorSpec, order: int, source_unit: OrgUnit | None = None
    ) -> Indicator:
        self.counts["indicators"] += 1
        target = Decimal(spec.target)
        renstra = None
        if spec.cumulative:
            renstra = target * 5
        elif spec.direction == "higher":
            renstra = _d(min(float(target) * 1.05, 100.0) if spec.unit == "%" else float(target) * 1.05)
        return Indicator.objects.create(
            plan_item=item,
            name=spec.name,
            unit_of_measure=spec.unit,
            direction=spec.direction,
            cumulative=spec.cumulative,
            target=target,
            renstra_target=renstra,
            renstra_until_last_year=(target * 3 if spec.cumulative else None),
            auto_source=spec.auto_source,
            source_unit=source_unit,
            order=order,
        )

    def realise(self, item: PlanItem, indicators: list[Indicator], pace: float) -> None:
        """Reports for the closed quarters (verified, the last one sometimes only submitted) and a draft now."""
        quarters = [*self.closed, *([self.running] if self.running else [])]
        for quarter in quarters:
            if quarter == self.running:
                status = Status.DRAFT
            elif quarter == self.closed[-1] and self.rng.random() < 0.3:
                status = Status.SUBMITTED
            else:
                status = Status.VERIFIED
            spent = None
            if item.level == Level.SUB_ACTIVITY and item.ceiling:
                spent = _d(float(item.ceiling) / 4 * pace * self.rng.uniform(0.8, 1.1), "1")
            now = timezone.now()
            report = Realisation.objects.create(
                plan_item=item,
                quarter=quarter,
                status=status,
                budget_spent=spent,
                drivers=self.rng.choice(DRIVERS),
                obstacles=self.rng.choice(OBSTACLES) if pace < 0.9 else "",
                follow_up=self.rng.choice(FOLLOW_UPS),
                submitted_at=now if status != Status.DRAFT else None,
                reviewed_at=now if status == Status.VERIFIED else None,
            )
            self.counts["realisations"] += 1
            for indicator in indicators:
                if indicator.is_automatic:
                    value = sources.compute(
                        indicator.auto_source, year=self.year, quarter=quarter, unit=indicator.source_unit
                    )
                    automatic = True
                else:
                    value = self._volume(indicator, quarter, pace)
                    automatic = False
                RealisationValue.objects.create(
                    realisation=report, indicator=indicator, value=value, is_automatic=automatic
                )
                self.counts["values"] += 1

    def _volume(self, indicator: Indicator, quarter: int, pace: float) -> Decimal:
        target = float(indicator.target)
        if indicator.cumulative:
            return _d(target / 4 * pace * self.rng.uniform(0.9, 1.1), "1" if target >= 20 else "0.01")
        # A level (a rate, an index): near the target, closer as the year goes on, lower when the pace is slow.
        reached = (0.8 + 0.2 * min(pace, 1.1)) * (0.9 + 0.025 * quarter) * self.rng.uniform(0.97, 1.03)
        if indicator.direction == "lower":
            return _d(target * (2 - reached))
        value = target * reached
        return _d(min(value, 100.0) if indicator.unit_of_measure == "%" else value)


DRIVERS = (
    "Koordinasi lintas bidang berjalan baik.",
    "Dukungan kepala perangkat daerah dan ketersediaan anggaran tepat waktu.",
    "Pemanfaatan aplikasi dalam pengumpulan data.",
)
OBSTACLES = (
    "Keterlambatan proses pengadaan barang/jasa.",
    "Keterbatasan tenaga teknis di lapangan.",
    "Cuaca dan akses ke lokasi kegiatan.",
)
FOLLOW_UPS = (
    "Percepatan jadwal pengadaan pada triwulan berikutnya.",
    "Pendampingan teknis oleh bidang terkait.",
    "Rapat evaluasi bulanan bersama pelaksana kegiatan.",
)


@transaction.atomic
def generate(*, seed: int, year: int, today: dt.date | None = None) -> dict[str, int]:
    """Write the demo year; returns the counts. See the module docstring."""
    today = today or timezone.localdate()
    if PlanItem.objects.filter(year=year).exists():
        raise MonevDemoExists(
            _("Tahun %(year)d sudah berisi program/kegiatan; data demo monev tidak dibuat.") % {"year": year}
        )
    rng = random.Random(seed)
    writer = _Writer(rng, year, today)
    opds = _choose_opds()
    for opd in opds:
        admins = _administrators(opd)
        pace = rng.choice([0.45, 0.6, 0.75, 0.85, 0.95, 1.0, 1.05])
        specs: list[tuple[str, ProgrammeSpec]] = []
        sector = next((v for word, v in SECTORS.items() if word.lower() in opd.name.lower()), None)
        prefix = sector[0] if sector else f"9.{len(writer.pace) + 1:02d}"
        specs.append((prefix, SUPPORT))
        if sector:
            specs.append(sector)
        writer.pace[opd.pk] = pace
        for code_prefix, programme_spec in specs:
            _programme(writer, opd, code_prefix, programme_spec, admins, pace)
    bkd = next((o for o in OrgUnit.objects.opds().order_by("code") if _is_bkd(o)), None)
    if bkd is not None:
        _transformation(writer, bkd)
    audit_record(
        actor=None,
        action="monev.demo.generated",
        object_type="monitoring.planitem",
        object_repr=f"Demo monev {year}",
        source=Source.CLI,
        changes={"seed": seed, "year": year, "today": today, "opd": [o.code for o in opds], **writer.counts},
    )
    return {**writer.counts, "opd": len(opds) + (1 if bkd is not None else 0)}


def _programme(
    writer: _Writer, opd: OrgUnit, prefix: str, spec: ProgrammeSpec, admins: list[Employee], pace: float
) -> None:
    rng = writer.rng
    official = rng.choice(admins) if admins else None
    programme = writer.item(
        opd,
        Level.PROGRAMME,
        None,
        f"{prefix}.{spec.suffix}",
        spec.name,
        responsible_official=official,
        responsible_unit=official.org_unit if official else opd,
    )
    outcome = writer.indicator(programme, spec.outcome, 1)
    writer.realise(programme, [outcome], pace)
    for activity_spec in spec.activities:
        activity_official = rng.choice(admins) if admins else official
        activity = writer.item(
            opd,
            Level.ACTIVITY,
            programme,
            f"{programme.code}.{activity_spec.suffix}",
            activity_spec.name,
            responsible_official=activity_official,
            responsible_unit=activity_official.org_unit if activity_official else opd,
        )
        writer.realise(activity, [writer.indicator(activity, activity_spec.indicator, 1)], pace)
        for sub_spec in activity_spec.subs:
            pagu = Decimal(sub_spec.pagu_million) * 1_000_000 * Decimal(str(rng.choice([0.8, 0.9, 1.0, 1.1, 1.25])))
            sub = writer.item(
                opd,
                Level.SUB_ACTIVITY,
                activity,
                f"{activity.code}.{sub_spec.suffix}",
                sub_spec.name,
                pagu=_d(pagu, "1"),
                responsible_unit=activity.responsible_unit,
            )
            writer.realise(sub, [writer.indicator(sub, sub_spec.indicator, 1)], pace * rng.uniform(0.85, 1.15))


def _transformation(writer: _Writer, bkd: OrgUnit) -> None:
    admins = _administrators(bkd)
    official = writer.rng.choice(admins) if admins else None
    programme = writer.item(
        bkd,
        Level.PROGRAMME,
        None,
        f"{TRANSFORMATION.suffix}-{writer.year}",
        TRANSFORMATION.name,
        is_budget=False,
        responsible_official=official,
        responsible_unit=official.org_unit if official else bkd,
    )
    indicators = [writer.indicator(programme, TRANSFORMATION.outcome, 1)]
    indicators += [writer.indicator(programme, spec, n) for n, spec in enumerate(TRANSFORMATION_OTHERS, start=2)]
    writer.realise(programme, indicators, 0.9)
