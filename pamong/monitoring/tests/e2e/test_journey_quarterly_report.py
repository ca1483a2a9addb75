"""Browser journey: an administrator enters a quarter with evidence and submits it; the planning staff
return it with a note; it is corrected, submitted again and verified. Real Chromium, live server.

The journey runs on the real date (a browser drops cookies that a travelled server clock dates in the
past), so it uses the running quarter of the current year."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pamong.conftest import PASSWORD
from pamong.monitoring.models import Evidence, Realisation, Status
from pamong.monitoring.periods import quarter_of
from pamong.tests.e2e.conftest import DESKTOP, PHONE

from ..factories import TINY_PDF, build_plan

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clock():
    """No time travel here: see the module docstring."""
    return None


def log_in(page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Nama pengguna atau email").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()


def test_a_quarter_is_entered_returned_corrected_and_verified(
    page, live_server, personas, shot, csp_violations, tmp_path
):
    year, quarter = quarter_of(timezone.localdate())
    plan = build_plan(personas, year=year)
    base = live_server.url
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[quarter]

    # Dodi, the responsible administrator, finds his sub-activity and enters the quarter (on a phone).
    page.set_viewport_size(PHONE)
    log_in(page, base, "dodi")
    page.goto(f"{base}/monev/?year={year}")
    expect(page.get_by_role("heading", name="Tanggung jawab saya")).to_be_visible()
    page.get_by_role("link", name="1.02.02.2.02.0001 Pengelolaan Pelayanan Kesehatan Dasar").click()
    page.get_by_role("link", name="Isi realisasi").last.click()  # the running quarter is the last one open
    expect(page.get_by_role("heading", name=f"Realisasi triwulan {roman} {year}")).to_be_visible()
    page.get_by_label("Jumlah dokumen perencanaan (dokumen)").fill("20")
    page.get_by_label("Realisasi anggaran triwulan ini (Rp)").fill("125.000.000")
    page.get_by_label("Faktor pendorong").fill("Dukungan kepala puskesmas")
    page.get_by_label("Faktor penghambat").fill("Jaringan internet di puskesmas terpencil")
    page.get_by_label("Tindak lanjut triwulan berikutnya").fill("Pendampingan operator")
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.locator("#status")).to_have_text("Draf")

    # Evidence: an SPJ scan as PDF.
    page.get_by_role("link", name="Ubah").click()
    evidence = tmp_path / "SPJ TW.pdf"
    evidence.write_bytes(TINY_PDF)
    page.get_by_label("Bukti dukung (PDF, JPG, PNG; paling besar 10 MB)").set_input_files(str(evidence))
    page.get_by_role("button", name="Unggah").click()
    expect(page.get_by_role("link", name="SPJ TW.pdf")).to_be_visible()
    page.get_by_role("button", name="Simpan dan ajukan").click()
    expect(page.locator("#status")).to_have_text("Diajukan")
    shot("monev-dodi-submitted-phone")

    # Budi, the OPD's planning staff, returns it with a note.
    page.set_viewport_size(DESKTOP)
    log_in(page, base, "budi")
    page.goto(f"{base}/monev/verification/")
    page.get_by_role("link", name="1.02.02.2.02.0001 Pengelolaan Pelayanan Kesehatan Dasar").click()
    page.get_by_role("link", name="Kembalikan dengan catatan").click()
    page.get_by_label("Catatan: apa yang perlu diperbaiki").fill("Volume tidak sesuai SPJ: seharusnya 25 dokumen.")
    page.get_by_role("button", name="Kembalikan").click()
    expect(page.locator("#status")).to_have_text("Dikembalikan")

    # Dodi sees the note, corrects the volume and submits again.
    page.set_viewport_size(PHONE)
    log_in(page, base, "dodi")
    page.goto(f"{base}/monev/items/{plan.sub_activity.pk}/quarters/{quarter}/")
    expect(page.get_by_text("Volume tidak sesuai SPJ: seharusnya 25 dokumen.")).to_be_visible()
    page.get_by_label("Jumlah dokumen perencanaan (dokumen)").fill("25")
    page.get_by_role("button", name="Simpan dan ajukan").click()
    expect(page.locator("#status")).to_have_text("Diajukan")
    # He may not verify his own report: the button is not there.
    expect(page.get_by_role("button", name="Verifikasi")).to_have_count(0)

    # Budi verifies.
    page.set_viewport_size(DESKTOP)
    log_in(page, base, "budi")
    report = Realisation.objects.get(plan_item=plan.sub_activity, quarter=quarter)
    page.goto(f"{base}/monev/realisations/{report.pk}/")
    page.get_by_role("button", name="Verifikasi").click()
    expect(page.locator("#status")).to_have_text("Terverifikasi")
    shot("monev-budi-verified-desktop")
    page.goto(f"{base}/monev/opd/{personas.regency.dinkes.pk}/?year={year}&quarter={quarter}")
    expect(page.locator(".monev-tree").get_by_text("Jumlah dokumen perencanaan")).to_be_visible()
    shot("monev-opd-tree-desktop")

    report.refresh_from_db()
    assert (report.status, report.values.get().value, report.reviewed_by) == (Status.VERIFIED, 25, personas.budi)
    assert Evidence.objects.get(realisation=report).original_name == "SPJ TW.pdf"
    assert csp_violations == []
