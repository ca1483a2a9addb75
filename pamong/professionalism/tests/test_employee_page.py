"""The employee's own IP ASN page: the official result, its breakdown, and the steps that would raise it."""

import re

import pytest
import time_machine

pytestmark = pytest.mark.django_db


def text(response):  # type: ignore[no-untyped-def]
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@time_machine.travel("2026-12-31 10:00 +0700", tick=False)
def test_dodi_sees_his_official_90_tinggi_with_every_indicator(measured, login):
    page = text(login(measured.dodi).get("/ipasn/me/"))
    assert "Pengukuran 2026 per 31 Desember 2026 (Aturan bawaan (PermenPANRB 38/2018, Perban BKN 8/2019) (v1))" in page
    assert "90 Tinggi" in page
    assert "Kualifikasi 20 25" in page and "Kompetensi 40 40" in page and "Kinerja 25 30" in page
    assert "Diklat kepemimpinan sesuai jabatan: PKA (Diklatpim III) sudah 15 15" in page
    assert "Diklat teknis minimal 20 JP dalam 12 bulan terakhir 24 JP 15 15" in page
    assert "Predikat kinerja 2025 meraih predikat kinerja Sangat Baik: +5 Baik 25 30" in page


@time_machine.travel("2026-12-31 10:00 +0700", tick=False)
def test_citra_is_told_which_steps_would_raise_her_score_and_by_how_much(measured, login):
    page = text(login(measured.citra).get("/ipasn/me/"))
    assert "65 Rendah" in page
    steps = page[page.index("Langkah yang akan menaikkan IP ASN") :]
    assert "ikuti diklat teknis 8 JP lagi dalam 12 bulan (minimal 20 JP): +15" in steps
    assert "belum mengikuti seminar/workshop/magang/kursus dalam 24 bulan terakhir: +10" in steps
    assert "menyelesaikan pendidikan S-2: +5" in steps
    assert steps.index("diklat teknis") < steps.index("seminar") < steps.index("S-2")  # largest gain first


@time_machine.travel("2026-12-31 10:00 +0700", tick=False)
def test_missing_data_is_reported_as_missing_not_as_zero(measured, login):
    page = text(login(measured.budi).get(f"/ipasn/employees/{measured.nurse_employee.pk}/"))
    assert "Data tidak lengkap: predikat kinerja tahun lalu belum tercatat" in page
    assert "0 Sangat Rendah" not in page


def test_an_employee_cannot_see_anothers_result(measured, login):
    assert login(measured.citra).get(f"/ipasn/employees/{measured.dodi_employee.pk}/").status_code == 404
    assert login(measured.fajar).get(f"/ipasn/employees/{measured.dodi_employee.pk}/").status_code == 404
    assert login(measured.fajar).get(f"/ipasn/employees/{measured.citra_employee.pk}/").status_code == 200


def test_an_employee_without_a_measurement_still_sees_todays_estimate(histories, login):
    page = text(login(histories.dodi).get("/ipasn/me/"))
    assert "Belum ada pengukuran IP ASN yang mencakup pegawai ini." in page
    assert "Perkiraan bila diukur hari ini" in page
