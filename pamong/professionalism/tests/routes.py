"""Who may use each IP ASN page (walked by pamong/tests/test_route_access.py)."""

from __future__ import annotations

from pamong.tests.access_matrix import READERS, Route

# Anyone with an employee record (citra, dodi, eka) or a reading scope sees results; gita has neither.
RESULT_READERS = READERS | {"citra", "dodi"}


def _measured(p):  # type: ignore[no-untyped-def]
    """One measurement of 2026 with the personas' employees (no histories: results are incomplete)."""
    import datetime as dt

    from pamong.professionalism.models import Measurement
    from pamong.professionalism.services import measurement_run

    if not Measurement.objects.exists():
        measurement_run(actor=p.ani, year=2026, as_of=dt.date(2026, 12, 31))
    return p


def _editable_rule_set(p):  # type: ignore[no-untyped-def]
    from pamong.professionalism.models import RuleSet
    from pamong.professionalism.services import ruleset_copy

    return [ruleset_copy(actor=p.ani, rule_set=RuleSet.objects.get(version=1)).pk]


def _default_rule_set(p):  # type: ignore[no-untyped-def]
    from pamong.professionalism.models import RuleSet

    return [RuleSet.objects.get(version=1).pk]


ROUTES = {
    "ipasn:overview": Route(READERS),
    "ipasn:me": Route({"citra", "dodi", "eka"}),
    # The nurse at Puskesmas Kota (Dinas Kesehatan): the BKD, Dinas Kesehatan's operator, the Sekda.
    "ipasn:employee": Route({"ani", "budi", "eka"}, args=lambda p: [p.nurse_employee.pk]),
    "ipasn:unit": Route({"ani", "budi", "eka"}, args=lambda p: [_measured(p).regency.dinkes.pk]),
    "ipasn:unit_target": Route({"ani", "budi"}, args=lambda p: [p.regency.dinkes.pk]),
    "ipasn:unit_report_pdf": Route({"ani", "eka", "fajar"}, args=lambda p: [_measured(p).regency.dindik.pk]),
    "ipasn:unit_report_xlsx": Route({"ani", "budi", "eka"}, args=lambda p: [_measured(p).regency.puskesmas.pk]),
    "ipasn:simulate": Route(READERS),
    "ipasn:measurements": Route({"ani"}),
    "ipasn:rules": Route(RESULT_READERS),
    "ipasn:rule_detail": Route(RESULT_READERS, args=_default_rule_set),
    "ipasn:rule_copy": Route({"ani"}, args=_default_rule_set),
    "ipasn:rule_edit": Route({"ani"}, args=_editable_rule_set),
}
