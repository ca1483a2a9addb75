"""The rule-set document is validated by a pure schema function that names every problem by its path."""

import pytest

from pamong.people import reference
from pamong.professionalism import ipasn

from .helpers import document


def errors_of(doc):  # type: ignore[no-untyped-def]
    with pytest.raises(ipasn.RulesError) as caught:
        ipasn.parse_rules(doc)
    return {e.path: e.text() for e in caught.value.errors}


def test_the_default_document_is_valid_and_holds_the_rules_md_tables():
    rules = ipasn.parse_rules(ipasn.DEFAULT_DOCUMENT)
    assert [str(rules.education_points[lv]) for lv in ipasn.EDUCATION_LEVELS] == [
        "1.00",
        "1.00",
        "5.00",
        "5.00",
        "5.00",
        "10.00",
        "15.00",
        "15.00",
        "20.00",
        "25.00",
    ]
    assert [(r.indicator, str(r.points), r.window_months) for r in rules.competency["pelaksana"]] == [
        ("technical", "25.00", 12),
        ("seminar", "15.00", 24),
    ]
    assert rules.leadership_levels["administrator"][0] == "pka"
    assert rules.leadership_levels["jpt_pratama"][0] == "pkn_ii"
    assert rules.leadership_levels["jpt_madya"] == ("pkn_i",)
    assert rules.include_pppk is True


def test_the_engine_vocabulary_matches_the_people_reference_tables():
    assert ipasn.EDUCATION_LEVELS == reference.EDUCATION_LEVELS
    assert set(ipasn.TRAINING_KINDS) == set(reference.TRAINING_KINDS)


def test_unknown_and_missing_keys_are_named():
    doc = document()
    doc["bonus"] = 1
    del doc["sanction_window"]
    with pytest.raises(ipasn.RulesError) as caught:
        ipasn.parse_rules(doc)
    texts = [e.text() for e in caught.value.errors]
    assert "bonus: kunci tidak dikenal." in texts
    assert "sanction_window: wajib ada." in texts


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("education_points.S3", -1, "education_points.S3: tidak boleh negatif."),
        ("education_points.S3", 30, "education_points.S3: melebihi poin maksimum dimensinya (25.00)."),
        ("education_points.S2", "dua puluh", "education_points.S2: harus berupa angka."),
        ("education_points.S2", 20.555, "education_points.S2: paling banyak 2 angka desimal, di bawah 1.000.000."),
        ("predikat_points.baik", 31, "predikat_points.baik: melebihi poin maksimum dimensinya (30.00)."),
        (
            "competency.pelaksana.technical.window_months",
            0,
            "competency.pelaksana.technical.window_months: harus bilangan bulat 1–120.",
        ),
        ("include_pppk", "ya", "include_pppk: harus true atau false."),
        ("technical_kinds", ["diklat_teknis", "rapat"], "technical_kinds: nilai 'rapat' tidak dikenal."),
    ],
)
def test_bad_values_are_reported_with_their_path(path, value, message):
    assert message in errors_of(document(**{path: value})).values()


def test_a_leadership_row_is_refused_for_a_pelaksana():
    doc = document()
    doc["competency"]["pelaksana"]["leadership"] = {"points": 10}
    assert errors_of(doc)["competency.pelaksana.leadership"] == "competency.pelaksana.leadership: kunci tidak dikenal."


def test_category_thresholds_must_fall():
    doc = document()
    doc["categories"][2]["above"] = 85
    assert "categories.2.above" in errors_of(doc)


def test_maxima_may_not_add_up_to_more_than_100():
    assert "dimension_max" in errors_of(document(**{"dimension_max.disiplin": 10}))


def test_a_seminar_kind_cannot_also_be_a_technical_kind():
    errors = errors_of(document(technical_kinds=["diklat_teknis", "workshop"]))
    assert "workshop" in errors["seminar_kinds"]


def test_meta_is_ignored_and_the_digest_does_not_depend_on_it():
    with_meta = {"meta": {"version": 7}, **document()}
    assert ipasn.parse_rules(with_meta) == ipasn.DEFAULT_RULES
    assert ipasn.document_digest(with_meta) == ipasn.document_digest(ipasn.DEFAULT_DOCUMENT)
