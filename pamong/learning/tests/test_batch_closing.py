"""Closing a batch settles completion, credits JP once and issues numbered certificates."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from pamong.conftest import make_employee
from pamong.core.models import AuditEntry
from pamong.learning import services
from pamong.learning.models import Attendance, Batch, BatchStatus, Certificate, Enrolment
from pamong.people.models import Position, PositionType, TrainingRecord

from .helpers import attend_all, batch, enrol, programme

pytestmark = pytest.mark.django_db

CLOSING_DAY = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def two_participants(personas):
    """Dodi attends both sessions; Rina attends none."""
    prog = programme(personas, certificate_number_format="800/{seq:03d}/35.03.406/{year}")
    b = batch(personas, prog, status=BatchStatus.RUNNING, sessions=2)
    dodi = enrol(personas, b)
    post = Position.objects.create(
        name="Kabid X", position_type=PositionType.ADMINISTRATOR, org_unit=personas.regency.dinkes
    )
    rina = enrol(
        personas, b, make_employee(personas.regency.dinkes, name="Rina", nip="198101012006042001", position=post)
    )
    attend_all(personas, dodi)
    return b, dodi, rina


def _close(p, b):  # type: ignore[no-untyped-def]
    with time_machine.travel(CLOSING_DAY, tick=False):
        return services.batch_close(actor=p.ani, batch=Batch.objects.get(pk=b.pk))


def test_closing_credits_the_completed_participant_with_the_batch_jp(personas, two_participants):
    b, _dodi, _rina = two_participants
    result = _close(personas, b)
    assert (result.completed, result.not_completed, result.credited, result.certificates) == (1, 1, 1, 1)
    record = TrainingRecord.objects.get()
    assert record.employee == personas.dodi_employee
    assert (record.source_ref, record.hours_jp, record.kind, record.competency_type) == (
        f"learning.batch:{b.pk}",
        Decimal("4.00"),  # 2 × 90 minutes
        "workshop",
        "socio_cultural",
    )
    assert record.name == "Program Transformasi Personal Angkatan 1"
    assert record.certificate_number == "800/001/35.03.406/2026"


def test_closing_stores_what_each_participant_missed(personas, two_participants):
    b, dodi, rina = two_participants
    _close(personas, b)
    rina.refresh_from_db()
    dodi.refresh_from_db()
    assert (dodi.completed, dodi.completion_missing) == (True, [])
    assert rina.completed is False
    assert rina.completion_missing == [{"code": "attendance", "needed": "2", "have": "0"}]


def test_the_certificate_copies_the_holder_and_the_programme(personas, two_participants):
    b, _dodi, _rina = two_participants
    _close(personas, b)
    c = Certificate.objects.get()
    assert (c.holder_name, c.holder_nip, c.programme_title, c.batch_label) == (
        "Dodi Pratama",
        "198005102005011003",
        "Program Transformasi Personal",
        "Angkatan 1",
    )
    assert (c.issued_on, c.hours_jp, c.signatory_name) == (
        dt.date(2026, 11, 26),
        Decimal("4.00"),
        "Drs. Hendra Kusuma, M.Si.",
    )


def test_closing_twice_after_a_reopen_credits_once_and_keeps_the_number(personas, two_participants):
    b, _dodi, _rina = two_participants
    _close(personas, b)
    services.batch_reopen(actor=personas.ani, batch=Batch.objects.get(pk=b.pk), reason="Koreksi presensi")
    second = _close(personas, b)
    assert second.credited == 0 and second.certificates == 0
    assert TrainingRecord.objects.count() == 1
    assert list(Certificate.objects.values_list("number", flat=True)) == ["800/001/35.03.406/2026"]


def test_a_closed_batch_cannot_be_closed_again(personas, two_participants):
    b, _dodi, _rina = two_participants
    _close(personas, b)
    with pytest.raises(ValidationError) as exc:
        _close(personas, b)
    assert "dari Ditutup ke Ditutup" in exc.value.messages[0]


def test_after_a_reopen_a_participant_who_now_completes_is_credited(personas, two_participants):
    b, _dodi, rina = two_participants
    _close(personas, b)
    services.batch_reopen(actor=personas.ani, batch=Batch.objects.get(pk=b.pk), reason="Presensi Rina tertinggal")
    attend_all(personas, rina)
    result = _close(personas, b)
    assert result.credited == 1
    assert sorted(Certificate.objects.values_list("number", flat=True)) == [
        "800/001/35.03.406/2026",
        "800/002/35.03.406/2026",
    ]


def test_after_a_reopen_a_participant_who_no_longer_completes_loses_the_credit(personas, two_participants):
    b, dodi, _rina = two_participants
    _close(personas, b)
    services.batch_reopen(actor=personas.ani, batch=Batch.objects.get(pk=b.pk), reason="Presensi salah")
    Attendance.objects.filter(enrolment=dodi).delete()
    result = _close(personas, b)
    assert result.withdrawn_credits == 1
    assert not TrainingRecord.objects.exists()
    certificate = Certificate.objects.get()
    assert certificate.is_valid is False
    assert "dibuka kembali" in certificate.revoked_reason


def test_only_a_running_batch_can_be_closed_and_it_needs_a_signatory(personas):
    b = batch(personas, status=BatchStatus.OPEN)
    with pytest.raises(ValidationError):
        _close(personas, b)
    services.batch_start(actor=personas.ani, batch=b)
    services.batch_update(actor=personas.ani, batch=b, data={"signatory_name": ""})
    with pytest.raises(ValidationError) as exc:
        _close(personas, b)
    assert "penandatangan" in exc.value.messages[0]


def test_closing_is_all_or_nothing(personas, two_participants, monkeypatch):
    b, _dodi, _rina = two_participants
    from pamong.learning.services import closing

    def boom(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(closing, "audit_record", boom)
    with pytest.raises(RuntimeError):
        _close(personas, b)
    assert Batch.objects.get(pk=b.pk).status == BatchStatus.RUNNING
    assert not TrainingRecord.objects.exists() and not Certificate.objects.exists()
    assert set(Enrolment.objects.values_list("completed", flat=True)) == {None}


def test_the_close_is_audited_with_the_credited_employees(personas, two_participants):
    b, _dodi, _rina = two_participants
    _close(personas, b)
    entry = AuditEntry.objects.get(action="learning.batch.closed")
    assert entry.changes["completed"] == [None, [personas.dodi_employee.pk]]
    assert entry.changes["hours_jp"] == [None, "4.00"]


def test_numbering_continues_across_batches_of_the_same_year(personas, two_participants):
    b, _dodi, _rina = two_participants
    _close(personas, b)
    other = batch(personas, b.programme, status=BatchStatus.RUNNING, sessions=1)
    e = enrol(personas, other)
    attend_all(personas, e)
    _close(personas, other)
    assert Certificate.objects.get(enrolment=e).number == "800/002/35.03.406/2026"
