"""Pembelajaran saya: invitations, confirmation, tests, feedback, what is missing, certificates, JP progress."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from pamong.learning import services
from pamong.learning.models import BatchStatus, Enrolment, FeedbackResponse, TestAttempt
from pamong.people.models import TrainingRecord

from .helpers import batch, programme, question_bank
from .routes import _closed, _enrolment

pytestmark = pytest.mark.django_db


def test_an_invited_employee_sees_the_invitation_and_confirms(personas, login):
    b = batch(personas, status=BatchStatus.OPEN)
    e = services.enrolment_create(actor=personas.budi, batch=b, employee=personas.dodi_employee)
    client = login(personas.dodi)
    page = client.get("/learning/me/").content.decode()
    assert "Undangan" in page and "Konfirmasi hadir" in page
    client.post(f"/learning/me/enrolments/{e.pk}/respond/", {"answer": "confirm"})
    assert Enrolment.objects.get(pk=e.pk).status == "confirmed"


def test_the_page_shows_progress_toward_the_year_target(personas, login):
    TrainingRecord.objects.create(
        employee=personas.dodi_employee,
        kind="seminar",
        name="Seminar",
        start_date=dt.date.today().replace(month=1, day=10),
        end_date=dt.date.today().replace(month=1, day=10),
        hours_jp=Decimal("5"),
    )
    page = login(personas.dodi).get("/learning/me/").content.decode()
    assert "5.00 / 20 JP" in page or "5,00 / 20 JP" in page
    assert 'data-width="25"' in page
    assert "Kurang" in page


def test_an_employee_without_a_record_gets_a_clear_message(personas, login):
    page = login(personas.gita).get("/learning/me/").content.decode()
    assert "belum terhubung dengan data pegawai" in page


def test_the_enrolment_page_lists_what_is_still_missing(personas, login):
    e = _enrolment(personas)
    page = login(personas.dodi).get(f"/learning/me/enrolments/{e.pk}/").content.decode()
    assert "Kehadiran: 0 dari 2 sesi yang disyaratkan." in page


def test_someone_else_cannot_open_my_enrolment(personas, login):
    e = _enrolment(personas)
    assert login(personas.citra).get(f"/learning/me/enrolments/{e.pk}/").status_code == 404


def test_taking_a_test_shows_the_questions_and_scores_the_submission(personas, login):
    prog = programme(personas)
    question_bank(personas, prog, n=3)
    b = batch(personas, prog, status=BatchStatus.OPEN)
    e = services.enrolment_create(actor=personas.ani, batch=b, employee=personas.dodi_employee)
    services.enrolment_respond(actor=personas.dodi, enrolment=e, accept=True)
    services.batch_toggle(actor=personas.gita, batch=b, what="pre", open_=True)
    client = login(personas.dodi)
    page = client.get(f"/learning/me/enrolments/{e.pk}/test/pre/").content.decode()
    assert page.count("<fieldset") == 3
    assert 'data-countdown="1200"' in page or 'data-countdown="1199"' in page
    attempt = TestAttempt.objects.get()
    from pamong.learning.models import Choice

    data = {"attempt": attempt.pk}
    for qid, _choices in attempt.layout:
        data[f"q{qid}"] = list(Choice.objects.filter(question_id=qid, is_correct=True).values_list("pk", flat=True))
    response = client.post(f"/learning/me/enrolments/{e.pk}/test/pre/", data, follow=True)
    assert (
        "Nilai Anda 100.00 (3 dari 3 benar)" in response.content.decode()
        or "Nilai Anda 100,00 (3 dari 3 benar)" in response.content.decode()
    )


def test_a_second_attempt_is_refused_with_a_message(personas, login):
    e = _enrolment(personas, tests=True)
    client = login(personas.dodi)
    client.get(f"/learning/me/enrolments/{e.pk}/test/pre/")
    attempt = TestAttempt.objects.get()
    client.post(f"/learning/me/enrolments/{e.pk}/test/pre/", {"attempt": attempt.pk})
    response = client.get(f"/learning/me/enrolments/{e.pk}/test/pre/", follow=True)
    assert "Anda sudah mengerjakan Pre-test" in response.content.decode()


def test_feedback_is_given_on_the_page_and_stored_anonymously(personas, login):
    e = _enrolment(personas, tests=True)
    client = login(personas.dodi)
    data = {"content": "5", "facilitators": "4", "organisation": "4", "relevance": "5", "comments": "Mantap"}
    response = client.post(f"/learning/me/enrolments/{e.pk}/feedback/", data)
    assert response.status_code == 302
    assert FeedbackResponse.objects.get().comments == "Mantap"
    again = client.get(f"/learning/me/enrolments/{e.pk}/feedback/", follow=True).content.decode()
    assert "sudah mengisi umpan balik" in again


def test_after_closing_the_participant_downloads_the_certificate(personas, login):
    e = _closed(personas)
    client = login(personas.dodi)
    page = client.get(f"/learning/me/enrolments/{e.pk}/").content.decode()
    assert "Anda lulus angkatan ini." in page
    link = re.search(r'href="(/learning/certificates/\d+/)"', page).group(1)
    response = client.get(link)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_list_page_of_a_participant_is_light_on_queries(personas, login, django_assert_max_num_queries):
    _closed(personas)
    client = login(personas.dodi)
    with django_assert_max_num_queries(25):
        client.get("/learning/me/")
