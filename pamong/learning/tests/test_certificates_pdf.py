"""Certificates rendered to PDF and read back: text, layout size, and a QR code that verifies."""

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from pamong.learning import services
from pamong.learning.certificates import certificate_for_token, certificate_pdf, certificates_zip, verify_url

from .routes import _closed

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdf_qr_urls(pdf: bytes) -> list[str]:
    """Render page 1 to PNG with pdftoppm and decode every barcode on it with zxing-cpp."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "c.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "110", "-png", "-singlefile", str(source), str(Path(tmp) / "page")], check=True
        )
        return [r.text for r in zxingcpp.read_barcodes(Image.open(Path(tmp) / "page.png"))]


def pdf_page_size(pdf: bytes) -> str:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return next(line for line in info.splitlines() if line.startswith("Page size"))


def pdf_page_count(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def test_the_certificate_names_the_holder_programme_dates_jp_and_signatory(personas):
    certificate = _closed(personas).certificate
    text = pdf_text(certificate_pdf(certificate, "http://pamong.test"))
    for expected in [
        "SERTIFIKAT",
        f"Nomor: {certificate.number}",
        "Dodi Pratama",
        "NIP 198005102005011003",
        "Program Transformasi Personal Angkatan 1",
        "23 November 2026 sampai dengan 25 November 2026",
        "sebanyak 4 jam pelajaran (JP)",
        "Kepala Badan Kepegawaian Daerah",
        "Drs. Hendra Kusuma, M.Si.",
        "NIP 197203041998031005",
        "Badan Kepegawaian Daerah",
    ]:
        assert expected in " ".join(text.split()), expected


def test_the_certificate_is_a4_landscape(personas):
    pdf = certificate_pdf(_closed(personas).certificate)
    assert "841.89 x 595.276 pts (A4)" in pdf_page_size(pdf)


def test_the_qr_code_decodes_to_a_link_that_verifies_this_certificate(personas):
    certificate = _closed(personas).certificate
    urls = pdf_qr_urls(certificate_pdf(certificate, "http://pamong.test"))
    assert urls == [verify_url(certificate, "http://pamong.test")]
    token = urls[0].rstrip("/").rsplit("/", 1)[1]
    assert certificate_for_token(token) == certificate


def test_a_tampered_verification_token_finds_nothing(personas):
    certificate = _closed(personas).certificate
    token = verify_url(certificate).rstrip("/").rsplit("/", 1)[1]
    assert certificate_for_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None


def test_the_number_follows_the_programme_format(personas):
    certificate = _closed(personas).certificate
    assert certificate.number == "800/001/35.03.406/2026" or certificate.number.startswith("800/001/35.03.406/")


def test_the_batch_zip_holds_one_pdf_per_valid_certificate(personas):
    e = _closed(personas)
    data = certificates_zip([e.certificate])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == [f"sertifikat-800-001-35.03.406-{e.certificate.issued_on.year}-198005102005011003.pdf"]
        assert archive.read(names[0]).startswith(b"%PDF")


def test_the_zip_download_skips_revoked_certificates(personas, login):
    e = _closed(personas)
    client = login(personas.gita)
    response = client.get(f"/learning/batches/{e.batch_id}/certificates.zip")
    assert len(zipfile.ZipFile(io.BytesIO(response.content)).namelist()) == 1
    services.certificate_revoke(actor=personas.ani, certificate=e.certificate, reason="Data palsu")
    response = client.get(f"/learning/batches/{e.batch_id}/certificates.zip")
    assert zipfile.ZipFile(io.BytesIO(response.content)).namelist() == []


def test_a_batch_renders_one_single_page_pdf_per_certificate_in_order(personas):
    from pamong.conftest import make_employee
    from pamong.learning.certificates import certificate_pdfs
    from pamong.learning.models import Certificate
    from pamong.people.models import Position, PositionType

    from .helpers import attend_all, enrol

    e = _closed(personas)
    services.batch_reopen(actor=personas.ani, batch=e.batch, reason="peserta kedua")
    post = Position.objects.create(
        name="Kabid Y", position_type=PositionType.ADMINISTRATOR, org_unit=personas.regency.dinkes
    )
    rina = enrol(
        personas,
        e.batch,
        make_employee(personas.regency.dinkes, name="Rina Marlina", nip="198101012006042001", position=post),
    )
    attend_all(personas, rina)
    services.batch_close(actor=personas.ani, batch=e.batch)
    certificates = list(Certificate.objects.order_by("number"))
    pdfs = certificate_pdfs(certificates)
    assert [pdf_page_count(p) for p in pdfs] == [1, 1]
    assert all(pdf_page_size(p).endswith("(A4)") for p in pdfs)
    assert ["Dodi Pratama" in pdf_text(pdfs[0]), "Rina Marlina" in pdf_text(pdfs[1])] == [True, True]
