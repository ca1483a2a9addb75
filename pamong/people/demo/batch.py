"""The first batch of the Personal Transformation Program: 35 administrators.

No learning module exists yet, so nothing is stored for the batch. The batch
is a rule over the data, the same rule at generation time and afterwards:

1. Candidates are the active employees holding an administrator post, each
   with the OPD of their unit.
2. Order them by ``sha256("pamong:transformasi-personal:angkatan-1:" + nip)``:
   a fixed, seed-free shuffle that later modules can recompute.
3. Walk the order in rounds; each round takes the first candidate not yet
   chosen from each OPD, so the batch spreads over as many OPD as possible
   (35 different OPD in the demo regency). Stop at 35.

The generator also writes the chosen NIPs into its audit entry
(``people.demo.generated``, ``changes["transformation_batch"]``), so the
original batch stays on record even if administrators change later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable

BATCH_SIZE = 35
BATCH_SALT = "pamong:transformasi-personal:angkatan-1"


def batch_key(nip: str) -> str:
    return hashlib.sha256(f"{BATCH_SALT}:{nip}".encode()).hexdigest()


def choose_transformation_batch(candidates: Iterable[tuple[str, Hashable]], size: int = BATCH_SIZE) -> list[str]:
    """The NIPs of the batch, in batch order, from ``(nip, opd)`` pairs (steps 2–3 above)."""
    ordered = sorted(candidates, key=lambda c: batch_key(c[0]))
    chosen: list[str] = []
    taken: set[str] = set()
    while len(chosen) < min(size, len(ordered)):
        in_round: set[Hashable] = set()
        for nip, opd in ordered:
            if nip in taken or opd in in_round:
                continue
            in_round.add(opd)
            taken.add(nip)
            chosen.append(nip)
            if len(chosen) == size:
                break
    return chosen


def transformation_batch_nips(size: int = BATCH_SIZE) -> list[str]:
    """The batch's NIPs chosen from the database by the rule above."""
    from pamong.people.models import Employee, PositionType

    rows = (
        Employee.objects.active()
        .filter(position__position_type=PositionType.ADMINISTRATOR)
        .values_list("nip", "org_unit__opd_id")
    )
    return choose_transformation_batch(rows, size)


def transformation_batch(size: int = BATCH_SIZE) -> list:  # type: ignore[type-arg]
    """The batch's employees (with unit and position), in batch order."""
    from pamong.people.models import Employee

    nips = transformation_batch_nips(size)
    by_nip = Employee.objects.select_related("org_unit", "position").in_bulk(nips, field_name="nip")
    return [by_nip[nip] for nip in nips]
