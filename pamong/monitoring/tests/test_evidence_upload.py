"""Evidence files: type by content (magic bytes), size limit, random names under MEDIA_ROOT, attachment downloads."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pamong.monitoring import services
from pamong.monitoring.models import Evidence

from .factories import FAKE_EXE, TINY_PDF, upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_real_small_pdf_is_accepted_and_stored_under_a_random_name(plan, personas, enter, media_root):
    evidence = services.evidence_add(
        actor=personas.dodi, realisation=enter(1, 20, 1), upload=upload("SPJ TW I.pdf", TINY_PDF)
    )
    stored = Path(media_root) / "monev" / "evidence" / evidence.stored_name
    assert stored.read_bytes() == TINY_PDF
    assert (evidence.original_name, evidence.content_type, evidence.size) == (
        "SPJ TW I.pdf",
        "application/pdf",
        len(TINY_PDF),
    )
    assert (
        evidence.stored_name.endswith(".pdf") and "SPJ" not in evidence.stored_name and len(evidence.stored_name) == 44
    )


def test_an_exe_renamed_to_pdf_is_refused_and_nothing_is_stored(plan, personas, enter, media_root):
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(actor=personas.dodi, realisation=enter(1, 20, 1), upload=upload("laporan.pdf", FAKE_EXE))
    assert caught.value.message_dict == {"file": ["Jenis berkas tidak diterima: unggah PDF, JPG atau PNG."]}
    assert not Evidence.objects.exists()
    folder = Path(media_root) / "monev" / "evidence"
    assert not folder.exists() or not any(folder.iterdir())


def test_a_photo_is_accepted_whatever_its_name_says(plan, personas, enter):
    evidence = services.evidence_add(actor=personas.dodi, realisation=enter(1, 20, 1), upload=upload("foto.pdf", PNG))
    assert (evidence.content_type, evidence.stored_name[-4:]) == ("image/png", ".png")


def test_a_file_over_the_size_limit_is_refused(plan, personas, enter, settings):
    settings.MONEV_EVIDENCE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as caught:
        services.evidence_add(actor=personas.dodi, realisation=enter(1, 20, 1), upload=upload("besar.pdf", TINY_PDF))
    assert caught.value.message_dict == {"file": ["Berkas terlalu besar (paling besar 0 MB)."]}


def test_evidence_cannot_be_added_once_submitted(plan, personas, enter):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    with pytest.raises(ValidationError):
        services.evidence_add(actor=personas.dodi, realisation=report, upload=upload("a.pdf", TINY_PDF))


def test_the_download_is_an_attachment_with_nosniff_for_readers_only(plan, personas, enter, login):
    evidence = services.evidence_add(
        actor=personas.dodi, realisation=enter(1, 20, 1), upload=upload("<script>.pdf", TINY_PDF)
    )
    response = login(personas.eka).get(reverse("monev_evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == TINY_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert login(personas.fajar).get(reverse("monev_evidence", args=[evidence.pk])).status_code == 404
    assert login(personas.citra).get(reverse("monev_evidence", args=[evidence.pk])).status_code == 404


def test_the_upload_page_refuses_an_exe_with_a_message(plan, personas, enter, login):
    report = enter(1, 20, 1)
    client = login(personas.dodi)
    response = client.post(
        reverse("monev_evidence_upload", args=[report.pk]), {"file": upload("laporan.pdf", FAKE_EXE)}, follow=True
    )
    assert "Jenis berkas tidak diterima: unggah PDF, JPG atau PNG." in response.content.decode()
    assert not Evidence.objects.exists()
    client.post(reverse("monev_evidence_upload", args=[report.pk]), {"file": upload("spj.pdf", TINY_PDF)})
    assert Evidence.objects.get().original_name == "spj.pdf"


def test_deleting_evidence_removes_the_row_and_then_the_file(
    plan, personas, enter, login, media_root, django_capture_on_commit_callbacks
):
    evidence = services.evidence_add(actor=personas.dodi, realisation=enter(1, 20, 1), upload=upload("a.pdf", TINY_PDF))
    path = Path(media_root) / "monev" / "evidence" / evidence.stored_name
    client = login(personas.dodi)
    assert client.get(reverse("monev_evidence_delete", args=[evidence.pk])).status_code == 200
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("monev_evidence_delete", args=[evidence.pk]))
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not path.exists()
