"""An employee's facts from their histories: windows, the leadership mapping, technical kinds, sanctions."""

import datetime as dt
from decimal import Decimal

import pytest

from pamong.professionalism import ipasn
from pamong.professionalism.ipasn import SanctionItem, TrainingItem

AS_OF = dt.date(2026, 12, 31)


def facts(position="administrator", trainings=(), sanctions=(), education=("S1",), predikat=None, **kw):  # type: ignore[no-untyped-def]
    return ipasn.facts_from_history(
        status="pns",
        position_type=position,
        education_levels=education,
        trainings=trainings,
        predikat_by_year=predikat if predikat is not None else {2025: "baik"},
        sanctions=sanctions,
        as_of=kw.get("as_of", AS_OF),
        rules=ipasn.DEFAULT_RULES,
    )


def t(kind, end, jp="8", level="", ctype=""):  # type: ignore[no-untyped-def]
    return TrainingItem(kind, end, Decimal(jp), level, ctype)


@pytest.mark.parametrize(
    ("position", "level", "matches"),
    [
        ("jpt_utama", "pkn_i", True),
        ("jpt_madya", "pkn_i", True),
        ("jpt_madya", "pkn_ii", False),
        ("jpt_pratama", "pkn_ii", True),
        ("jpt_pratama", "pka", False),
        ("administrator", "pka", True),
        ("administrator", "pkp", False),
        ("administrator", "pkn_ii", True),  # a higher level also counts [design]
        ("pengawas", "pkp", True),
    ],
)
def test_leadership_training_must_match_the_level_of_the_position(position, level, matches):
    found = facts(position, [t("diklat_struktural", dt.date(2015, 5, 1), "300", level=level)])
    assert found.leadership_training_matches_position is matches


def test_the_highest_education_counts_and_none_is_unknown():
    assert facts(education=("SLTA", "S2", "S1")).education_level == "S2"
    assert facts(education=()).education_level is None


def test_technical_jp_sums_technical_records_that_ended_in_the_last_12_months():
    trainings = [
        t("diklat_teknis", dt.date(2026, 1, 1), "8"),  # first day of the window
        t("bimbingan_teknis", dt.date(2026, 6, 1), "12.5"),
        t("diklat_teknis", dt.date(2025, 12, 31), "40"),  # a day too early
        t("pelatihan_manajerial", dt.date(2026, 3, 1), "10", ctype="technical"),  # technical by competency
        t("pelatihan_manajerial", dt.date(2026, 3, 2), "10", ctype="managerial"),  # not technical
        t("workshop", dt.date(2026, 3, 1), "24", ctype="technical"),  # a seminar kind, never technical JP
        t("diklat_teknis", dt.date(2027, 1, 5), "30"),  # after the measurement date
    ]
    assert facts(trainings=trainings).technical_jp_last_year == Decimal("30.5")


def test_no_training_at_all_is_zero_jp_not_missing():
    found = facts(trainings=[])
    assert (found.technical_jp_last_year, found.seminar_last_2_years) == (Decimal(0), False)


def test_a_seminar_counts_for_two_years():
    assert facts(trainings=[t("seminar", dt.date(2025, 1, 1))]).seminar_last_2_years is True
    assert facts(trainings=[t("kursus", dt.date(2024, 12, 31))]).seminar_last_2_years is False


def test_any_functional_training_counts_for_a_fungsional_and_is_not_asked_of_others():
    assert facts("fungsional", [t("diklat_fungsional", dt.date(2010, 1, 1))]).functional_training_matches_position
    assert facts("fungsional", []).functional_training_matches_position is False
    assert (
        facts("pelaksana", [t("diklat_fungsional", dt.date(2010, 1, 1))]).functional_training_matches_position is None
    )


def test_the_predikat_is_last_years():
    assert facts(predikat={2026: "sangat_baik", 2025: "kurang"}).predikat_last_year == "kurang"
    assert facts(predikat={2026: "sangat_baik"}).predikat_last_year is None


@pytest.mark.parametrize(
    ("sanctions", "level"),
    [
        ([], "none"),
        ([SanctionItem("berat", dt.date(2023, 1, 1), dt.date(2025, 12, 31))], "none"),  # ended before the year
        ([SanctionItem("sedang", dt.date(2025, 6, 1), dt.date(2026, 5, 31))], "sedang"),  # overlaps the year
        ([SanctionItem("ringan", dt.date(2026, 3, 1), None)], "ringan"),  # one-off in the year
        (
            [SanctionItem("ringan", dt.date(2026, 3, 1), None), SanctionItem("berat", dt.date(2026, 4, 1), None)],
            "berat",
        ),
    ],
)
def test_the_heaviest_sanction_overlapping_the_measurement_year_counts(sanctions, level):
    assert facts(sanctions=sanctions).sanction_level == level


def test_without_a_position_only_the_position_is_missing():
    found = facts(position=None, trainings=[t("diklat_teknis", dt.date(2026, 5, 1), "20")])
    assert found.position_type is None and found.technical_jp_last_year == Decimal(20)
    assert ipasn.score(found).missing == ("position_type",)


def test_window_start_handles_month_ends():
    assert ipasn.window_start(dt.date(2026, 12, 31), 12) == dt.date(2026, 1, 1)
    assert ipasn.window_start(dt.date(2024, 2, 29), 12) == dt.date(2023, 3, 1)
    assert ipasn.add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
