"""Certificate PDFs, their verification link and the batch's ZIP.

The QR code on a certificate encodes ``<site>/learning/verify/<token>/``; the token is
``Signer(salt=VERIFY_SALT).sign_object(certificate id)``: anyone may read it, nobody can make
one for another certificate without the site's secret. The public page shows only valid /
revoked, the name, the programme and the date.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

import segno
from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse

from pamong.core.formatting import date_id, number_id
from pamong.core.pdf import render_pdf

from .models import Certificate

VERIFY_SALT = "pamong.learning.certificate"


def verify_token(certificate: Certificate) -> str:
    """Stable for a certificate (no time stamp): the printed link never changes."""
    return signing.Signer(salt=VERIFY_SALT).sign_object(certificate.pk)


def certificate_for_token(token: str) -> Certificate | None:
    try:
        pk = signing.Signer(salt=VERIFY_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(pk, int):
        return None
    return Certificate.objects.filter(pk=pk).first()


def verify_url(certificate: Certificate, base_url: str | None = None) -> str:
    """Absolute link to the public verification page; ``base_url`` is the request's origin when
    there is one, else ``PAMONG_SITE_URL``."""
    base = (base_url or settings.SITE_URL).rstrip("/")
    return base + reverse("learning:certificate_verify", args=[verify_token(certificate)])


def qr_svg(url: str, scale: int = 3) -> str:
    """An inline SVG QR code (no style attributes, so it passes the CSP and WeasyPrint reads it).

    The mask pattern is fixed: every mask gives a valid code, and scoring all eight to pick the
    "best" took a fifth of a certificate's rendering time."""
    return segno.make(url, error="m", mask=4, micro=False).svg_inline(scale=scale, border=2)


def certificate_context(certificate: Certificate, base_url: str | None = None) -> dict[str, object]:
    url = verify_url(certificate, base_url)
    return {
        "c": certificate,
        "regency_name": settings.REGENCY_NAME,
        "place": settings.REGENCY_NAME.removeprefix("Kabupaten ").strip(),
        "issued_on": date_id(certificate.issued_on),
        "start": date_id(certificate.start_date),
        "end": date_id(certificate.end_date),
        "jp": number_id(certificate.hours_jp, 0 if certificate.hours_jp == int(certificate.hours_jp) else 2),
        "verify_url": url,
        "qr": qr_svg(url),
    }


TEMPLATE = "learning/certificate_pdf.html"


def certificate_pdf(certificate: Certificate, base_url: str | None = None) -> bytes:
    return render_pdf(TEMPLATE, {"sheets": [certificate_context(certificate, base_url)]})


def certificate_pdfs(certificates: Iterable[Certificate], base_url: str | None = None) -> list[bytes]:
    """One PDF per certificate, laid out as one document and split by page: the stylesheet,
    fonts and emblem are loaded once, which makes a batch about twice as fast as one by one."""
    from weasyprint import HTML

    # The same static-only URL fetcher as pamong.core.pdf.render_pdf (no network, no file paths).
    from pamong.core.pdf import static_url_fetcher

    sheets = [certificate_context(c, base_url) for c in certificates]
    if not sheets:
        return []
    html = render_to_string(TEMPLATE, {"sheets": sheets})
    document = HTML(string=html, url_fetcher=static_url_fetcher(), base_url="static:").render()
    if len(document.pages) != len(sheets):  # a certificate must never spill onto a second page
        raise RuntimeError(f"{len(sheets)} certificates laid out on {len(document.pages)} pages")
    return [document.copy([page]).write_pdf() for page in document.pages]


def file_name(certificate: Certificate) -> str:
    safe = re.sub(r"[^0-9A-Za-z.-]+", "-", certificate.number).strip("-")
    return f"sertifikat-{safe}-{certificate.holder_nip}.pdf"


def certificates_zip(certificates: Iterable[Certificate], base_url: str | None = None) -> bytes:
    """One PDF per certificate in a ZIP (PDFs are already compressed: stored, not deflated)."""
    buffer = io.BytesIO()
    certificates = list(certificates)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate, pdf in zip(certificates, certificate_pdfs(certificates, base_url), strict=True):
            archive.writestr(file_name(certificate), pdf)
    return buffer.getvalue()
