"""Participant feedback: stored without a link to the participant; summaries only from three answers."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from pamong.conftest import make_employee
from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.models import BatchStatus, FeedbackResponse, FeedbackSubmission
from pamong.people.models import Position, PositionType

from .helpers import batch, enrol

pytestmark = pytest.mark.django_db

RATINGS = {"content": 5, "facilitators": 4, "organisation": 3, "relevance": 5}


@pytest.fixture
def open_feedback(personas):
    b = batch(personas, status=BatchStatus.RUNNING)
    services.batch_toggle(actor=personas.gita, batch=b, what="feedback", open_=True)
    return b


def _participants(p, b, n):  # type: ignore[no-untyped-def]
    people = [enrol(p, b)]
    for i in range(n - 1):
        post = Position.objects.create(
            name=f"Kabid {i}", position_type=PositionType.ADMINISTRATOR, org_unit=p.regency.dinkes
        )
        emp = make_employee(p.regency.dinkes, name=f"Peserta {i}", nip=f"19810101200604100{i + 1}", position=post)
        people.append(enrol(p, b, emp))
    return people


def test_the_answer_carries_no_participant_and_no_time_of_day(personas, open_feedback):
    e = enrol(personas, open_feedback)
    with time_machine.travel(dt.datetime(2026, 11, 25, 15, 42, tzinfo=dt.UTC), tick=False):
        services.feedback_submit(actor=personas.dodi, enrolment=e, ratings=RATINGS, comments="Bagus")
    response = FeedbackResponse.objects.get()
    field_names = {f.name for f in FeedbackResponse._meta.get_fields()}
    assert field_names == {
        "id",
        "batch",
        "submitted_on",
        "content",
        "facilitators",
        "organisation",
        "relevance",
        "comments",
    }
    assert response.submitted_on == dt.date(2026, 11, 25)
    assert not isinstance(response.pk, int)  # a random UUID, not a sequence shared with the submission record
    submission = FeedbackSubmission.objects.get()
    assert {f.name for f in FeedbackSubmission._meta.get_fields()} == {"enrolment"}
    assert submission.pk == e.pk


def test_the_audit_entry_says_who_answered_but_not_what(personas, open_feedback):
    e = enrol(personas, open_feedback)
    services.feedback_submit(actor=personas.dodi, enrolment=e, ratings=RATINGS, comments="Rahasia")
    entry = AuditEntry.objects.get(action="learning.feedback.submitted")
    assert entry.changes == {}
    assert "Rahasia" not in str(entry.object_repr)


def test_a_participant_answers_once(personas, open_feedback):
    e = enrol(personas, open_feedback)
    services.feedback_submit(actor=personas.dodi, enrolment=e, ratings=RATINGS)
    with pytest.raises(ValidationError) as exc:
        services.feedback_submit(actor=personas.dodi, enrolment=e, ratings=RATINGS)
    assert exc.value.messages == ["Anda sudah mengisi umpan balik angkatan ini."]
    assert FeedbackResponse.objects.count() == 1


def test_feedback_must_be_opened_first(personas):
    b = batch(personas, status=BatchStatus.RUNNING)
    e = enrol(personas, b)
    with pytest.raises(ValidationError) as exc:
        services.feedback_submit(actor=personas.dodi, enrolment=e, ratings=RATINGS)
    assert exc.value.messages == ["Umpan balik belum dibuka untuk angkatan ini."]


def test_ratings_outside_one_to_five_are_refused(personas, open_feedback):
    e = enrol(personas, open_feedback)
    with pytest.raises(ValidationError):
        services.feedback_submit(actor=personas.dodi, enrolment=e, ratings={**RATINGS, "content": 6})
    assert not FeedbackSubmission.objects.exists()


def test_the_summary_is_hidden_below_three_answers(personas, open_feedback):
    people = _participants(personas, open_feedback, 2)
    for e in people:
        services.feedback_submit(actor=personas.ani, enrolment=e, ratings=RATINGS)
    summary = services.feedback_summary(open_feedback)
    assert (summary.count, summary.shown, summary.averages, summary.comments) == (2, False, {}, [])


def test_the_summary_shows_averages_and_comments_from_three_answers(personas, open_feedback):
    people = _participants(personas, open_feedback, 3)
    for e, (score, text) in zip(people, [(5, "Zaman berubah"), (4, ""), (3, "Aula panas")], strict=True):
        services.feedback_submit(actor=personas.ani, enrolment=e, ratings={**RATINGS, "content": score}, comments=text)
    summary = services.feedback_summary(open_feedback)
    assert summary.shown is True
    assert summary.averages["content"] == Decimal("4.00")
    assert summary.comments == ["Aula panas", "Zaman berubah"]
