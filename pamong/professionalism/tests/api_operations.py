"""Who may use each IP ASN API operation (walked by pamong/people/tests/test_api_access.py once the
router is mounted in pamong/api.py; until then ``test_api_access.py`` here walks them on the test API)."""

from __future__ import annotations

from pamong.tests.access_matrix import ApiOp as Op

from .api_urls import mounted_in_project

EVERYONE = {"ani", "budi", "citra", "dodi", "eka", "fajar", "gita"}
RESULT_READERS = {"ani", "budi", "citra", "dodi", "eka", "fajar"}


def _measured(p):  # type: ignore[no-untyped-def]
    from .routes import _measured as measure

    return measure(p)


def _rule_set(p):  # type: ignore[no-untyped-def]
    from pamong.professionalism.models import RuleSet

    return RuleSet.objects.get(version=1).pk


def _editable(p, who):  # type: ignore[no-untyped-def]
    from .routes import _editable_rule_set

    return _editable_rule_set(p)[0]


ALL_OPERATIONS = {
    ("GET", "/api/v1/ipasn/me"): Op({"citra", "dodi", "eka"}, path=lambda p, who: "/api/v1/ipasn/me"),
    ("GET", "/api/v1/ipasn/employees/{employee_id}/results"): Op(
        {"ani", "budi", "eka"}, path=lambda p, who: f"/api/v1/ipasn/employees/{p.nurse_employee.pk}/results"
    ),
    ("GET", "/api/v1/ipasn/results"): Op(EVERYONE, path=lambda p, who: "/api/v1/ipasn/results"),
    ("GET", "/api/v1/ipasn/units/{unit_id}/aggregate"): Op(
        {"ani", "budi", "eka"}, path=lambda p, who: f"/api/v1/ipasn/units/{_measured(p).regency.dinkes.pk}/aggregate"
    ),
    ("GET", "/api/v1/ipasn/rule-sets"): Op(RESULT_READERS, path=lambda p, who: "/api/v1/ipasn/rule-sets"),
    ("GET", "/api/v1/ipasn/rule-sets/{rule_set_id}"): Op(
        RESULT_READERS, path=lambda p, who: f"/api/v1/ipasn/rule-sets/{_rule_set(p)}"
    ),
    ("POST", "/api/v1/ipasn/rule-sets/{rule_set_id}/copy"): Op(
        {"ani"}, ok=201, path=lambda p, who: f"/api/v1/ipasn/rule-sets/{_rule_set(p)}/copy", body=lambda p, who: {}
    ),
    ("PATCH", "/api/v1/ipasn/rule-sets/{rule_set_id}"): Op(
        {"ani"},
        path=lambda p, who: f"/api/v1/ipasn/rule-sets/{_editable(p, who)}",
        body=lambda p, who: {"note": f"oleh {who}"},
    ),
    ("GET", "/api/v1/ipasn/measurements"): Op({"ani"}, path=lambda p, who: "/api/v1/ipasn/measurements"),
    ("POST", "/api/v1/ipasn/measurements"): Op(
        {"ani"}, ok=202, path=lambda p, who: "/api/v1/ipasn/measurements", body=lambda p, who: {"year": 2025}
    ),
}

OPERATIONS = ALL_OPERATIONS if mounted_in_project() else {}
