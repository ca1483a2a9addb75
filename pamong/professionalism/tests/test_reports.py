"""The recapitulation of a unit and of the regency: PDF rendered and read back, XLSX read back."""

import io
import subprocess

import openpyxl
import pytest

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
        .stdout.decode()
        .split()
    )


def test_the_regency_pdf_has_the_summary_the_opd_comparison_and_every_employee(measured, login):
    response = login(measured.ani).get(f"/ipasn/units/{measured.regency.root.pk}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "REKAPITULASI INDEKS PROFESIONALITAS ASN Kabupaten Contoh — Tahun 2026" in text
    assert "Tanggal pengukuran 31 Desember 2026" in text
    assert "Pegawai diukur 3 IP ASN rata-rata 85,00 (Tinggi)" in text
    assert "Kompetensi 31,67 40" in text
    assert "Perbandingan antar-OPD" in text
    assert "Dinas Pendidikan 1 0 15,00 15,00 30,00 5,00 65,00 Rendah" in text
    assert "No. NIP Nama Jabatan Unit Kualifikasi Kompetensi Kinerja Disiplin IP" in text
    # Long names and units wrap inside their cells, so the row is read back in two pieces.
    assert "198005102005011003 Dodi" in text and "20,00 40,00 25,00 5,00 90,00 Tinggi" in text
    assert "199802022025011002 Yanto Analis Dinas Kesehatan — — — — — Tidak diukur" in text
    assert "Data tidak lengkap: predikat kinerja Wahyuni tahun lalu belum tercatat" in text  # the name wraps


def test_a_unit_pdf_lists_only_that_units_employees(measured, login):
    text = pdf_text(login(measured.fajar).get(f"/ipasn/units/{measured.regency.dindik.pk}/report.pdf").content)
    assert "Citra Dewi" in text and "Dodi Pratama" not in text
    assert "Perbandingan sub-unit" in text and "Bidang Pembinaan SD 1 0" in text


def test_the_xlsx_has_summary_comparison_and_one_row_per_employee(measured, login):
    response = login(measured.eka).get(f"/ipasn/units/{measured.regency.root.pk}/report.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["ringkasan", "perbandingan", "pegawai"]
    summary = dict(book["ringkasan"].iter_rows(min_row=2, values_only=True))
    assert (summary["diukur"], summary["data_tidak_lengkap"], summary["tidak_diukur"]) == (3, 1, 1)
    assert summary["ipasn_rata_rata"] == 85 and summary["rata_rata_kompetensi"] == 31.67
    employees = list(book["pegawai"].iter_rows(values_only=True))
    assert employees[0] == (
        "no",
        "nip",
        "nama",
        "unit",
        "jabatan",
        "status",
        "kualifikasi",
        "kompetensi",
        "kinerja",
        "disiplin",
        "total",
        "kategori",
        "data_kurang",
    )
    dodi = next(r for r in employees if r[2] == "Dodi Pratama")
    assert dodi[1] == "198005102005011003"  # NIP as text
    assert dodi[6:12] == (20, 40, 25, 5, 90, "Tinggi")
    sri = next(r for r in employees if r[2] == "Sri Wahyuni")
    assert sri[10:] == (
        None,
        "Data tidak lengkap",
        "predikat kinerja tahun lalu belum tercatat; lengkapi riwayat kinerja (SKP)",
    )
    assert len(employees) == 6


def test_a_report_outside_ones_scope_is_not_found(measured, login):
    assert login(measured.budi).get(f"/ipasn/units/{measured.regency.root.pk}/report.pdf").status_code == 404
    assert login(measured.citra).get(f"/ipasn/units/{measured.regency.dindik.pk}/report.xlsx").status_code == 404
