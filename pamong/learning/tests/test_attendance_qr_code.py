"""The rotating check-in code: valid for two minutes, bound to its session, refused when forged."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.models import Attendance, BatchStatus, Session

from .helpers import batch, enrol

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 23, 8, 5, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def running(personas):
    b = batch(personas, status=BatchStatus.RUNNING, sessions=2)
    e = enrol(personas, b)
    first, second = Session.objects.filter(batch=b)
    return b, e, first, second


def _code_error(user, session, code) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        services.attendance_checkin(actor=user, session=session, code=code)
    return exc.value.messages[0]


def test_a_participant_checks_in_with_the_current_code(personas, running):
    _b, e, first, _second = running
    with time_machine.travel(NOW, tick=False):
        code = services.checkin_code(first)
        attendance, created = services.attendance_checkin(actor=personas.dodi, session=first, code=code)
    assert created is True
    assert (attendance.enrolment, attendance.method) == (e, "qr")
    assert attendance.checked_in_at == NOW
    assert AuditEntry.objects.filter(action="learning.attendance.checked_in").count() == 1


def test_scanning_twice_records_one_attendance(personas, running):
    _b, _e, first, _second = running
    code = services.checkin_code(first)
    services.attendance_checkin(actor=personas.dodi, session=first, code=code)
    _attendance, created = services.attendance_checkin(actor=personas.dodi, session=first, code=code)
    assert created is False
    assert Attendance.objects.count() == 1


def test_the_code_changes_from_one_minute_to_the_next(running):
    _b, _e, first, _second = running
    with time_machine.travel(NOW, tick=False):
        one = services.checkin_code(first)
    with time_machine.travel(NOW + dt.timedelta(minutes=1), tick=False):
        two = services.checkin_code(first)
    assert one != two


def test_a_code_is_still_accepted_just_under_two_minutes_later(personas, running):
    _b, _e, first, _second = running
    with time_machine.travel(NOW, tick=False):
        code = services.checkin_code(first)
    with time_machine.travel(NOW + dt.timedelta(seconds=119), tick=False):
        _attendance, created = services.attendance_checkin(actor=personas.dodi, session=first, code=code)
    assert created is True


def test_an_expired_code_is_refused(personas, running):
    _b, _e, first, _second = running
    with time_machine.travel(NOW, tick=False):
        code = services.checkin_code(first)
    with time_machine.travel(NOW + dt.timedelta(minutes=3), tick=False):
        message = _code_error(personas.dodi, first, code)
    assert message.startswith("Kode QR sudah kedaluwarsa.")
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    "tamper", [lambda c: c[:-2] + ("AA" if not c.endswith("AA") else "BB"), lambda c: "bukan-kode", lambda c: ""]
)
def test_a_forged_code_is_refused(personas, running, tamper):
    _b, _e, first, _second = running
    assert _code_error(personas.dodi, first, tamper(services.checkin_code(first))).startswith("Kode QR tidak sah.")


def test_a_code_signed_with_another_key_is_refused(personas, running, settings):
    _b, _e, first, _second = running
    settings.SECRET_KEY = "another-secret-key-for-a-forger-0123456789abcdef"
    code = services.checkin_code(first)
    settings.SECRET_KEY = "pamong-development-key-not-for-production-use-0123456789abcdef"
    assert _code_error(personas.dodi, first, code).startswith("Kode QR tidak sah.")


def test_a_code_for_another_session_is_refused(personas, running):
    _b, _e, first, second = running
    assert _code_error(personas.dodi, second, services.checkin_code(first)).startswith("Kode QR ini untuk sesi lain.")


def test_someone_not_enrolled_is_refused(personas, running):
    _b, _e, first, _second = running
    assert (
        _code_error(personas.citra, first, services.checkin_code(first))
        == "Anda tidak terdaftar sebagai peserta angkatan ini."
    )


def test_an_invited_participant_must_confirm_first(personas):
    b = batch(personas, status=BatchStatus.RUNNING)
    enrol(personas, b, confirm=False)
    first = Session.objects.filter(batch=b).first()
    assert (
        _code_error(personas.dodi, first, services.checkin_code(first))
        == "Konfirmasi dulu keikutsertaan Anda di angkatan ini."
    )


def test_check_in_needs_a_running_batch(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    enrol(personas, b)
    first = Session.objects.filter(batch=b).first()
    assert "tidak sedang berjalan" in _code_error(personas.dodi, first, services.checkin_code(first))


def test_the_check_in_time_is_stored_aware(personas, running):
    _b, _e, first, _second = running
    attendance, _created = services.attendance_checkin(
        actor=personas.dodi, session=first, code=services.checkin_code(first)
    )
    assert timezone.is_aware(attendance.checked_in_at)
