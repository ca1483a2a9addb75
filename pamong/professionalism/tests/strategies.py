"""Hypothesis strategies for IP ASN facts (every vocabulary value, unknowns included)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from pamong.professionalism import ipasn

maybe_bool = st.one_of(st.none(), st.booleans())
jp = st.one_of(
    st.none(),
    st.decimals(min_value=Decimal(0), max_value=Decimal(200), places=2),
    st.sampled_from([Decimal(20), Decimal("19.99"), Decimal("20.00"), Decimal(0)]),
)


def known_facts():  # type: ignore[no-untyped-def]
    """Facts with every value known (scored unless excluded)."""
    return st.builds(
        ipasn.Facts,
        status=st.sampled_from(["pns", "pppk"]),
        position_type=st.sampled_from(ipasn.POSITION_TYPES),
        education_level=st.sampled_from(ipasn.EDUCATION_LEVELS),
        leadership_training_matches_position=st.booleans(),
        functional_training_matches_position=st.booleans(),
        technical_jp_last_year=st.decimals(min_value=Decimal(0), max_value=Decimal(200), places=2),
        seminar_last_2_years=st.booleans(),
        predikat_last_year=st.sampled_from(ipasn.PREDIKATS),
        sanction_level=st.sampled_from(ipasn.SANCTION_LEVELS),
    )


def any_facts():  # type: ignore[no-untyped-def]
    """Any facts, unknowns included."""
    return st.builds(
        ipasn.Facts,
        status=st.one_of(st.none(), st.sampled_from(ipasn.STATUSES)),
        position_type=st.one_of(st.none(), st.sampled_from(ipasn.POSITION_TYPES)),
        education_level=st.one_of(st.none(), st.sampled_from(ipasn.EDUCATION_LEVELS)),
        leadership_training_matches_position=maybe_bool,
        functional_training_matches_position=maybe_bool,
        technical_jp_last_year=jp,
        seminar_last_2_years=maybe_bool,
        predikat_last_year=st.one_of(st.none(), st.sampled_from(ipasn.PREDIKATS)),
        sanction_level=st.one_of(st.none(), st.sampled_from(ipasn.SANCTION_LEVELS)),
    )


points = st.integers(min_value=0, max_value=25)


@st.composite
def rule_documents(draw):  # type: ignore[no-untyped-def]
    """Valid rule documents with other points, windows, thresholds and the PPPK option."""
    from .helpers import document

    doc = document()
    for level in ipasn.EDUCATION_LEVELS:
        doc["education_points"][level] = draw(points)
    for rows in doc["competency"].values():
        for indicator, row in rows.items():
            row["points"] = draw(st.integers(min_value=0, max_value=40))
            if indicator == "technical":
                row["min_jp"] = draw(st.sampled_from([0, 10, 20, 24, "20.5"]))
    for p in ipasn.PREDIKATS:
        doc["predikat_points"][p] = draw(st.integers(min_value=0, max_value=30))
    for s in ipasn.SANCTION_LEVELS:
        doc["sanction_points"][s] = draw(st.integers(min_value=0, max_value=5))
    doc["include_pppk"] = draw(st.booleans())
    return doc
