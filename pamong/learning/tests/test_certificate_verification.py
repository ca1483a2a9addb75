"""The public verification page and revocation with a reason."""

import pytest
from django.core.exceptions import ValidationError

from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.certificates import verify_url
from pamong.people.models import TrainingRecord

from .routes import _closed

pytestmark = pytest.mark.django_db


def _path(certificate) -> str:  # type: ignore[no-untyped-def]
    return verify_url(certificate, "http://testserver").removeprefix("http://testserver")


def test_a_visitor_without_log_in_sees_a_valid_certificate_with_name_programme_and_date_only(personas, client):
    certificate = _closed(personas).certificate
    page = client.get(_path(certificate)).content.decode()
    assert "SAH" in page and "Dodi Pratama" in page and "Program Transformasi Personal Angkatan 1" in page
    assert certificate.issued_on.strftime("%Y") in page
    assert "198005102005011003" not in page  # no NIP
    assert "Bidang Pelayanan Kesehatan" not in page  # no unit
    assert certificate.number not in page


def test_a_revoked_certificate_says_so_on_the_public_page(personas, client):
    certificate = _closed(personas).certificate
    services.certificate_revoke(actor=personas.ani, certificate=certificate, reason="Peserta tidak hadir sebenarnya")
    page = client.get(_path(certificate)).content.decode()
    assert "DICABUT" in page and "SAH —" not in page
    assert "Peserta tidak hadir sebenarnya" not in page  # the reason stays internal


def test_an_unknown_token_is_a_404_with_a_message(client, db):
    response = client.get("/learning/verify/palsu/")
    assert response.status_code == 404
    assert "Sertifikat tidak dikenal" in response.content.decode()


def test_revocation_needs_a_reason_and_happens_once(personas):
    certificate = _closed(personas).certificate
    with pytest.raises(ValidationError):
        services.certificate_revoke(actor=personas.ani, certificate=certificate, reason="")
    services.certificate_revoke(actor=personas.ani, certificate=certificate, reason="Salah terbit")
    with pytest.raises(ValidationError) as exc:
        services.certificate_revoke(actor=personas.ani, certificate=certificate, reason="Lagi")
    assert exc.value.messages == ["Sertifikat ini sudah dicabut."]


def test_revocation_removes_the_jp_it_evidenced_and_is_audited(personas):
    e = _closed(personas)
    assert TrainingRecord.objects.filter(employee=e.employee).count() == 1
    services.certificate_revoke(actor=personas.ani, certificate=e.certificate, reason="Salah terbit")
    assert TrainingRecord.objects.filter(employee=e.employee).count() == 0
    entry = AuditEntry.objects.get(action="learning.certificate.revoked")
    assert entry.changes["reason"] == [None, "Salah terbit"]


def test_the_bkd_admin_revokes_through_the_page(personas, login):
    e = _closed(personas)
    client = login(personas.ani)
    response = client.post(f"/learning/certificates/{e.certificate.pk}/revoke/", {"reason": "Salah terbit"})
    assert response.status_code == 302
    e.certificate.refresh_from_db()
    assert (e.certificate.is_valid, e.certificate.revoked_by) == (False, personas.ani)


def test_a_facilitator_cannot_revoke(personas, login):
    e = _closed(personas)
    response = login(personas.gita).post(f"/learning/certificates/{e.certificate.pk}/revoke/", {"reason": "x"})
    assert response.status_code == 404
    e.certificate.refresh_from_db()
    assert e.certificate.is_valid
