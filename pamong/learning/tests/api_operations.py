"""Who may use each learning API operation (walked by pamong/people/tests/test_api_access.py once the
router is mounted in pamong/api.py; until then the operations are not in the schema, so none are declared)."""

from __future__ import annotations

from pamong.tests.access_matrix import ApiOp as Op

from .api_urls import mounted_in_project

EVERYONE = {"ani", "budi", "citra", "dodi", "eka", "fajar", "gita"}
STAFF = {"ani", "budi", "eka", "fajar", "gita"}


def _open(p):  # type: ignore[no-untyped-def]
    from .routes import _open as make

    if not hasattr(p, "_open_batch"):
        p._open_batch = make(p)
    return p._open_batch


def _running(p):  # type: ignore[no-untyped-def]
    from .routes import _enrolment

    if not hasattr(p, "_enrolment"):
        p._enrolment = _enrolment(p)
    return p._enrolment


def _nominee_body(p, who):  # type: ignore[no-untyped-def]
    """Ani nominates Dodi; Budi nominates another administrator of Dinas Kesehatan."""
    if who != "budi":
        return {"employee_id": p.dodi_employee.pk}
    from pamong.conftest import make_employee
    from pamong.people.models import Position, PositionType

    post = Position.objects.create(
        name="Sekretaris Dinas", position_type=PositionType.ADMINISTRATOR, org_unit=p.regency.dinkes
    )
    return {"employee_id": make_employee(p.regency.dinkes, name="Yanto", nip="198202022007041002", position=post).pk}


def _mark_body(p, who):  # type: ignore[no-untyped-def]
    e = _running(p)
    return {
        "enrolment_id": e.pk,
        "session_id": e.batch.sessions.first().pk,
        "present": True,
        "reason": f"dicatat {who}",
    }


ALL_OPERATIONS = {
    ("GET", "/api/v1/learning/programmes"): Op(EVERYONE, path=lambda p, who: "/api/v1/learning/programmes"),
    ("GET", "/api/v1/learning/programmes/{programme_id}"): Op(
        STAFF, path=lambda p, who: f"/api/v1/learning/programmes/{_open(p).programme_id}"
    ),
    ("GET", "/api/v1/learning/batches"): Op(EVERYONE, path=lambda p, who: "/api/v1/learning/batches"),
    ("GET", "/api/v1/learning/batches/{batch_id}"): Op(
        STAFF, path=lambda p, who: f"/api/v1/learning/batches/{_open(p).pk}"
    ),
    ("GET", "/api/v1/learning/batches/{batch_id}/enrolments"): Op(
        STAFF, path=lambda p, who: f"/api/v1/learning/batches/{_open(p).pk}/enrolments"
    ),
    ("POST", "/api/v1/learning/batches/{batch_id}/enrolments"): Op(
        {"ani", "budi"},
        ok=201,
        path=lambda p, who: f"/api/v1/learning/batches/{_open(p).pk}/enrolments",
        body=_nominee_body,
    ),
    ("GET", "/api/v1/learning/batches/{batch_id}/attendance"): Op(
        STAFF, path=lambda p, who: f"/api/v1/learning/batches/{_running(p).batch_id}/attendance"
    ),
    ("POST", "/api/v1/learning/batches/{batch_id}/attendance"): Op(
        {"ani", "gita"},
        path=lambda p, who: f"/api/v1/learning/batches/{_running(p).batch_id}/attendance",
        body=_mark_body,
    ),
    ("GET", "/api/v1/learning/batches/{batch_id}/results"): Op(
        STAFF, path=lambda p, who: f"/api/v1/learning/batches/{_running(p).batch_id}/results"
    ),
    ("GET", "/api/v1/learning/jp-ledger"): Op(EVERYONE, path=lambda p, who: "/api/v1/learning/jp-ledger"),
    ("GET", "/api/v1/learning/employees/{employee_id}/jp"): Op(
        {"ani", "budi", "eka"}, path=lambda p, who: f"/api/v1/learning/employees/{p.nurse_employee.pk}/jp"
    ),
}

OPERATIONS = ALL_OPERATIONS if mounted_in_project() else {}
