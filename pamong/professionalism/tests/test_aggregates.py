"""Aggregates (RULES.md §1.4): the mean of the measured, each dimension's mean, and who was left out."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pamong.professionalism import ipasn

from .helpers import facts
from .strategies import any_facts

D = Decimal


def test_the_mean_counts_only_the_scored_and_states_who_was_left_out():
    scores = [
        ipasn.score(facts()),  # 90
        ipasn.score(facts(leadership_training_matches_position=False)),  # 75
        ipasn.score(facts(education_level=None)),  # incomplete
        ipasn.score(facts(status="cpns")),  # excluded
    ]
    agg = ipasn.aggregate(scores)
    assert (agg.scored, agg.incomplete, agg.excluded, agg.measured) == (2, 1, 1, 3)
    assert agg.mean_total == D("82.50") and agg.category == "tinggi"
    assert agg.means == {"kualifikasi": D(20), "kompetensi": D("32.50"), "kinerja": D(25), "disiplin": D(5)}
    assert agg.categories == {"sangat_tinggi": 0, "tinggi": 1, "sedang": 1, "rendah": 0, "sangat_rendah": 0}
    assert agg.lowest_dimension == "kualifikasi"  # 20 of 25 = 0.80 < kompetensi 32.5 of 40 = 0.8125


def test_a_mean_is_rounded_half_up_before_its_category():
    # Totals 80 and 80.01 → mean 80.005 → 80.01 → Tinggi (a plain cut would say 80.00, Sedang).
    rows = [
        ("scored", D(20), D(30), D(25), D(5), D(80), "sedang"),
        ("scored", D(20), D("30.01"), D(25), D(5), D("80.01"), "tinggi"),
    ]
    agg = ipasn.aggregate(rows)
    assert (agg.mean_total, agg.category) == (D("80.01"), "tinggi")


def test_nobody_scored_gives_no_mean_and_no_category():
    agg = ipasn.aggregate([ipasn.score(facts(status="cpns"))])
    assert (agg.mean_total, agg.category, agg.lowest_dimension, agg.excluded) == (None, "", "", 1)


@given(st.lists(any_facts(), max_size=30))
def test_the_dimension_means_add_up_to_the_mean_within_rounding(population):
    agg = ipasn.aggregate(ipasn.score(f) for f in population)
    if agg.mean_total is None:
        return
    assert abs(sum(agg.means.values()) - agg.mean_total) <= D("0.02")
