"""Who may use each monev API operation (the people app's matrix test walks them with every persona).

``OPERATIONS`` is empty until ``pamong/api.py`` mounts the monev router, so the
central matrix does not ask for paths the site does not serve yet;
``ALL_OPERATIONS`` is always complete and test_api_access.py walks it against
a test API with the router mounted.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from pamong.tests.access_matrix import ApiOp as Op

PERSONAS = ("ani", "budi", "citra", "dodi", "eka", "fajar", "gita")
EVERYONE = set(PERSONAS)
WRITERS = {"ani", "budi"}
DINKES_READERS = {"ani", "budi", "eka", "dodi"}
ENTERERS = {"ani", "budi", "dodi"}


def _year() -> int:
    from django.utils import timezone

    return timezone.localdate().year


def _quarter() -> int:
    from django.utils import timezone

    from pamong.monitoring.periods import quarter_of

    return quarter_of(timezone.localdate())[1]


def _plan(p):  # type: ignore[no-untyped-def]
    from .factories import build_plan

    return build_plan(p, year=_year())


def _draft(p):  # type: ignore[no-untyped-def]
    from pamong.monitoring import services

    plan = _plan(p)
    return services.realisation_save(
        actor=p.dodi,
        item=plan.sub_activity,
        quarter=_quarter(),
        values={plan.output.pk: Decimal(10)},
        data={"budget_spent": Decimal(1_000_000)},
    )


_SERIAL = itertools.count(9000)


def _fresh_draft(p, who):  # type: ignore[no-untyped-def]
    """A draft of its own sub-activity per persona (so one persona's action leaves the next one's alone)."""
    from pamong.monitoring import services
    from pamong.monitoring.models import Level

    plan = _plan(p)
    code = f"{plan.activity.code}.{next(_SERIAL)}"
    item = services.plan_item_create(
        actor=p.budi,
        opd=plan.activity.opd,
        year=plan.activity.year,
        level=Level.SUB_ACTIVITY,
        parent=plan.activity,
        data={"code": code, "name": f"Sub {who}", "pagu": Decimal(1)},
    )
    return services.realisation_save(actor=p.dodi, item=item, quarter=_quarter(), values={}, data={"budget_spent": 1})


def _fresh_submitted(p, who):  # type: ignore[no-untyped-def]
    from pamong.monitoring import services

    return services.realisation_submit(actor=p.dodi, realisation=_fresh_draft(p, who))


def _item_body(p, who):  # type: ignore[no-untyped-def]
    plan = _plan(p)
    return {
        "opd_id": plan.programme.opd_id,
        "year": _year(),
        "level": "kegiatan",
        "parent_id": plan.programme.pk,
        "code": f"{plan.programme.code}.2.{50 + PERSONAS.index(who)}",
        "name": f"Kegiatan {who}",
    }


def _indicator_body(p, who):  # type: ignore[no-untyped-def]
    return {"name": f"Indikator {who}", "unit_of_measure": "dokumen", "target": "10"}


def _period(p, who):  # type: ignore[no-untyped-def]
    return f"year={_year()}&quarter={_quarter()}"


ALL_OPERATIONS: dict[tuple[str, str], Op] = {
    ("GET", "/api/v1/monev/plan-items"): Op(
        EVERYONE, path=lambda p, who: f"/api/v1/monev/plan-items?year={_plan(p).programme.year}"
    ),
    ("POST", "/api/v1/monev/plan-items"): Op(
        WRITERS, ok=201, denied=422, path=lambda p, who: "/api/v1/monev/plan-items", body=_item_body
    ),
    ("GET", "/api/v1/monev/plan-items/{item_id}"): Op(
        DINKES_READERS, path=lambda p, who: f"/api/v1/monev/plan-items/{_plan(p).programme.pk}"
    ),
    ("PATCH", "/api/v1/monev/plan-items/{item_id}"): Op(
        WRITERS,
        path=lambda p, who: f"/api/v1/monev/plan-items/{_plan(p).activity.pk}",
        body=lambda p, who: {"name": f"Penyediaan Layanan Kesehatan ({who})"},
    ),
    ("POST", "/api/v1/monev/plan-items/{item_id}/indicators"): Op(
        WRITERS,
        ok=201,
        path=lambda p, who: f"/api/v1/monev/plan-items/{_plan(p).activity.pk}/indicators",
        body=_indicator_body,
    ),
    ("PATCH", "/api/v1/monev/indicators/{indicator_id}"): Op(
        WRITERS,
        path=lambda p, who: f"/api/v1/monev/indicators/{_plan(p).output.pk}",
        body=lambda p, who: {"revised_target": "90"},
    ),
    ("GET", "/api/v1/monev/realisations"): Op(EVERYONE, path=lambda p, who: "/api/v1/monev/realisations"),
    ("GET", "/api/v1/monev/realisations/{realisation_id}"): Op(
        DINKES_READERS, path=lambda p, who: f"/api/v1/monev/realisations/{_draft(p).pk}"
    ),
    ("PUT", "/api/v1/monev/plan-items/{item_id}/quarters/{quarter}"): Op(
        ENTERERS,
        path=lambda p, who: f"/api/v1/monev/plan-items/{_plan(p).programme.pk}/quarters/{_quarter()}",
        body=lambda p, who: {"values": [{"indicator_id": _plan(p).outcome.pk, "value": "70"}], "drivers": who},
    ),
    ("POST", "/api/v1/monev/realisations/{realisation_id}/submit"): Op(
        ENTERERS, path=lambda p, who: f"/api/v1/monev/realisations/{_fresh_draft(p, who).pk}/submit"
    ),
    ("POST", "/api/v1/monev/realisations/{realisation_id}/verify"): Op(
        WRITERS, path=lambda p, who: f"/api/v1/monev/realisations/{_fresh_submitted(p, who).pk}/verify"
    ),
    ("POST", "/api/v1/monev/realisations/{realisation_id}/return"): Op(
        WRITERS,
        path=lambda p, who: f"/api/v1/monev/realisations/{_fresh_submitted(p, who).pk}/return",
        body=lambda p, who: {"note": "Perbaiki."},
    ),
    ("GET", "/api/v1/monev/evaluation"): Op(
        DINKES_READERS, path=lambda p, who: f"/api/v1/monev/evaluation?opd={_plan(p).programme.opd_id}&year={_year()}"
    ),
    ("GET", "/api/v1/monev/ranking"): Op(EVERYONE, path=lambda p, who: f"/api/v1/monev/ranking?{_period(p, who)}"),
    ("GET", "/api/v1/monev/warnings"): Op(EVERYONE, path=lambda p, who: f"/api/v1/monev/warnings?{_period(p, who)}"),
}


def _mounted() -> bool:
    from .api_urls import router_is_mounted_on_the_site

    return router_is_mounted_on_the_site()


OPERATIONS: dict[tuple[str, str], Op] = ALL_OPERATIONS if _mounted() else {}
