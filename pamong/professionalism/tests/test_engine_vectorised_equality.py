"""The polars implementation gives exactly the per-employee engine's results, row for row."""

import datetime as dt

import polars as pl
import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from pamong.professionalism import ipasn
from pamong.professionalism.ipasn_polars import facts_frame, score_frame, score_rows, score_tuple
from pamong.professionalism.services import gather_facts

from .strategies import any_facts, rule_documents


def both(facts_list, rules):  # type: ignore[no-untyped-def]
    vectorised = score_rows(score_frame(facts_frame(facts_list).lazy(), rules).collect())
    one_by_one = [score_tuple(ipasn.score(f, rules)) for f in facts_list]
    return vectorised, one_by_one


@settings(max_examples=60, deadline=None)
@given(facts_list=st.lists(any_facts(), min_size=1, max_size=40), doc=rule_documents())
def test_hypothesis_employees_score_the_same_both_ways(facts_list, doc):
    vectorised, one_by_one = both(facts_list, ipasn.parse_rules(doc))
    assert vectorised == one_by_one


@pytest.mark.django_db
def test_a_generated_regency_scores_the_same_both_ways():
    call_command("demo", "--employees", "300", "--today", "2026-11-28", "--password", "x-demo-12345", verbosity=0)
    gathered = gather_facts(as_of=dt.date(2026, 11, 28), rules=ipasn.DEFAULT_RULES)
    facts_list = [f for _p, f in gathered]
    assert len(facts_list) >= 250
    vectorised, one_by_one = both(facts_list, ipasn.DEFAULT_RULES)
    assert vectorised == one_by_one
    states = {row[0] for row in one_by_one}
    assert states == {"scored", "excluded"} or states == {"scored", "excluded", "incomplete"}
    assert len({row[6] for row in one_by_one}) >= 3  # a spread of categories, not one


def test_an_empty_population_gives_an_empty_frame():
    frame = score_frame(facts_frame([]).lazy(), ipasn.DEFAULT_RULES).collect()
    assert frame.height == 0 and "category" in frame.columns
    assert isinstance(frame, pl.DataFrame)
