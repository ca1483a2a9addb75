"""Small builders shared by the IP ASN tests."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from pamong.professionalism import ipasn


def facts(**overrides: Any) -> ipasn.Facts:
    """The worked example of RULES.md §1.5 (administrator, S-2, Diklatpim III, 24 JP, a workshop, Baik,
    never sanctioned: 90), changed by ``overrides``."""
    values: dict[str, Any] = {
        "status": "pns",
        "position_type": "administrator",
        "education_level": "S2",
        "leadership_training_matches_position": True,
        "functional_training_matches_position": None,
        "technical_jp_last_year": Decimal(24),
        "seminar_last_2_years": True,
        "predikat_last_year": "baik",
        "sanction_level": "none",
    }
    values.update(overrides)
    return ipasn.Facts(**values)


def document(**changes: Any) -> dict[str, Any]:
    """The default document with dotted-path changes: ``document(**{"include_pppk": False})``."""
    doc = copy.deepcopy(ipasn.DEFAULT_DOCUMENT)
    for path, value in changes.items():
        target = doc
        *parents, last = path.split(".")
        for key in parents:
            target = target[key]
        target[last] = value
    return doc


def rules(**changes: Any) -> ipasn.Rules:
    return ipasn.parse_rules(document(**changes))
