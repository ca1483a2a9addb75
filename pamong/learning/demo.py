"""Demo data for learning: the Personal Transformation Program and its first batch.

``generate(seed=..., today=...)`` is called by the ``demo`` command after the regency exists:

1. The programme (workshop, classical, socio-cultural, for administrators, value framework
   ``revolusi_mental``, run by the BKD) with a ten-question bank on the three values of
   Inpres 12/2016 (integritas, etos kerja, gotong royong).
2. Batch 1, running: three days ending ``today``, two sessions a day, 35 participants: the
   administrators chosen by the documented rule of :mod:`pamong.people.demo.batch` (so the
   demo's audit entry and this batch agree), nominated and confirmed.
3. The pre-test done by every participant, and attendance of the sessions before today
   (about nine in ten present), both drawn from ``random.Random(seed)``.

Running it again changes nothing: it returns the existing batch's counts.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction

from pamong.accounts.models import Role, RoleAssignment, User
from pamong.people.demo.batch import transformation_batch
from pamong.people.models import Employee, OrgUnit

from . import services
from .importing import AttendanceRow
from .models import Batch, Choice, Enrolment, EnrolmentStatus, TestAttempt

TITLE = "Program Transformasi Personal"

QUESTIONS: list[tuple[str, str, list[tuple[str, bool]]]] = [
    (
        "Tiga nilai inti revolusi mental menurut Inpres 12/2016 adalah …",
        "single",
        [
            ("Integritas, etos kerja, gotong royong", True),
            ("Disiplin, loyal, jujur", False),
            ("Cepat, tepat, murah", False),
        ],
    ),
    (
        "Manakah yang termasuk nilai integritas?",
        "multiple",
        [("Jujur", True), ("Dapat dipercaya", True), ("Menunda pekerjaan", False), ("Bertanggung jawab", True)],
    ),
    ("Gerakan Indonesia Melayani adalah salah satu dari lima gerakan revolusi mental.", "true_false", [("", True)]),
    (
        "Sikap yang mencerminkan etos kerja adalah …",
        "single",
        [("Produktif dan inovatif", True), ("Menunggu perintah", False), ("Bekerja seadanya", False)],
    ),
    (
        "Gotong royong dalam birokrasi berarti …",
        "multiple",
        [("Bekerja sama lintas unit", True), ("Solidaritas", True), ("Menyerahkan tugas kepada orang lain", False)],
    ),
    ("Setiap PNS wajib mengikuti pengembangan kompetensi paling sedikit 20 JP setahun.", "true_false", [("", True)]),
    (
        "Satu JP pelatihan klasikal setara dengan …",
        "single",
        [("45 menit", True), ("60 menit", False), ("30 menit", False)],
    ),
    (
        "Nilai BerAKHLAK yang dipetakan dari integritas adalah …",
        "multiple",
        [("Akuntabel", True), ("Loyal", True), ("Adaptif", False)],
    ),
    ("Rencana aksi perubahan dievaluasi oleh atasan langsung.", "true_false", [("", True)]),
    (
        "Gerakan revolusi mental yang berkaitan dengan antikorupsi adalah …",
        "single",
        [("Indonesia Bersih", True), ("Indonesia Tertib", False), ("Indonesia Mandiri", False)],
    ),
]

# (day offset from the first day, start, end, topic)
AGENDA = [
    (0, dt.time(8, 0), dt.time(11, 45), "Pembukaan dan pre-test; mengenali pola pikir"),
    (0, dt.time(13, 0), dt.time(15, 15), "Integritas: jujur, dapat dipercaya, bertanggung jawab"),
    (1, dt.time(8, 0), dt.time(11, 45), "Etos kerja: produktif, inovatif, berdaya saing"),
    (1, dt.time(13, 0), dt.time(15, 15), "Gotong royong dalam pelayanan publik"),
    (2, dt.time(8, 0), dt.time(11, 45), "Menyusun rencana aksi perubahan"),
    (2, dt.time(13, 0), dt.time(15, 15), "Presentasi rencana aksi, post-test, penutupan"),
]


def _owner_unit() -> OrgUnit:
    bkd = OrgUnit.objects.opds().filter(name__icontains="Kepegawaian").order_by("code").first()
    return bkd or OrgUnit.objects.opds().order_by("code").first() or OrgUnit.objects.order_by("code").first()  # type: ignore[return-value]


def _signatory(unit: OrgUnit) -> tuple[str, str, str]:
    head = None
    if unit.head_position_id:
        head = Employee.objects.active().filter(position_id=unit.head_position_id).first()
    if head is not None:
        return head.full_name, f"Kepala {unit.name}", head.nip
    return "Kepala " + unit.name, f"Kepala {unit.name}", ""


def _counts(batch: Batch) -> dict[str, Any]:
    return {
        "programme": batch.programme_id,
        "batch": batch.pk,
        "participants": Enrolment.objects.filter(batch=batch, status=EnrolmentStatus.CONFIRMED).count(),
        "sessions": batch.sessions.count(),
        "questions": batch.programme.questions.count(),
        "attendances": sum(s.attendances.count() for s in batch.sessions.all()),
        "pre_tests": TestAttempt.objects.filter(enrolment__batch=batch, kind="pre").count(),
    }


@transaction.atomic
def generate(*, seed: int, today: dt.date) -> dict[str, Any]:
    existing = Batch.objects.filter(programme__title=TITLE, number=1).select_related("programme").first()
    if existing is not None:
        return _counts(existing)
    rng = random.Random(seed)
    unit = _owner_unit()
    facilitators = list(
        User.objects.filter(
            pk__in=RoleAssignment.objects.current().filter(role=Role.FACILITATOR).values("user_id")
        ).order_by("pk")
    )
    programme = services.programme_create(
        actor=None,
        data={
            "title": TITLE,
            "description": (
                "Lokakarya pola pikir (revolusi mental) bagi pejabat administrator: 35 peserta per angkatan."
            ),
            "goals": (
                "Peserta memahami nilai integritas, etos kerja dan gotong royong, "
                "serta menyusun rencana aksi perubahan di unitnya."
            ),
            "kind": "workshop",
            "competency_type": "socio_cultural",
            "target_position_types": ["administrator"],
            "value_framework": "revolusi_mental",
            "owner_unit": unit,
        },
    )
    for text, kind, choices in QUESTIONS:
        if kind == "true_false":
            services.question_create(actor=None, programme=programme, text=text, kind=kind, true_answer=choices[0][1])
        else:
            services.question_create(actor=None, programme=programme, text=text, kind=kind, choices=choices)
    start = today - dt.timedelta(days=2)
    name, position, nip = _signatory(unit)
    batch = services.batch_create(
        actor=None,
        programme=programme,
        data={
            "start_date": start,
            "end_date": today,
            "venue": f"Aula {unit.name}",
            "capacity": 35,
            "signatory_name": name,
            "signatory_position": position,
            "signatory_nip": nip,
        },
        facilitators=facilitators,
    )
    for offset, begin, end, topic in AGENDA:
        services.session_create(
            actor=None,
            batch=batch,
            data={
                "date": start + dt.timedelta(days=offset),
                "start_time": begin,
                "end_time": end,
                "topic": topic,
                "facilitator": facilitators[0] if facilitators else None,
            },
        )
    services.batch_open(actor=None, batch=batch)
    result = services.enrolment_create_bulk(actor=None, batch=batch, employees=transformation_batch())
    for enrolment in result.invited:
        services.enrolment_respond(actor=enrolment.employee.user, enrolment=enrolment, accept=True)
    services.batch_start(actor=None, batch=batch)
    services.batch_toggle(actor=None, batch=batch, what="pre", open_=True)
    batch.refresh_from_db()
    keys: dict[int, list[int]] = {}
    for question_id, choice_id, correct in (
        Choice.objects.filter(question__programme=programme)
        .values_list("question_id", "id", "is_correct")
        .order_by("question_id", "id")
    ):
        keys.setdefault(question_id, [])
        if correct:
            keys[question_id].append(choice_id)
    all_choices = dict(
        (q, list(Choice.objects.filter(question_id=q).order_by("id").values_list("id", flat=True))) for q in keys
    )
    confirmed = list(
        Enrolment.objects.filter(batch=batch).confirmed().select_related("batch", "employee").order_by("id")
    )
    for enrolment in confirmed:
        attempt = services.attempt_start(actor=enrolment.employee.user, enrolment=enrolment, kind="pre")
        skill = rng.random()
        answers = {
            str(q): (correct if rng.random() < 0.3 + 0.5 * skill else [rng.choice(all_choices[q])])
            for q, correct in sorted(keys.items())
        }
        services.attempt_submit(actor=enrolment.employee.user, attempt=attempt, answers=answers)
    past = [s for s in batch.sessions.order_by("date", "start_time") if s.date < today]
    rows = [
        AttendanceRow(enrolment=e, session=s, present=True, reason="Data demo")
        for s in past
        for e in confirmed
        if rng.random() < 0.9
    ]
    services.attendance_import(actor=None, batch=batch, rows=rows, file_name="demo")
    return _counts(batch)
