"""Who may use each learning page (walked by pamong/tests/test_route_access.py)."""

from __future__ import annotations

from pamong.tests.access_matrix import EVERYONE, LOGGED_IN, READERS, Route

STAFF = READERS | {"gita"}


def _open(p):  # type: ignore[no-untyped-def]
    from pamong.learning.models import BatchStatus

    from .helpers import batch

    return batch(p, status=BatchStatus.OPEN)


def _running(p):  # type: ignore[no-untyped-def]
    from pamong.learning.models import BatchStatus

    from .helpers import batch

    return batch(p, status=BatchStatus.RUNNING)


def _enrolment(p, *, tests: bool = False):  # type: ignore[no-untyped-def]
    from pamong.learning import services

    from .helpers import enrol, question_bank

    b = _running(p)
    if tests:
        question_bank(p, b.programme, n=2)
        services.batch_toggle(actor=p.gita, batch=b, what="pre", open_=True)
        services.batch_toggle(actor=p.gita, batch=b, what="feedback", open_=True)
    return enrol(p, b)


def _closed(p):  # type: ignore[no-untyped-def]
    from pamong.learning import services

    from .helpers import attend_all

    e = _enrolment(p)
    attend_all(p, e)
    services.batch_close(actor=p.ani, batch=e.batch)
    e.refresh_from_db()
    return e


def _session(p):  # type: ignore[no-untyped-def]
    return _running(p).sessions.first()


def _checkin(p):  # type: ignore[no-untyped-def]
    from pamong.learning import services

    session = _enrolment(p).batch.sessions.first()
    return [session.pk, services.checkin_code(session)]


def _verify(p):  # type: ignore[no-untyped-def]
    from pamong.learning.certificates import verify_token

    return [verify_token(_closed(p).certificate)]


def _question(p):  # type: ignore[no-untyped-def]
    from pamong.learning import services

    b = _open(p)
    return [
        services.question_create(actor=p.ani, programme=b.programme, text="?", kind="true_false", true_answer=True).pk
    ]


def _plan(p):  # type: ignore[no-untyped-def]
    """Dodi's action plan; his supervisor is set to Eka, and the evaluation is due."""
    import datetime as dt

    from pamong.learning import services
    from pamong.learning.models import ActionPlan

    p.dodi_employee.supervisor_override = p.eka_employee
    p.dodi_employee.save(update_fields=["supervisor_override"])
    e = _closed(p)
    plan = services.action_plan_save(
        actor=p.dodi,
        enrolment=e,
        title="Layanan tanpa antre",
        description="",
        milestones=[
            {"description": "Antrean daring", "measure": "aplikasi jalan", "target_date": dt.date(2027, 1, 31)}
        ],
    )
    ActionPlan.objects.filter(pk=plan.pk).update(evaluation_due=dt.date(2000, 1, 1))
    return [plan.pk]


ROUTES = {
    "learning:home": Route(LOGGED_IN, ok=302),
    "learning:my_learning": Route(LOGGED_IN),
    "learning:my_enrolment": Route({"dodi"}, args=lambda p: [_enrolment(p).pk]),
    "learning:enrolment_respond": Route({"dodi"}, args=lambda p: [_enrolment(p).pk], method="post", ok=302),
    "learning:test_take": Route({"dodi"}, args=lambda p: [_enrolment(p, tests=True).pk, "pre"]),
    "learning:feedback_form": Route({"dodi"}, args=lambda p: [_enrolment(p, tests=True).pk]),
    "learning:action_plan_edit": Route({"dodi"}, args=lambda p: [_closed(p).pk]),
    "learning:attendance_checkin": Route(LOGGED_IN, args=_checkin),
    "learning:programme_list": Route(STAFF),
    "learning:programme_create": Route({"ani"}),
    "learning:programme_detail": Route(STAFF, args=lambda p: [_open(p).programme_id]),
    "learning:programme_edit": Route({"ani"}, args=lambda p: [_open(p).programme_id]),
    "learning:question_create": Route({"ani", "gita"}, args=lambda p: [_open(p).programme_id]),
    "learning:question_toggle": Route({"ani", "gita"}, args=_question, method="post", ok=302),
    "learning:batch_create": Route({"ani"}, args=lambda p: [_open(p).programme_id]),
    "learning:batch_list": Route(STAFF),
    "learning:batch_detail": Route(STAFF, args=lambda p: [_open(p).pk]),
    "learning:batch_edit": Route({"ani"}, args=lambda p: [_open(p).pk]),
    "learning:batch_status": Route({"ani"}, args=lambda p: [_open(p).pk], method="post", ok=302),
    "learning:batch_toggle": Route({"ani", "gita"}, args=lambda p: [_open(p).pk], method="post", ok=302),
    "learning:session_create": Route({"ani"}, args=lambda p: [_open(p).pk]),
    "learning:enrolment_nominate": Route({"ani", "budi"}, args=lambda p: [_open(p).pk]),
    "learning:certificate_zip": Route({"ani", "gita"}, args=lambda p: [_closed(p).batch_id]),
    "learning:batch_report_pdf": Route(STAFF, args=lambda p: [_closed(p).batch_id]),
    "learning:batch_report_xlsx": Route(STAFF, args=lambda p: [_closed(p).batch_id]),
    "learning:session_edit": Route({"ani"}, args=lambda p: [_session(p).pk]),
    "learning:session_delete": Route({"ani"}, args=lambda p: [_session(p).pk], method="post", ok=302),
    "learning:session_qr": Route({"ani", "gita"}, args=lambda p: [_session(p).pk]),
    "learning:session_qr_code": Route({"ani", "gita"}, args=lambda p: [_session(p).pk]),
    "learning:attendance_manual": Route({"ani", "gita"}, args=lambda p: [_session(p).pk]),
    "learning:enrolment_withdraw": Route({"ani", "budi"}, args=lambda p: [_enrolment(p).pk], method="post", ok=302),
    "learning:enrolment_retake": Route({"ani", "gita"}, args=lambda p: [_enrolment(p).pk], method="post", ok=302),
    "learning:certificate_download": Route(
        {"ani", "budi", "eka", "gita", "dodi"}, args=lambda p: [_closed(p).certificate.pk]
    ),
    "learning:certificate_revoke": Route({"ani"}, args=lambda p: [_closed(p).certificate.pk]),
    "learning:certificate_verify": Route(EVERYONE, args=_verify, anonymous=200),
    "learning:plan_board": Route(READERS),
    "learning:plan_evaluate": Route({"eka"}, args=_plan),
    "learning:jp_ledger": Route(READERS),
    "learning:jp_ledger_export": Route(READERS),
    "learning:jp_employee": Route({"ani", "budi", "eka"}, args=lambda p: [p.nurse_employee.pk]),
    "learning:jp_targets": Route({"ani"}),
}
