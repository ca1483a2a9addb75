"""Small builders for learning tests, on top of the shared personas."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pamong.learning import services
from pamong.learning.models import Batch, BatchStatus, Enrolment, EnrolmentStatus, Programme, Session

START = dt.date(2026, 11, 23)


def programme(p, **overrides) -> Programme:  # type: ignore[no-untyped-def]
    data = {
        "title": "Program Transformasi Personal",
        "description": "Lokakarya revolusi mental untuk pejabat administrator.",
        "goals": "Peserta menyusun rencana aksi perubahan.",
        "kind": "workshop",
        "competency_type": "socio_cultural",
        "target_position_types": ["administrator"],
        "value_framework": "revolusi_mental",
        "owner_unit": p.regency.bkd,
    }
    data.update(overrides)
    return services.programme_create(actor=p.ani, data=data)


def batch(
    p, prog=None, *, sessions: int = 2, status: str = BatchStatus.DRAFT, capacity: int = 35, **overrides
) -> Batch:  # type: ignore[no-untyped-def]
    prog = prog or programme(p)
    data = {
        "start_date": START,
        "end_date": START + dt.timedelta(days=2),
        "venue": "Aula BKD",
        "capacity": capacity,
        "signatory_name": "Drs. Hendra Kusuma, M.Si.",
        "signatory_position": "Kepala Badan Kepegawaian Daerah",
        "signatory_nip": "197203041998031005",
    }
    data.update(overrides)
    b = services.batch_create(actor=p.ani, programme=prog, data=data, facilitators=[p.gita])
    for i in range(sessions):
        services.session_create(
            actor=p.ani,
            batch=b,
            data={
                "date": START + dt.timedelta(days=i // 2),
                "start_time": dt.time(8 + 2 * (i % 2), 0),
                "end_time": dt.time(9 + 2 * (i % 2), 30),
                "topic": f"Sesi {i + 1}",
                "facilitator": p.gita,
            },
        )
    if status in (BatchStatus.OPEN, BatchStatus.RUNNING, BatchStatus.CLOSED):
        services.batch_open(actor=p.ani, batch=b)
    if status in (BatchStatus.RUNNING, BatchStatus.CLOSED):
        services.batch_start(actor=p.ani, batch=b)
    return b


def enrol(p, b, employee=None, *, confirm: bool = True) -> Enrolment:  # type: ignore[no-untyped-def]
    """Nominate (while open) and confirm; the batch may be running: it is opened for a moment."""
    employee = employee or p.dodi_employee
    was = b.status
    if was == BatchStatus.RUNNING:
        Batch.objects.filter(pk=b.pk).update(status=BatchStatus.OPEN)
        b.status = BatchStatus.OPEN
    e = services.enrolment_create(actor=p.ani, batch=b, employee=employee)
    if was == BatchStatus.RUNNING:
        Batch.objects.filter(pk=b.pk).update(status=was)
        b.status = was
    if confirm and e.status == EnrolmentStatus.INVITED:
        services.enrolment_respond(actor=employee.user or p.ani, enrolment=e, accept=True)
    e.refresh_from_db()
    return e


def attend_all(p, e: Enrolment) -> None:  # type: ignore[no-untyped-def]
    for s in Session.objects.filter(batch=e.batch):
        services.attendance_mark(actor=p.gita, session=s, enrolment=e, present=True, reason="Hadir, dicatat manual")


def question_bank(p, prog, n: int = 4) -> None:  # type: ignore[no-untyped-def]
    """``n`` questions: single, multiple, true/false, single … (first option correct for the single ones)."""
    for i in range(n):
        kind = ("single", "multiple", "true_false")[i % 3]
        if kind == "single":
            services.question_create(
                actor=p.ani,
                programme=prog,
                text=f"Soal {i + 1}",
                kind=kind,
                choices=[("Benar", True), ("Salah", False), ("Ragu", False)],
            )
        elif kind == "multiple":
            services.question_create(
                actor=p.ani,
                programme=prog,
                text=f"Soal {i + 1}",
                kind=kind,
                choices=[("A", True), ("B", True), ("C", False)],
            )
        else:
            services.question_create(actor=p.ani, programme=prog, text=f"Soal {i + 1}", kind=kind, true_answer=True)


def correct_answers(attempt, how_many: int | None = None) -> dict[str, list[int]]:  # type: ignore[no-untyped-def]
    """Right answers for the first ``how_many`` questions of the attempt's layout (all by default)."""
    from pamong.learning.models import Choice

    answers = {}
    for index, (qid, _choices) in enumerate(attempt.layout):
        if how_many is not None and index >= how_many:
            break
        answers[str(qid)] = list(Choice.objects.filter(question_id=qid, is_correct=True).values_list("pk", flat=True))
    return answers


ZERO = Decimal("0")
