"""Automatic sources: indicator realisations computed from pamong's own data.

A source is a key and a function ``compute(*, year, quarter, unit)`` returning
the value (a ``Decimal``) an indicator reached by the end of that quarter for
that org unit and everything under it (``unit=None``: the whole regency), or
``None`` when there is nothing to measure. An indicator names its source in
``Indicator.auto_source``; :func:`pamong.monitoring.services.auto_sources_refresh`
writes the values into the quarter's realisation while it is still open.

Built-in sources use people data. Other apps register theirs without importing
this app (domain apps do not import each other; import-linter checks it): they
put a module ``monev_sources.py`` in their package with a list ``SOURCES`` of
plain dicts::

    # pamong/satisfaction/monev_sources.py
    from decimal import Decimal

    def regency_ikm(*, year, quarter, unit):
        ...  # their own QuerySets and calculation
        return Decimal("82.40")

    SOURCES = [
        {"key": "skm.ikm", "label": "IKM (indeks kepuasan masyarakat)", "unit_of_measure": "indeks",
         "cumulative": False, "compute": regency_ikm},
    ]

This module finds them by importing ``<app>.monev_sources`` for every
installed pamong app, once per process.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext_lazy as _

from pamong.people.models import Employee, OrgUnit, PositionType, TrainingRecord

from .periods import quarter_end

Compute = Callable[..., Decimal | None]


@dataclass(frozen=True)
class AutoSource:
    key: str
    label: Any  # lazy text
    unit_of_measure: str
    compute: Compute
    cumulative: bool = False


def _employees_in(unit: OrgUnit | None, day: dt.date):  # type: ignore[no-untyped-def]
    """Active employees of the unit's subtree (or the regency) on ``day``.

    People data keeps no placement history per day, so "active now" stands for
    "active at the quarter's end" [design: good enough for the running quarter]."""
    employees = Employee.objects.active()
    if unit is not None:
        employees = employees.in_subtree(unit)
    return employees


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def administrators_with_leadership_training(*, year: int, quarter: int, unit: OrgUnit | None) -> Decimal | None:
    """Share (%) of active administrators with a leadership training record (any
    ``TrainingRecord.leadership_level``) that ended by the quarter's end."""
    end = quarter_end(year, quarter)
    admins = _employees_in(unit, end).filter(position__position_type=PositionType.ADMINISTRATOR)
    trained = TrainingRecord.objects.filter(employee=OuterRef("pk"), end_date__lte=end).exclude(leadership_level="")
    total = admins.count()
    done = admins.filter(Exists(trained)).count()
    return _percent(done, total)


def employees_meeting_20_jp(*, year: int, quarter: int, unit: OrgUnit | None) -> Decimal | None:
    """Share (%) of active PNS with at least 20 JP of competency development in the year up to the
    quarter's end (PP 11/2017 art. 203(4); RULES.md §4)."""
    end = quarter_end(year, quarter)
    pns = _employees_in(unit, end).filter(status="pns")
    total = pns.count()
    done = (
        pns.annotate(
            jp=Sum(
                "trainings__hours_jp",
                filter=_training_in(year, end),
            )
        )
        .filter(jp__gte=20)
        .count()
    )
    return _percent(done, total)


def _training_in(year: int, end: dt.date):  # type: ignore[no-untyped-def]
    from django.db.models import Q

    return Q(trainings__end_date__year=year, trainings__end_date__lte=end)


def active_administrators(*, year: int, quarter: int, unit: OrgUnit | None) -> Decimal | None:
    """Number of active administrators (a denominator the transformation programme reports)."""
    end = quarter_end(year, quarter)
    return Decimal(_employees_in(unit, end).filter(position__position_type=PositionType.ADMINISTRATOR).count())


BUILT_IN: tuple[AutoSource, ...] = (
    AutoSource(
        "people.administrators_leadership_training",
        _("Persentase administrator aktif yang telah mengikuti diklat kepemimpinan"),
        "%",
        administrators_with_leadership_training,
    ),
    AutoSource(
        "people.pns_20_jp",
        _("Persentase PNS yang memenuhi 20 JP pengembangan kompetensi tahun berjalan"),
        "%",
        employees_meeting_20_jp,
    ),
    AutoSource(
        "people.active_administrators",
        _("Jumlah administrator aktif"),
        _("orang"),  # type: ignore[arg-type]
        active_administrators,
    ),
)


@cache
def registry() -> dict[str, AutoSource]:
    """Every source by key: the built-in ones, then each app's ``monev_sources.SOURCES``."""
    found = {source.key: source for source in BUILT_IN}
    for config in apps.get_app_configs():
        if not config.name.startswith("pamong.") or config.name == "pamong.monitoring":
            continue
        try:
            module = importlib.import_module(f"{config.name}.monev_sources")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.monev_sources":
                raise
            continue
        for spec in getattr(module, "SOURCES", []):
            source = AutoSource(
                key=spec["key"],
                label=spec.get("label", spec["key"]),
                unit_of_measure=str(spec.get("unit_of_measure", "")),
                compute=spec["compute"],
                cumulative=bool(spec.get("cumulative", False)),
            )
            found[source.key] = source
    return found


def choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(key, str(source.label)) for key, source in sorted(registry().items())]


def compute(key: str, *, year: int, quarter: int, unit: OrgUnit | None) -> Decimal | None:
    """The value of source ``key``; ``KeyError`` for an unknown key."""
    return registry()[key].compute(year=year, quarter=quarter, unit=unit)
