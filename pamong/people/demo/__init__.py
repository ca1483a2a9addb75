"""A synthetic, deterministic regency for demos, development and load tests.

``pamong demo [--seed 2026] [--employees 10000] [--if-empty] [--password ...]``
builds Kabupaten Wiratama (fictional): about 45 OPD with their sub-units,
UPT, puskesmas and schools; about 300 structural posts at full size; 10 000
employees (half PNS, half PPPK) with education, training, sanction and
performance histories; and one demo log-in per role. Figures follow
REGENCY.md (the reported make-up of a real East Java regency).

Modules:

- :mod:`.structure`, :mod:`.jobs`, :mod:`.names`: plain data (OPD templates,
  functional families and education fields, names and courses);
- :mod:`.org`: the unit tree and head posts (the head-post rules are written
  there); :mod:`.staff`: jobs and people; :mod:`.histories`: their histories;
  :mod:`.plan`: the whole regency in memory, no database;
- :mod:`.load`: writes a plan in one transaction with one audit entry;
- :mod:`.batch`: the 35 administrators of the first Personal Transformation
  Program batch.

Determinism: ``random.Random(seed)`` drives everything; the same seed, number
of employees and ``today`` give the same structure, names and NIPs. Ages and
NIPs are relative to ``today`` (every NIP is valid for ``parse_nip`` on that
date), so a different day gives different birth dates.

The transformation batch is not stored anywhere except in the generator's
audit entry: :func:`transformation_batch` and :func:`transformation_batch_nips`
recompute it from the database by the documented rule in :mod:`.batch`
(administrators ordered by a salted hash of the NIP, one per OPD per round,
35 in all). The rule needs no seed, so later modules can find the batch in any
database, demo or not.

Demo log-ins (one password for all, default ``pamong-demo-2026``):
``admin`` (BKD administrator, regency-wide, Django superuser; must set up TOTP
at first log-in), ``operator.dinkes`` and ``operator.bkd`` (operators with
subtree), ``sekda`` (leader, regency-wide), ``kadis.pendidikan`` (leader of the
Dinas Pendidikan subtree), ``fasilitator`` (facilitator at the BKD),
``pegawai`` (a teacher, no role) and ``peserta`` (the first administrator of
the transformation batch, no role). Each is linked to an employee.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .batch import BATCH_SIZE, choose_transformation_batch, transformation_batch, transformation_batch_nips
from .plan import Login, Plan, build_plan

DEFAULT_SEED = 2026
DEFAULT_EMPLOYEES = 10_000
DEFAULT_PASSWORD = "pamong-demo-2026"
MIN_EMPLOYEES = 200

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_EMPLOYEES",
    "DEFAULT_PASSWORD",
    "DEFAULT_SEED",
    "MIN_EMPLOYEES",
    "Login",
    "Plan",
    "build_plan",
    "choose_transformation_batch",
    "generate",
    "transformation_batch",
    "transformation_batch_nips",
]


def generate(
    *,
    seed: int = DEFAULT_SEED,
    employees: int = DEFAULT_EMPLOYEES,
    today: dt.date | None = None,
    password: str = DEFAULT_PASSWORD,
) -> tuple[Plan, dict[str, Any]]:
    """Build the plan and write it; raises ``load.DemoDataExists`` if the
    database already holds org units. Returns the plan and the written counts."""
    from django.utils import timezone

    from .load import write_plan

    plan = build_plan(seed=seed, employees=employees, today=today or timezone.localdate())
    return plan, write_plan(plan, password=password)
