"""A workshop participant's whole journey on a phone, from invitation to a certificate a visitor verifies."""

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from pamong.conftest import PASSWORD
from pamong.learning import services
from pamong.learning.models import Batch, BatchStatus, Certificate
from pamong.tests.e2e.conftest import ARTIFACTS

from ..helpers import batch, programme, question_bank
from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Nama pengguna atau email").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Beranda")).to_be_visible()


def _decode(png: bytes) -> str:
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(found) == 1, found
    return found[0].text


def _qr_of_pdf(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "c.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", f"{tmp}/c.pdf", f"{tmp}/page"], check=True)
        return _decode((Path(tmp) / "page.png").read_bytes())


def _answer(page, label: str) -> None:
    """Pick the option called ``label`` in every question, then send."""
    for option in page.get_by_label(label, exact=True).all():
        option.check()
    page.get_by_role("button", name="Kirim jawaban").click()


def test_an_administrator_goes_from_invitation_to_a_verified_then_revoked_certificate(
    page, browser, live_server, personas, shot, csp_violations
):
    base = live_server.url
    prog = programme(personas)
    question_bank(
        personas, prog, n=4
    )  # single, multiple, true/false, single: "Benar" right in the single and true/false ones
    b = batch(personas, prog, sessions=1, status=BatchStatus.OPEN)
    services.enrolment_create(actor=personas.budi, batch=b, employee=personas.dodi_employee)

    # Dodi sees the invitation on his phone and confirms.
    page.set_viewport_size(PHONE)
    _log_in(page, base, "dodi")
    page.goto(f"{base}/learning/me/")
    invitation = page.get_by_test_id("invitation")
    expect(invitation).to_contain_text("Program Transformasi Personal · Angkatan 1")
    invitation.get_by_role("button", name="Konfirmasi hadir").click()
    expect(page.get_by_test_id("enrolment-status")).to_have_text("Terkonfirmasi")

    # The batch starts; the facilitator shows the session's QR code on her screen.
    services.batch_start(actor=personas.ani, batch=Batch.objects.get(pk=b.pk))
    facilitator = browser.new_context(viewport=DESKTOP, locale="id-ID")
    gita = facilitator.new_page()
    _log_in(gita, base, "gita")
    gita.goto(f"{base}/learning/sessions/{b.sessions.first().pk}/qr/")
    checkin_url = _decode(gita.get_by_test_id("checkin-qr").screenshot())
    assert checkin_url.startswith(f"{base}/learning/checkin/")

    # Dodi scans it and checks in.
    page.goto(checkin_url)
    page.get_by_role("button", name="Saya hadir").click()
    expect(page.get_by_test_id("checkin-result")).to_have_text("Anda tercatat hadir. Terima kasih!")
    gita.reload()
    expect(gita.get_by_text("1 peserta hadir")).to_be_visible()
    facilitator.close()

    # Pre-test: the single and true/false questions answered wrong, the multiple one left blank.
    services.batch_toggle(actor=personas.gita, batch=Batch.objects.get(pk=b.pk), what="pre", open_=True)
    page.get_by_role("link", name="Lihat pembelajaran saya").click()
    page.get_by_role("link", name="Kerjakan Pre-test").click()
    expect(page.locator("fieldset")).to_have_count(4)
    _answer(page, "Salah")
    expect(page.get_by_test_id("score-pre")).to_have_text("Nilai 0,00")

    # Post-test: every right answer.
    services.batch_toggle(actor=personas.gita, batch=Batch.objects.get(pk=b.pk), what="post", open_=True)
    page.reload()
    page.get_by_role("link", name="Kerjakan Post-test").click()
    for option in page.get_by_label("Benar", exact=True).all():
        option.check()
    page.get_by_label("A", exact=True).check()
    page.get_by_label("B", exact=True).check()
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_test_id("score-post")).to_have_text("Nilai 100,00")

    # Feedback.
    services.batch_toggle(actor=personas.gita, batch=Batch.objects.get(pk=b.pk), what="feedback", open_=True)
    page.reload()
    page.get_by_role("link", name="Isi umpan balik").click()
    for name in ("content", "facilitators", "organisation", "relevance"):
        page.locator(f"input[name={name}][value='5']").check()
    page.get_by_label("Saran dan komentar").fill("Sangat bermanfaat untuk pelayanan.")
    page.get_by_role("button", name="Kirim umpan balik").click()
    expect(page.get_by_text("Sudah diisi. Terima kasih!")).to_be_visible()
    expect(page.get_by_test_id("completion")).to_have_text("Semua syarat kelulusan sudah terpenuhi.")

    # The BKD closes the batch; Dodi downloads his certificate.
    services.batch_close(actor=personas.ani, batch=Batch.objects.get(pk=b.pk))
    page.reload()
    expect(page.get_by_test_id("completion")).to_have_text("Anda lulus angkatan ini.")
    shot("learning-participant-phone")
    with page.expect_download() as download:
        page.get_by_test_id("certificate-link").click()
    pdf = Path(download.value.path()).read_bytes()
    verify_url = _qr_of_pdf(pdf)
    assert verify_url.startswith(f"{base}/learning/verify/")

    # A visitor without an account scans the certificate's QR code.
    visiting = browser.new_context(viewport=PHONE, locale="id-ID")
    visitor = visiting.new_page()
    visitor.goto(verify_url)
    expect(visitor.get_by_test_id("verify-status")).to_contain_text("SAH")
    expect(visitor.get_by_test_id("verify-name")).to_have_text("Dodi Pratama")
    ARTIFACTS.mkdir(exist_ok=True)
    visitor.screenshot(path=str(ARTIFACTS / "learning-verify-valid-phone.png"), full_page=True)

    # The certificate is revoked; the same link now says so.
    services.certificate_revoke(actor=personas.ani, certificate=Certificate.objects.get(), reason="Uji pencabutan")
    visitor.reload()
    expect(visitor.get_by_test_id("verify-status")).to_contain_text("DICABUT")
    visitor.screenshot(path=str(ARTIFACTS / "learning-verify-revoked-phone.png"), full_page=True)
    visiting.close()
    assert csp_violations == []
