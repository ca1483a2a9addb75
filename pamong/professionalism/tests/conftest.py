"""A measured regency on top of the shared personas.

As of 31 December 2026 (default rules):

- Dodi, administrator at Dinas Kesehatan: S-2, PKA, 24 JP technical in 2026, a workshop in 2025,
  Baik in 2025, never sanctioned → 20 + 40 + 25 + 5 = 90 (Tinggi), the worked example;
- Citra, teacher (fungsional) at Dinas Pendidikan: S-1, functional training, 12 JP, no seminar,
  Sangat Baik → 15 + 15 + 30 + 5 = 65 (Rendah);
- Eka, Sekda (JPT madya): S-3, PKN I, 30 JP, a seminar, Sangat Baik → 100 (Sangat Tinggi);
- Sri (nurse, PPPK) at Puskesmas Kota: D-III but no predikat for 2025 → incomplete;
- Yanto, a CPNS at Dinas Kesehatan → excluded.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pamong.conftest import make_employee

AS_OF = dt.date(2026, 12, 31)
YEAR = 2026


def add_history(employee, *, education=(), trainings=(), predikat=None, sanctions=()):  # type: ignore[no-untyped-def]
    from pamong.people.models import EducationRecord, PerformanceRecord, SanctionRecord, TrainingRecord

    for level in education:
        EducationRecord.objects.create(employee=employee, level=level, institution="Univ", graduation_year=2005)
    for i, (kind, end, jp, level) in enumerate(trainings):
        TrainingRecord.objects.create(
            employee=employee,
            kind=kind,
            name=f"{kind} {i}",
            start_date=end - dt.timedelta(days=3),
            end_date=end,
            hours_jp=Decimal(jp),
            leadership_level=level,
        )
    for year, value in (predikat or {}).items():
        PerformanceRecord.objects.create(employee=employee, year=year, predikat=value)
    for level, start, end in sanctions:
        SanctionRecord.objects.create(employee=employee, level=level, kind="hukuman", start_date=start, end_date=end)


@pytest.fixture
def histories(personas):
    from pamong.people.models import Position, PositionType

    add_history(
        personas.dodi_employee,
        education=["S1", "S2"],
        trainings=[
            ("diklat_struktural", dt.date(2016, 5, 1), 300, "pka"),
            ("diklat_teknis", dt.date(2026, 3, 10), 24, ""),
            ("workshop", dt.date(2025, 8, 1), 8, ""),
        ],
        predikat={2025: "baik"},
    )
    add_history(
        personas.citra_employee,
        education=["S1"],
        trainings=[
            ("diklat_fungsional", dt.date(2020, 2, 1), 40, ""),
            ("bimbingan_teknis", dt.date(2026, 7, 1), 12, ""),
        ],
        predikat={2025: "sangat_baik"},
    )
    add_history(
        personas.eka_employee,
        education=["S3"],
        trainings=[
            ("diklat_struktural", dt.date(2012, 5, 1), 400, "pkn_i"),
            ("diklat_teknis", dt.date(2026, 2, 1), 30, ""),
            ("seminar", dt.date(2026, 9, 1), 4, ""),
        ],
        predikat={2025: "sangat_baik"},
    )
    add_history(personas.nurse_employee, education=["D3"], predikat={2024: "baik"})
    post = Position.objects.create(
        name="Analis", position_type=PositionType.PELAKSANA, org_unit=personas.regency.dinkes
    )
    personas.cpns_employee = make_employee(
        personas.regency.dinkes, name="Yanto", nip="199802022025011002", position=post, status="cpns"
    )
    return personas


@pytest.fixture
def measured(histories):
    """The 2026 measurement of the histories above (run by Ani)."""
    from pamong.professionalism.services import measurement_run

    histories.measurement = measurement_run(actor=histories.ani, year=YEAR, as_of=AS_OF)
    return histories
