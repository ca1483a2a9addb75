"""Monev fixtures: a clock in the first quarter of 2026 and a small Renja of Dinas Kesehatan.

Every test runs at 5 April 2026, 09:00 in Jakarta (the first quarter's entry
window, open until 10 April) unless it moves the ``clock``. The personas are
made after the clock starts, so their role assignments are in force.

The plan (``plan`` fixture), all for 2026:

    Dinas Kesehatan
    └── 1.02.02 Program Pemenuhan Upaya Kesehatan (dodi responsible)
        outcome: Persentase puskesmas terakreditasi, %, not cumulative, target 80
        └── 1.02.02.2.02 Penyediaan Layanan Kesehatan
            └── 1.02.02.2.02.0001 Pengelolaan Pelayanan Kesehatan Dasar, pagu 500.000.000
                output: Jumlah dokumen perencanaan, dokumen, cumulative, target 100
    Dinas Pendidikan
    └── 1.01.02 Program Pengelolaan Pendidikan (no official)
        outcome: Angka partisipasi murni SD, %, not cumulative, target 98
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

JAKARTA = ZoneInfo("Asia/Jakarta")
START = dt.datetime(2026, 4, 5, 9, 0, tzinfo=JAKARTA)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=True) as traveller:
        yield traveller


@pytest.fixture
def personas(clock, personas):
    return personas


@pytest.fixture
def plan(personas):
    from .factories import build_plan

    return build_plan(personas)


@pytest.fixture
def enter(plan, personas):
    """``enter(quarter, volume, spent, by=dodi)``: a filled draft of the sub-activity's quarter."""
    from pamong.monitoring import services

    def _enter(quarter: int, volume, spent, *, by=None, item=None):
        item = item or plan.sub_activity
        values = {plan.output.pk: Decimal(volume)} if item == plan.sub_activity else {}
        return services.realisation_save(
            actor=by or personas.dodi,
            item=item,
            quarter=quarter,
            values=values,
            data={"budget_spent": Decimal(spent) if spent is not None else None, "drivers": "Dukungan puskesmas"},
        )

    return _enter


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Evidence and imports go to a throwaway folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_employee_for_tests(unit, name, nip, position=None):
    """An active PNS without an account (the NIP must be valid for 28 November 2026)."""
    from pamong.conftest import make_employee

    return make_employee(unit, name=name, nip=nip, position=position)
