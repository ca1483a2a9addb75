"""Pre- and post-tests: shuffled, timed, scored, one attempt each unless the facilitator allows another."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from pamong.learning import services
from pamong.learning.models import BatchStatus, Choice

from .helpers import batch, correct_answers, enrol, programme, question_bank

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def ready(personas):
    prog = programme(personas)
    question_bank(personas, prog, n=4)
    b = batch(personas, prog, status=BatchStatus.RUNNING)
    services.batch_toggle(actor=personas.gita, batch=b, what="pre", open_=True)
    e = enrol(personas, b)
    e.batch.refresh_from_db()
    return b, e


def test_a_test_must_be_opened_by_the_facilitator(personas, ready):
    _b, e = ready
    with pytest.raises(ValidationError) as exc:
        services.attempt_start(actor=personas.dodi, enrolment=e, kind="post")
    assert exc.value.messages[0] == "Post-test belum dibuka oleh fasilitator."


def test_an_attempt_holds_every_active_question_in_a_shuffled_order(personas, ready):
    _b, e = ready
    orders = set()
    for _ in range(6):
        attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
        orders.add(tuple(q for q, _c in attempt.layout))
        attempt.delete()
    assert all(len(order) == 4 for order in orders)
    assert len(orders) > 1  # 6 draws of 24 orders: the same order every time has odds 1 in 24^5


def test_a_submitted_attempt_is_scored(personas, ready):
    _b, e = ready
    attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    attempt = services.attempt_submit(actor=personas.dodi, attempt=attempt, answers=correct_answers(attempt, 3))
    assert (attempt.correct, attempt.total, attempt.score) == (3, 4, Decimal("75.00"))


def test_choosing_an_option_of_another_question_does_not_score(personas, ready):
    _b, e = ready
    attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    stranger = Choice.objects.exclude(question_id=attempt.layout[0][0]).filter(is_correct=True).first()
    attempt = services.attempt_submit(
        actor=personas.dodi, attempt=attempt, answers={str(attempt.layout[0][0]): [stranger.pk]}
    )
    assert attempt.correct == 0


def test_one_attempt_only_unless_the_facilitator_allows_another(personas, ready):
    _b, e = ready
    attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    services.attempt_submit(actor=personas.dodi, attempt=attempt, answers={})
    with pytest.raises(ValidationError) as exc:
        services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    assert "Anda sudah mengerjakan Pre-test" in exc.value.messages[0]
    services.enrolment_allow_retake(actor=personas.gita, enrolment=e, kind="pre")
    second = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    assert second.number == 2


def test_starting_again_resumes_the_running_attempt(personas, ready):
    _b, e = ready
    first = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    assert services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre").pk == first.pk


def test_an_attempt_submitted_long_after_the_deadline_counts_no_answers(personas, ready):
    _b, e = ready
    with time_machine.travel(NOW, tick=False):
        attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    with time_machine.travel(NOW + dt.timedelta(minutes=22), tick=False):
        attempt = services.attempt_submit(actor=personas.dodi, attempt=attempt, answers=correct_answers(attempt))
    assert (attempt.late, attempt.score) == (True, Decimal("0.00"))


def test_an_attempt_submitted_within_the_grace_minute_counts(personas, ready):
    _b, e = ready
    with time_machine.travel(NOW, tick=False):
        attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    with time_machine.travel(NOW + dt.timedelta(minutes=20, seconds=30), tick=False):
        attempt = services.attempt_submit(actor=personas.dodi, attempt=attempt, answers=correct_answers(attempt))
    assert (attempt.late, attempt.score) == (False, Decimal("100.00"))


def test_an_abandoned_attempt_is_closed_when_the_participant_returns(personas, ready):
    _b, e = ready
    with time_machine.travel(NOW, tick=False):
        attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False), pytest.raises(ValidationError):
        services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.late


def test_submitting_twice_is_refused(personas, ready):
    _b, e = ready
    attempt = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    services.attempt_submit(actor=personas.dodi, attempt=attempt, answers={})
    with pytest.raises(ValidationError):
        services.attempt_submit(actor=personas.dodi, attempt=attempt, answers={})


def test_a_single_answer_question_needs_exactly_one_correct_option(personas):
    prog = programme(personas)
    with pytest.raises(ValidationError) as exc:
        services.question_create(
            actor=personas.ani, programme=prog, text="?", kind="single", choices=[("a", True), ("b", True)]
        )
    assert exc.value.message_dict["choices"] == ["Soal satu jawaban harus memiliki tepat satu pilihan yang benar."]


def test_a_true_false_question_gets_its_two_options(personas):
    prog = programme(personas)
    q = services.question_create(
        actor=personas.ani, programme=prog, text="ASN wajib 20 JP?", kind="true_false", true_answer=True
    )
    assert list(q.choices.values_list("text", "is_correct")) == [("Benar", True), ("Salah", False)]
