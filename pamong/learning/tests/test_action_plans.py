"""Action plans: recorded by a completed participant, evaluated by the direct supervisor when due,
and followed up by the BKD on a board."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from pamong.conftest import make_employee
from pamong.learning import services
from pamong.learning.followup import board
from pamong.learning.models import ActionPlan
from pamong.people.models import Position, PositionType

from .routes import _closed, _enrolment

pytestmark = pytest.mark.django_db

MILESTONES = [
    {
        "description": "Antrean daring di puskesmas",
        "measure": "aplikasi berjalan di 3 puskesmas",
        "target_date": dt.date(2026, 12, 31),
    },
    {"description": "Survei kepuasan", "measure": "IKM ≥ 80", "target_date": dt.date(2027, 2, 15)},
]


@pytest.fixture
def head_of_dinkes(personas):
    """Give Dinas Kesehatan a head, who becomes Dodi's direct supervisor through the unit chain."""
    from pamong.accounts.models import User

    post = Position.objects.create(
        name="Kepala Dinas Kesehatan", position_type=PositionType.JPT_PRATAMA, org_unit=personas.regency.dinkes
    )
    personas.regency.dinkes.head_position = post
    personas.regency.dinkes.save(update_fields=["head_position"])
    user = User.objects.create_user("hadi", "hadi@contoh.go.id", "x")
    return make_employee(
        personas.regency.dinkes, name="Hadi Susilo", nip="197001011995031002", position=post, user=user
    )


def _plan(p, e):  # type: ignore[no-untyped-def]
    return services.action_plan_save(
        actor=p.dodi, enrolment=e, title="Layanan tanpa antre", description="", milestones=MILESTONES
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 25), 3, dt.date(2027, 2, 25)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert services.add_months(day, months) == expected


def test_the_plan_asks_the_direct_supervisor_three_months_after_the_batch(personas, head_of_dinkes):
    e = _closed(personas)
    plan = _plan(personas, e)
    assert plan.supervisor == head_of_dinkes
    assert plan.evaluation_due == dt.date(2027, 2, 25)  # batch ends 25 November 2026
    assert list(plan.milestones.values_list("description", flat=True)) == [
        "Antrean daring di puskesmas",
        "Survei kepuasan",
    ]


def test_only_a_participant_who_completed_may_record_a_plan(personas):
    e = _enrolment(personas)
    with pytest.raises(ValidationError) as exc:
        _plan(personas, e)
    assert exc.value.messages == ["Rencana aksi hanya untuk peserta yang telah menyelesaikan angkatan."]


def test_a_milestone_needs_a_measure_and_a_date(personas):
    e = _closed(personas)
    with pytest.raises(ValidationError) as exc:
        services.action_plan_save(
            actor=personas.dodi,
            enrolment=e,
            title="x",
            description="",
            milestones=[{"description": "a", "measure": "", "target_date": None}],
        )
    assert exc.value.message_dict["milestones"] == ["Tonggak 1: isi ukuran keberhasilan dan target tanggal."]


def test_the_supervisor_cannot_evaluate_before_the_due_date(personas, head_of_dinkes):
    plan = _plan(personas, _closed(personas))
    with time_machine.travel(dt.datetime(2027, 1, 10, 9, tzinfo=dt.UTC)), pytest.raises(ValidationError) as exc:
        services.action_plan_evaluate(actor=head_of_dinkes.user, plan=plan, evaluations={})
    assert "dibuka mulai 25-02-2027" in exc.value.messages[0]


def test_the_supervisor_evaluates_each_milestone_with_evidence(personas, head_of_dinkes):
    plan = _plan(personas, _closed(personas))
    first, second = plan.milestones.all()
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC)):
        with pytest.raises(ValidationError) as exc:
            services.action_plan_evaluate(
                actor=head_of_dinkes.user,
                plan=plan,
                evaluations={first.pk: {"progress": "done"}, second.pk: {"progress": "not_started"}},
            )
        assert exc.value.messages == ["Tuliskan bukti untuk tonggak \u201cAntrean daring di puskesmas\u201d."]
        services.action_plan_evaluate(
            actor=head_of_dinkes.user,
            plan=plan,
            evaluations={
                first.pk: {"progress": "done", "evidence": "SK Kadis 12/2027"},
                second.pk: {"progress": "not_started"},
            },
        )
    first.refresh_from_db()
    assert (first.progress, first.evidence) == ("done", "SK Kadis 12/2027")
    with pytest.raises(ValidationError) as exc:
        _plan(personas, plan.enrolment)
    assert exc.value.messages == ["Rencana aksi yang sudah dievaluasi tidak dapat diubah."]


def test_the_supervisor_page_is_only_for_the_supervisor(personas, head_of_dinkes, login):
    plan = _plan(personas, _closed(personas))
    assert login(head_of_dinkes.user).get(f"/learning/action-plans/{plan.pk}/evaluate/").status_code == 200
    assert login(personas.ani).get(f"/learning/action-plans/{plan.pk}/evaluate/").status_code == 404


def test_the_supervisor_sees_the_plan_in_pembelajaran_saya(personas, head_of_dinkes, login):
    _plan(personas, _closed(personas))
    page = login(head_of_dinkes.user).get("/learning/me/").content.decode()
    assert "Rencana aksi bawahan untuk dievaluasi" in page and "Layanan tanpa antre" in page


def test_the_board_sorts_plans_into_missing_waiting_overdue_and_done(personas, head_of_dinkes):
    e = _closed(personas)
    columns = {c.key: c.items for c in board(personas.ani, dt.date(2026, 12, 1))}
    assert [x.pk for x in columns["missing"]] == [e.pk]
    plan = _plan(personas, e)
    columns = {c.key: c.items for c in board(personas.ani, dt.date(2026, 12, 1))}
    assert [x.pk for x in columns["waiting"]] == [e.pk]
    columns = {c.key: c.items for c in board(personas.ani, dt.date(2027, 3, 1))}
    assert [x.pk for x in columns["overdue"]] == [e.pk]
    ActionPlan.objects.filter(pk=plan.pk).update(evaluation_due=dt.date(2026, 1, 1))
    plan.refresh_from_db()
    services.action_plan_evaluate(
        actor=head_of_dinkes.user,
        plan=plan,
        evaluations={m.pk: {"progress": "done", "evidence": "ada"} for m in plan.milestones.all()},
    )
    columns = {c.key: c.items for c in board(personas.ani, dt.date(2027, 3, 1))}
    assert [x.pk for x in columns["done"]] == [e.pk]


def test_the_board_of_a_unit_leader_shows_only_their_units(personas):
    _closed(personas)
    fajar = {c.key: len(c.items) for c in board(personas.fajar, dt.date(2026, 12, 1))}
    budi = {c.key: len(c.items) for c in board(personas.budi, dt.date(2026, 12, 1))}
    assert fajar["missing"] == 0 and budi["missing"] == 1


def test_the_participant_records_the_plan_on_the_page(personas, login):
    e = _closed(personas)
    data = {
        "title": "Layanan tanpa antre",
        "description": "",
        "m-TOTAL_FORMS": "3",
        "m-INITIAL_FORMS": "0",
        "m-MIN_NUM_FORMS": "3",
        "m-MAX_NUM_FORMS": "10",
    }
    data.update({"m-0-description": "Antrean daring", "m-0-measure": "3 puskesmas", "m-0-target_date": "2026-12-31"})
    response = login(personas.dodi).post(f"/learning/me/enrolments/{e.pk}/action-plan/", data)
    assert response.status_code == 302
    assert ActionPlan.objects.get().milestones.count() == 1
