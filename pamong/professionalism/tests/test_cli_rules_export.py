"""``pamong ipasn rules --export`` prints the rule set in force, which ``compute --rules`` accepts back."""

import io
import json

import pytest
from django.core.management import call_command

from pamong.professionalism import ipasn

pytestmark = pytest.mark.django_db


def test_the_export_is_the_default_document_with_its_version(tmp_path):
    out = io.StringIO()
    call_command("ipasn", "rules", "--export", stdout=out)
    exported = json.loads(out.getvalue())
    assert exported["meta"]["version"] == 1
    assert exported["meta"]["effective_from"] == "2019-01-01"
    assert {k: v for k, v in exported.items() if k != "meta"} == ipasn.DEFAULT_DOCUMENT
    assert ipasn.parse_rules(exported) == ipasn.DEFAULT_RULES


def test_the_export_follows_the_as_of_date(personas):
    import datetime as dt

    from pamong.professionalism import services
    from pamong.professionalism.models import RuleSet

    newer = services.ruleset_copy(
        actor=personas.ani, rule_set=RuleSet.objects.get(version=1), effective_from=dt.date(2027, 1, 1)
    )
    doc = dict(newer.document, include_pppk=False)
    services.ruleset_update(actor=personas.ani, rule_set=newer, document=doc)
    out = io.StringIO()
    call_command("ipasn", "rules", "--export", "--as-of", "2027-02-01", stdout=out)
    assert json.loads(out.getvalue())["include_pppk"] is False
    out = io.StringIO()
    call_command("ipasn", "rules", "--export", "--as-of", "2026-12-31", stdout=out)
    assert json.loads(out.getvalue())["include_pppk"] is True
