"""The Renja evaluation form as PDF (A4 landscape) and XLSX, and the leaders' summary PDF, read back."""

import datetime as dt
import subprocess

import pytest
from django.urls import reverse

from pamong.monitoring import services

from .conftest import JAKARTA


@pytest.fixture
def reported(plan, personas, enter, clock):
    """TW I and II of the sub-activity verified (20 + 30 of 100; 100 + 150 of 500 million), with narratives."""
    for quarter, day, volume, spent in ((1, (2026, 4, 5), 20, 100_000_000), (2, (2026, 7, 5), 30, 150_000_000)):
        clock.move_to(dt.datetime(*day, 9, 0, tzinfo=JAKARTA))
        report = services.realisation_save(
            actor=personas.dodi,
            item=plan.sub_activity,
            quarter=quarter,
            values={plan.output.pk: volume},
            data={
                "budget_spent": spent,
                "drivers": "Dukungan kepala puskesmas",
                "obstacles": "Keterlambatan pencairan",
                "follow_up": "Percepatan pengadaan",
            },
        )
        services.realisation_submit(actor=personas.dodi, realisation=report)
        services.realisation_verify(actor=personas.budi, realisation=report)
    return plan


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text in reading order, with every run of whitespace as one space (table cells wrap)."""
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def pdf_page_size(content: bytes, tmp_path) -> str:
    path = tmp_path / "size.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return next(line for line in info.splitlines() if line.startswith("Page size:"))


def test_the_renja_pdf_is_a4_landscape_with_the_indicator_and_its_achievement(reported, personas, login, tmp_path):
    response = login(personas.eka).get(
        reverse("monev_renja_pdf", args=[personas.regency.dinkes.pk]), {"year": 2026, "quarter": 2}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="evaluasi-renja-dinas-kesehatan-2026-tw2.pdf"'
    text = pdf_text(response.content, tmp_path)
    assert "Jumlah dokumen perencanaan" in text
    assert "50,00" in text  # 20 + 30 of 100
    assert "250.000.000" in text and "DINAS KESEHATAN" in text
    assert "Keterlambatan pencairan" in text
    assert "841.89 x 595.27" in pdf_page_size(response.content, tmp_path)  # A4 landscape: wider than high


def test_the_renja_xlsx_has_the_form_columns_and_the_figures(reported, personas, login, tmp_path):
    from python_calamine import CalamineWorkbook

    response = login(personas.budi).get(
        reverse("monev_renja_xlsx", args=[personas.regency.dinkes.pk]), {"year": 2026, "quarter": 2}
    )
    path = tmp_path / "renja.xlsx"
    path.write_bytes(response.content)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    assert rows[0][0] == "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"
    assert rows[4][3] == "Indikator Kinerja" and rows[4][19] == "Tingkat capaian (%)"
    output = next(r for r in rows if r[3] == "Jumlah dokumen perencanaan")
    assert (output[1], output[7], output[8], output[9], output[10], output[11], output[12]) == (
        "1.02.02.2.02.0001",
        100.0,
        500_000_000.0,
        20.0,
        100_000_000.0,
        30.0,
        150_000_000.0,
    )
    assert (output[17], output[18], output[19], output[20], output[24]) == (
        50.0,
        250_000_000.0,
        50.0,
        50.0,
        "Sangat Rendah",
    )
    average = next(r for r in rows if r[2] == "Rata-rata capaian kinerja (%)")
    assert average[3] == 50.0


def test_the_leaders_summary_pdf_lists_the_opd_and_the_warnings(reported, personas, login, tmp_path):
    from pamong.monitoring.early_warning import warnings_run

    warnings_run(day=dt.date(2026, 7, 1))
    response = login(personas.eka).get(reverse("monev_summary_pdf"), {"year": 2026, "quarter": 2})
    text = pdf_text(response.content, tmp_path)
    assert "Ringkasan Monev Program dan Kegiatan" in text
    assert "Dinas Kesehatan" in text and "50,00" in text
    assert "Angka partisipasi murni SD" in text  # not reported: a warning


def test_an_official_who_reads_only_own_items_cannot_download_the_opd_form(reported, personas, login):
    assert login(personas.dodi).get(reverse("monev_renja_pdf", args=[personas.regency.dinkes.pk])).status_code == 404
