"""Normalised gain per participant and per batch, computed from stored attempts."""

from decimal import Decimal

import pytest

from pamong.learning import services
from pamong.learning.models import BatchStatus
from pamong.learning.results import batch_results

from .helpers import batch, correct_answers, enrol, programme, question_bank

pytestmark = pytest.mark.django_db


def test_gain_per_participant_and_per_batch(personas):
    prog = programme(personas)
    question_bank(personas, prog, n=4)
    b = batch(personas, prog, status=BatchStatus.RUNNING)
    services.batch_toggle(actor=personas.gita, batch=b, what="pre", open_=True)
    services.batch_toggle(actor=personas.gita, batch=b, what="post", open_=True)
    e = enrol(personas, b)
    e.batch.refresh_from_db()
    pre = services.attempt_start(actor=personas.dodi, enrolment=e, kind="pre")
    services.attempt_submit(actor=personas.dodi, attempt=pre, answers=correct_answers(pre, 2))  # 50
    post = services.attempt_start(actor=personas.dodi, enrolment=e, kind="post")
    services.attempt_submit(actor=personas.dodi, attempt=post, answers=correct_answers(post, 3))  # 75
    results = batch_results(b)
    row = results.rows[0]
    assert (row.pre.score, row.post.score, row.gain, row.gain_band) == (
        Decimal("50.00"),
        Decimal("75.00"),
        Decimal("0.500"),
        "medium",
    )
    assert results.batch_gain == Decimal("0.500")
