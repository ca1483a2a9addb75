"""Real cases of RULES.md §1, one row each: points per dimension, total, category."""

from decimal import Decimal

import pytest

from pamong.professionalism import ipasn

from .helpers import facts, rules

D = Decimal
CASES = [
    # (case, facts, (kualifikasi, kompetensi, kinerja, disiplin), total, category)
    ("the worked example of RULES §1.5", facts(), (20, 40, 25, 5), 90, "tinggi"),
    (
        "an administrator without Diklatpim III",
        facts(leadership_training_matches_position=False),
        (20, 25, 25, 5),
        75,
        "sedang",
    ),
    (
        "a pelaksana with SLTA, 20 JP and a seminar",
        facts(
            position_type="pelaksana",
            education_level="SLTA",
            leadership_training_matches_position=None,
            technical_jp_last_year=D(20),
        ),
        (5, 40, 25, 5),
        75,
        "sedang",
    ),
    (
        "a pelaksana with 19.99 JP and no seminar",
        facts(
            position_type="pelaksana",
            education_level="D3",
            leadership_training_matches_position=None,
            technical_jp_last_year=D("19.99"),
            seminar_last_2_years=False,
        ),
        (10, 0, 25, 5),
        40,
        "sangat_rendah",
    ),
    (
        "a fungsional teacher with functional training, S-1, Sangat Baik",
        facts(
            position_type="fungsional",
            education_level="S1",
            leadership_training_matches_position=None,
            functional_training_matches_position=True,
            predikat_last_year="sangat_baik",
        ),
        (15, 40, 30, 5),
        90,
        "tinggi",
    ),
    (
        "a JPT with S-3, everything done, Sangat Baik",
        facts(position_type="jpt", education_level="S3", predikat_last_year="sangat_baik"),
        (25, 40, 30, 5),
        100,
        "sangat_tinggi",
    ),
    (
        "a pengawas with SLTP, a heavy sanction and Sangat Kurang",
        facts(
            position_type="pengawas",
            education_level="SLTP",
            predikat_last_year="sangat_kurang",
            sanction_level="berat",
        ),
        (1, 40, 5, 1),
        47,
        "sangat_rendah",
    ),
    ("a light sanction", facts(sanction_level="ringan"), (20, 40, 25, 3), 88, "tinggi"),
    ("a moderate sanction", facts(sanction_level="sedang"), (20, 40, 25, 2), 87, "tinggi"),
    ("Butuh Perbaikan", facts(predikat_last_year="butuh_perbaikan"), (20, 40, 20, 5), 85, "tinggi"),
    ("Kurang", facts(predikat_last_year="kurang"), (20, 40, 15, 5), 80, "sedang"),
    ("a D-IV counts as S-1", facts(education_level="D4"), (15, 40, 25, 5), 85, "tinggi"),
    ("D-I and D-II count as SLTA", facts(education_level="D2"), (5, 40, 25, 5), 75, "sedang"),
    ("SD counts as SLTP", facts(education_level="SD"), (1, 40, 25, 5), 71, "sedang"),
    ("a PPPK is measured by default", facts(status="pppk"), (20, 40, 25, 5), 90, "tinggi"),
]


@pytest.mark.parametrize(("case", "given", "dims", "total", "category"), CASES, ids=[c[0] for c in CASES])
def test_each_case_scores_its_points_total_and_category(case, given, dims, total, category):
    result = ipasn.score(given)
    assert result.state == "scored"
    assert (result.kualifikasi, result.kompetensi, result.kinerja, result.disiplin) == tuple(D(d) for d in dims)
    assert result.total == D(total)
    assert result.category == category


def test_a_cpns_is_excluded_with_blank_numbers():
    result = ipasn.score(facts(status="cpns"))
    assert (result.state, result.category, result.total, result.missing) == ("excluded", "excluded", None, ())


def test_pppk_are_left_out_when_the_rule_set_says_so():
    result = ipasn.score(facts(status="pppk"), rules(include_pppk=False))
    assert (result.state, result.category, result.total) == ("excluded", "excluded", None)
    assert ipasn.score(facts(status="pns"), rules(include_pppk=False)).total == D(90)


@pytest.mark.parametrize(
    ("total", "category"),
    [
        ("100", "sangat_tinggi"),
        ("90.01", "sangat_tinggi"),
        ("90.005", "sangat_tinggi"),  # rounds half-up to 90.01
        ("90.00", "tinggi"),
        ("90.004", "tinggi"),  # rounds to 90.00
        ("80.01", "tinggi"),
        ("80.005", "tinggi"),
        ("80.004", "sedang"),
        ("80.00", "sedang"),
        ("70.01", "sedang"),
        ("70.00", "rendah"),
        ("60.01", "rendah"),
        ("60.00", "sangat_rendah"),
        ("0", "sangat_rendah"),
    ],
)
def test_category_edges_after_rounding_half_up_to_two_decimals(total, category):
    assert ipasn.category_for(D(total)) == category


def test_competency_is_capped_at_forty_even_when_the_rows_add_up_to_more():
    generous = rules(**{"competency.administrator.seminar.points": 20})
    result = ipasn.score(facts(), generous)
    assert result.kompetensi == D(40)
    assert result.total == D(90)
    without_leadership = ipasn.score(facts(leadership_training_matches_position=False), generous)
    assert without_leadership.kompetensi == D(35)
    # Earning the missing row would add only up to the cap: 35 + 15 → 40, a gain of 5.
    step = next(s for s in without_leadership.steps if s.key == "leadership")
    assert step.gain == D(5)


def test_the_steps_say_what_would_raise_the_score_and_by_how_much():
    result = ipasn.score(
        facts(leadership_training_matches_position=False, technical_jp_last_year=D(12), seminar_last_2_years=False)
    )
    steps = {s.key: (s.gain, s.target, s.shortfall) for s in result.steps}
    assert steps == {
        "leadership": (D(15), "", None),
        "technical": (D(15), "", D(8)),
        "seminar": (D(10), "", None),
        "education": (D(5), "S3", None),
        "performance": (D(5), "sangat_baik", None),
    }
    assert [s.key for s in result.steps][:2] == ["leadership", "technical"]  # largest gain first


def test_the_education_step_skips_levels_worth_no_more_points():
    steps = {s.key: s for s in ipasn.score(facts(education_level="D4")).steps}
    assert (steps["education"].target, steps["education"].gain) == ("S2", D(5))
