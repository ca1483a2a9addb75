"""Who may use each monev page (walked with every persona by pamong/tests/test_route_access.py).

The matrix runs on the real date; the entry window used is the current quarter's."""

from __future__ import annotations

from decimal import Decimal

from pamong.tests.access_matrix import LOGGED_IN, READERS, WRITERS, Route

DINKES_READERS = {"ani", "budi", "eka", "dodi"}  # dodi: the items he answers for
ENTERERS = {"ani", "budi", "dodi"}


def _plan(p):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from .factories import build_plan

    return build_plan(p, year=timezone.localdate().year)


def _quarter() -> int:
    from django.utils import timezone

    from pamong.monitoring.periods import quarter_of

    return quarter_of(timezone.localdate())[1]


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


def _submitted(p):  # type: ignore[no-untyped-def]
    from pamong.monitoring import services

    return services.realisation_submit(actor=p.dodi, realisation=_draft(p))


def _evidence(p):  # type: ignore[no-untyped-def]
    from pamong.monitoring import services

    from .factories import TINY_PDF, upload

    return services.evidence_add(actor=p.dodi, realisation=_draft(p), upload=upload("spj.pdf", TINY_PDF))


def _notification_for_budi(p):  # type: ignore[no-untyped-def]
    from pamong.monitoring.models import Notification

    return [Notification.objects.create(user=p.budi, title="uji", url="/monev/").pk]


ROUTES = {
    "monev_home": Route(LOGGED_IN),
    "monev_opd": Route(DINKES_READERS, args=lambda p: [_plan(p).programme.opd_id]),
    "monev_item_create": Route(WRITERS, args=lambda p: [p.regency.dinkes.pk]),
    "monev_reopen": Route({"ani"}, args=lambda p: [p.regency.dinkes.pk]),
    "monev_renja_xlsx": Route({"ani", "budi", "eka"}, args=lambda p: [_plan(p).programme.opd_id]),
    "monev_renja_pdf": Route({"ani", "budi", "eka"}, args=lambda p: [_plan(p).programme.opd_id]),
    "monev_item": Route(DINKES_READERS, args=lambda p: [_plan(p).programme.pk]),
    "monev_item_edit": Route(WRITERS, args=lambda p: [_plan(p).programme.pk]),
    "monev_indicator_create": Route(WRITERS, args=lambda p: [_plan(p).sub_activity.pk]),
    "monev_indicator_edit": Route(WRITERS, args=lambda p: [_plan(p).output.pk]),
    "monev_entry": Route(ENTERERS, args=lambda p: [_plan(p).sub_activity.pk, _quarter()]),
    "monev_realisation": Route(DINKES_READERS, args=lambda p: [_draft(p).pk]),
    # The first allowed persona submits; the others are told it is already submitted (a redirect too).
    "monev_realisation_submit": Route(ENTERERS, args=lambda p: [_draft(p).pk], method="post", ok=302),
    # dodi submitted it: he may not verify his own report.
    "monev_realisation_verify": Route(WRITERS, args=lambda p: [_submitted(p).pk], method="post", ok=302),
    "monev_realisation_return": Route(WRITERS, args=lambda p: [_submitted(p).pk]),
    "monev_evidence_upload": Route(ENTERERS, args=lambda p: [_draft(p).pk], method="post", ok=302),
    "monev_evidence": Route(DINKES_READERS, args=lambda p: [_evidence(p).pk]),
    "monev_evidence_delete": Route(ENTERERS, args=lambda p: [_evidence(p).pk]),
    "monev_verification": Route(WRITERS),
    "monev_ranking": Route(READERS),
    "monev_warnings": Route(LOGGED_IN),
    "monev_notifications": Route(LOGGED_IN),
    "monev_notification_open": Route({"budi"}, args=_notification_for_budi, method="post", ok=302),
    "monev_summary_pdf": Route(READERS),
    "monev_import": Route(WRITERS),
    # The token lives in the uploader's session: nobody else's session can reach it.
    "monev_import_mapping": Route(set(), args=lambda p: ["0" * 32]),
    "monev_settings": Route({"ani"}, args=lambda p: [2026]),
}
