"""The learning demo: the Personal Transformation Program's first batch, deterministic and idempotent."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction

from pamong.learning import demo
from pamong.learning.models import Attendance, Batch, BatchStatus, Choice, Programme, Question, TestAttempt
from pamong.learning.results import batch_results

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 28)


def test_the_demo_builds_the_programme_and_a_running_first_batch_of_administrators(personas):
    counts = demo.generate(seed=2026, today=TODAY)
    programme = Programme.objects.get()
    assert (programme.title, programme.kind, programme.route, programme.value_framework) == (
        "Program Transformasi Personal",
        "workshop",
        "classical",
        "revolusi_mental",
    )
    assert programme.owner_unit == personas.regency.bkd
    batch = Batch.objects.get()
    assert (batch.status, batch.start_date, batch.end_date, batch.capacity) == (
        BatchStatus.RUNNING,
        dt.date(2026, 11, 26),
        TODAY,
        35,
    )
    assert list(batch.facilitators.all()) == [personas.gita]
    # The personas regency has one administrator: Dodi.
    assert (
        counts["participants"] == 1
        and counts["sessions"] == 6
        and counts["questions"] == 10
        and counts["pre_tests"] == 1
    )
    assert batch.effective_jp() == Decimal("24.00")  # 3 × (225 + 135) minutes / 45
    row = batch_results(batch).rows[0]
    assert row.enrolment.employee == personas.dodi_employee
    assert row.pre is not None and row.pre.score is not None
    assert row.attended <= {s.pk for s in batch.sessions.filter(date__lt=TODAY)}


def test_running_the_demo_again_changes_nothing(personas):
    first = demo.generate(seed=2026, today=TODAY)
    assert demo.generate(seed=2026, today=TODAY) == first
    assert Batch.objects.count() == 1


def _fingerprint_of_a_rolled_back_run(seed):  # type: ignore[no-untyped-def]
    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            demo.generate(seed=seed, today=TODAY)
            attempt = TestAttempt.objects.get()
            attended = sorted(Attendance.objects.values_list("session__topic", "enrolment__employee__nip"))
            # Ids differ between runs on PostgreSQL (sequences do not roll back): compare texts.
            texts = dict(Choice.objects.values_list("pk", "text"))
            questions = dict(Question.objects.values_list("pk", "text"))
            answers = sorted((questions[int(q)], sorted(texts[c] for c in cs)) for q, cs in attempt.answers.items())
            raise Rollback((attended, answers, str(attempt.score)))
    except Rollback as done:
        return done.args[0]


def test_the_same_seed_gives_the_same_answers_and_attendance(personas):
    assert _fingerprint_of_a_rolled_back_run(7) == _fingerprint_of_a_rolled_back_run(7)
    assert not Batch.objects.exists()
