"""The facilitator's QR page (refreshed by htmx) and the participant's check-in page."""

import re

import pytest

from pamong.learning import services
from pamong.learning.models import Attendance

from .routes import _enrolment

pytestmark = pytest.mark.django_db


def _qr_url(html: str) -> str:
    return re.search(r'data-url="([^"]+)"', html).group(1)


def test_the_qr_page_polls_for_a_new_code_every_minute(personas, login):
    session = _enrolment(personas).batch.sessions.first()
    html = login(personas.gita).get(f"/learning/sessions/{session.pk}/qr/").content.decode()
    assert f'hx-get="/learning/sessions/{session.pk}/qr/code/"' in html
    assert 'hx-trigger="every 60s"' in html
    assert "<svg" in html and "style=" not in html


def test_the_code_partial_carries_a_check_in_link_for_this_session(personas, login):
    session = _enrolment(personas).batch.sessions.first()
    response = login(personas.gita).get(f"/learning/sessions/{session.pk}/qr/code/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert _qr_url(html).startswith(f"http://testserver/learning/checkin/{session.pk}/")


def test_a_participant_opens_the_scanned_link_and_confirms_attendance(personas, login):
    session = _enrolment(personas).batch.sessions.first()
    url = _qr_url(login(personas.gita).get(f"/learning/sessions/{session.pk}/qr/").content.decode())
    client = login(personas.dodi)
    page = client.get(url).content.decode()
    assert "Saya hadir" in page
    done = client.post(url).content.decode()
    assert "Anda tercatat hadir" in done
    assert (
        Attendance.objects.filter(session=session, enrolment__employee=personas.dodi_employee, method="qr").count() == 1
    )


def test_someone_not_enrolled_sees_why_and_nothing_about_the_batch(personas, login):
    session = _enrolment(personas).batch.sessions.first()
    code = services.checkin_code(session)
    page = login(personas.citra).get(f"/learning/checkin/{session.pk}/{code}/").content.decode()
    assert "Anda tidak terdaftar sebagai peserta angkatan ini." in page
    assert session.topic not in page
    assert "Saya hadir" not in page


def test_a_forged_code_is_refused_on_the_page(personas, login):
    session = _enrolment(personas).batch.sessions.first()
    page = login(personas.dodi).post(f"/learning/checkin/{session.pk}/palsu:123:abc/").content.decode()
    assert "Kode QR tidak sah" in page
    assert not Attendance.objects.exists()


def test_a_facilitator_marks_attendance_by_hand_on_the_page(personas, login):
    e = _enrolment(personas)
    session = e.batch.sessions.first()
    client = login(personas.gita)
    response = client.post(
        f"/learning/sessions/{session.pk}/attendance/", {"enrolment": e.pk, "present": "1", "reason": "Ponsel rusak"}
    )
    assert response.status_code == 302
    assert Attendance.objects.get().reason == "Ponsel rusak"


def test_another_facilitator_cannot_run_a_batch_not_assigned_to_them(personas, login):
    from pamong.accounts.models import Role, RoleAssignment, User

    other = User.objects.create_user("hana", "hana@contoh.go.id", "x")
    RoleAssignment.objects.create(user=other, role=Role.FACILITATOR, org_unit=personas.regency.bkd)
    session = _enrolment(personas).batch.sessions.first()
    assert login(other).get(f"/learning/sessions/{session.pk}/qr/").status_code == 404
