"""Invariants of the IP ASN engine for any employee (hypothesis): bounds and monotonicity."""

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pamong.professionalism import ipasn

from .strategies import any_facts, known_facts, rule_documents

MAX = ipasn.DEFAULT_RULES.dimension_max


@given(facts=any_facts(), doc=rule_documents())
def test_every_dimension_stays_between_zero_and_its_maximum_and_the_total_at_most_100(facts, doc):
    rules = ipasn.parse_rules(doc)
    result = ipasn.score(facts, rules)
    if result.state != "scored":
        assert result.total is None
        return
    for dimension in ipasn.DIMENSIONS:
        assert Decimal(0) <= result.dimension(dimension) <= rules.dimension_max[dimension]
    assert Decimal(0) <= result.total <= Decimal(100)
    assert result.total == sum(result.dimension(d) for d in ipasn.DIMENSIONS)


@given(facts=known_facts(), extra=st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2))
def test_more_technical_training_never_lowers_the_score(facts, extra):
    more = replace(facts, technical_jp_last_year=facts.technical_jp_last_year + extra)
    assert ipasn.score(more).total >= ipasn.score(facts).total


@given(facts=known_facts(), which=st.sampled_from(["leadership", "functional", "seminar"]))
def test_completing_a_training_never_lowers_the_score(facts, which):
    more = replace(facts, **{ipasn.INDICATOR_FACT[which]: True})
    assert ipasn.score(more).total >= ipasn.score(facts).total


@given(facts=known_facts(), level=st.sampled_from(ipasn.EDUCATION_LEVELS))
def test_a_better_education_never_lowers_the_score(facts, level):
    if ipasn.EDUCATION_LEVELS.index(level) < ipasn.EDUCATION_LEVELS.index(facts.education_level):
        facts, level = replace(facts, education_level=level), facts.education_level
    assert ipasn.score(replace(facts, education_level=level)).total >= ipasn.score(facts).total


@given(facts=known_facts())
def test_every_step_raises_the_total_by_exactly_its_gain(facts):
    result = ipasn.score(facts)
    for step in result.steps:
        if step.key in ("technical",):
            changed = replace(facts, technical_jp_last_year=facts.technical_jp_last_year + step.shortfall)
        elif step.key in ipasn.INDICATOR_FACT:
            changed = replace(facts, **{ipasn.INDICATOR_FACT[step.key]: True})
        elif step.key == "education":
            changed = replace(facts, education_level=step.target)
        elif step.key == "performance":
            changed = replace(facts, predikat_last_year=step.target)
        else:
            changed = replace(facts, sanction_level="none")
        assert ipasn.score(changed).total == result.total + step.gain


@given(facts=any_facts())
def test_missing_data_is_never_scored(facts):
    result = ipasn.score(facts)
    if result.state == "incomplete":
        assert result.missing and result.total is None and result.category == "incomplete"
        assert all(getattr(facts, m) is None for m in result.missing)
