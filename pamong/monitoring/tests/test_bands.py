"""Bands at their edges: round to a whole percent half-up, then band (RULES.md §5)."""

from decimal import Decimal as D

import pytest

from pamong.monitoring.achievement import Band, band_for


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (D("250"), Band.SANGAT_TINGGI),  # above 100 stays in the top band
        (D("100"), Band.SANGAT_TINGGI),
        (D("91"), Band.SANGAT_TINGGI),
        (D("90.5"), Band.SANGAT_TINGGI),  # 90.5 → 91
        (D("90.49"), Band.TINGGI),  # 90.49 → 90
        (D("90"), Band.TINGGI),
        (D("76"), Band.TINGGI),
        (D("75.5"), Band.TINGGI),  # 75.5 → 76
        (D("75.49"), Band.SEDANG),
        (D("66"), Band.SEDANG),
        (D("65.5"), Band.SEDANG),  # 65.5 → 66
        (D("65.4"), Band.RENDAH),  # 65.4 → 65
        (D("51"), Band.RENDAH),
        (D("50.5"), Band.RENDAH),  # 50.5 → 51
        (D("50.4"), Band.SANGAT_RENDAH),  # 50.4 → 50
        (D("50"), Band.SANGAT_RENDAH),
        (D("0"), Band.SANGAT_RENDAH),
    ],
)
def test_band_edges(percent, band):
    assert band_for(percent) == band


def test_band_is_taken_from_the_exact_percent_not_a_two_decimal_display():
    # 90.495 shows as 90,50 but is 90 as a whole percent.
    assert band_for(D("90.495")) == Band.TINGGI
