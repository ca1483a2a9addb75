"""The data migration creates the default rule set of RULES.md §1 as version 1, exactly once."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from pamong.professionalism import ipasn
from pamong.professionalism.models import RuleSet

pytestmark = pytest.mark.django_db
migration = importlib.import_module("pamong.professionalism.migrations.0002_default_rule_set")


def test_the_migrated_database_holds_the_default_rule_set_as_version_1():
    rule_set = RuleSet.objects.get()
    assert (rule_set.version, rule_set.effective_from) == (1, dt.date(2019, 1, 1))
    assert rule_set.document == ipasn.DEFAULT_DOCUMENT, "the engine's default changed: add a data migration"
    assert rule_set.rules == ipasn.DEFAULT_RULES
    assert rule_set.digest == ipasn.document_digest(ipasn.DEFAULT_DOCUMENT)


def test_running_the_migration_again_adds_nothing_and_reverse_removes_an_unused_default():
    migration.create_default(apps, None)
    assert RuleSet.objects.count() == 1
    migration.remove_default(apps, None)
    assert RuleSet.objects.count() == 0
    migration.create_default(apps, None)
    assert RuleSet.objects.get().version == 1
