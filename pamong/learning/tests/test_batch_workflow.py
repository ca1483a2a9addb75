"""Batches and their agenda: numbering, JP from session minutes, facilitators, and draft → open → running."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pamong.learning import services
from pamong.learning.models import Batch, BatchStatus

from .helpers import START, batch, programme

pytestmark = pytest.mark.django_db


def test_batches_of_a_programme_are_numbered_in_order(personas):
    prog = programme(personas)
    first, second = batch(personas, prog), batch(personas, prog)
    assert (first.number, second.number) == (1, 2)
    assert second.label == "Angkatan 2"


def test_batch_jp_comes_from_session_minutes_unless_set(personas):
    b = batch(personas, sessions=3)  # 3 × 90 minutes = 270 minutes = 6 JP
    assert b.effective_jp() == Decimal("6.00")
    services.batch_update(actor=personas.ani, batch=b, data={"hours_jp": Decimal("32")})
    assert b.effective_jp() == Decimal("32.00")


def test_programme_jp_applies_when_the_batch_sets_none(personas):
    prog = programme(personas, hours_jp=Decimal("24"))
    assert batch(personas, prog).effective_jp() == Decimal("24.00")


def test_only_facilitators_can_be_assigned_to_a_batch(personas):
    prog = programme(personas)
    with pytest.raises(ValidationError) as exc:
        services.batch_create(
            actor=personas.ani,
            programme=prog,
            data={"start_date": START, "end_date": START, "capacity": 35},
            facilitators=[personas.citra],
        )
    assert "tidak memegang peran fasilitator" in exc.value.messages[0]


def test_a_session_outside_the_batch_dates_is_refused(personas):
    b = batch(personas, sessions=0)
    with pytest.raises(ValidationError) as exc:
        services.session_create(
            actor=personas.ani,
            batch=b,
            data={"date": START - dt.timedelta(days=1), "start_time": dt.time(8), "end_time": dt.time(9), "topic": "x"},
        )
    assert "di antara tanggal mulai dan selesai" in exc.value.message_dict["date"][0]


def test_a_session_must_end_after_it_starts(personas):
    b = batch(personas, sessions=0)
    with pytest.raises(ValidationError) as exc:
        services.session_create(
            actor=personas.ani,
            batch=b,
            data={"date": START, "start_time": dt.time(10), "end_time": dt.time(9), "topic": "x"},
        )
    assert "end_time" in exc.value.message_dict


def test_a_batch_without_sessions_cannot_open(personas):
    b = batch(personas, sessions=0)
    with pytest.raises(ValidationError) as exc:
        services.batch_open(actor=personas.ani, batch=b)
    assert "paling sedikit satu sesi" in exc.value.messages[0]


def test_status_moves_draft_open_running_and_not_backwards(personas):
    b = batch(personas)
    services.batch_open(actor=personas.ani, batch=b)
    services.batch_start(actor=personas.ani, batch=b)
    assert Batch.objects.get(pk=b.pk).status == BatchStatus.RUNNING
    with pytest.raises(ValidationError) as exc:
        services.batch_open(actor=personas.ani, batch=b)
    assert "Berjalan" in exc.value.messages[0]


def test_a_stale_status_change_is_refused_by_the_conditional_update(personas):
    b = batch(personas)
    stale = Batch.objects.get(pk=b.pk)
    services.batch_open(actor=personas.ani, batch=b)
    services.batch_start(actor=personas.ani, batch=b)
    stale.status = BatchStatus.OPEN  # what an old page still believes
    with pytest.raises(ValidationError) as exc:
        services.batch_start(actor=personas.ani, batch=stale)
    assert "berubah sementara" in exc.value.messages[0]
