"""Programmes → activities → sub-activities and their indicators: the rules the services keep."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from pamong.core.models import AuditEntry
from pamong.monitoring import services
from pamong.monitoring.models import Indicator, Level, PlanItem


def create(personas, level, parent, **data):
    return services.plan_item_create(
        actor=personas.budi, opd=personas.regency.dinkes, year=2026, level=level, parent=parent, data=data
    )


def test_the_three_levels_are_created_and_each_is_audited(plan):
    assert [plan.programme.level, plan.activity.level, plan.sub_activity.level] == [
        "program",
        "kegiatan",
        "sub_kegiatan",
    ]
    assert plan.sub_activity.parent == plan.activity and plan.activity.parent == plan.programme
    actions = list(AuditEntry.objects.filter(action__startswith="monev.").values_list("action", "object_repr"))
    assert ("monev.plan_item.created", "1.02.02 Program Pemenuhan Upaya Kesehatan") in actions
    assert ("monev.indicator.created", "Jumlah dokumen perencanaan") in actions


def test_a_child_code_must_extend_its_parent_code(plan, personas):
    with pytest.raises(ValidationError) as caught:
        create(personas, Level.ACTIVITY, plan.programme, code="1.03.01.2.01", name="Salah induk")
    assert "Kode harus diawali kode induknya (1.02.02.)." in caught.value.message_dict["code"]


def test_a_sub_activity_cannot_hang_under_a_programme(plan, personas):
    with pytest.raises(ValidationError) as caught:
        create(personas, Level.SUB_ACTIVITY, plan.programme, code="1.02.02.2.01.0001", name="X", pagu=Decimal(1))
    assert "parent" in caught.value.message_dict


def test_a_code_is_unique_in_the_opd_and_year_but_may_repeat_next_year(plan, personas):
    with pytest.raises(ValidationError) as caught:
        create(personas, Level.PROGRAMME, None, code="1.02.02", name="Lagi")
    assert caught.value.message_dict["code"] == ["Kode 1.02.02 sudah dipakai di OPD ini untuk tahun 2026."]
    next_year = services.plan_item_create(
        actor=personas.budi,
        opd=personas.regency.dinkes,
        year=2027,
        level=Level.PROGRAMME,
        parent=None,
        data={"code": "1.02.02", "name": "Program Pemenuhan Upaya Kesehatan"},
    )
    assert next_year.year == 2027


def test_pagu_belongs_to_sub_activities_and_a_budget_sub_activity_needs_one(plan, personas):
    with pytest.raises(ValidationError) as caught:
        create(personas, Level.ACTIVITY, plan.programme, code="1.02.02.2.03", name="K", pagu=Decimal(5))
    assert "pagu" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        create(personas, Level.SUB_ACTIVITY, plan.activity, code="1.02.02.2.02.0002", name="Tanpa pagu")
    assert caught.value.message_dict["pagu"] == ["Sub kegiatan dalam struktur anggaran wajib memiliki pagu."]


def test_the_responsible_official_must_be_active_staff_of_the_opd(plan, personas):
    with pytest.raises(ValidationError) as caught:
        create(
            personas,
            Level.ACTIVITY,
            plan.programme,
            code="1.02.02.2.03",
            name="K",
            responsible_official=personas.citra_employee,
        )
    assert caught.value.message_dict["responsible_official"] == [
        "Pejabat penanggung jawab harus pegawai aktif di Dinas Kesehatan."
    ]


def test_a_programme_outside_the_budget_takes_free_codes_and_its_children_follow(personas):
    programme = create(personas, Level.PROGRAMME, None, code="PTP-2026", name="Program Transformasi", is_budget=False)
    activity = create(personas, Level.ACTIVITY, programme, code="PTP-2026.1", name="Lokakarya")
    assert (programme.is_budget, activity.is_budget) == (False, False)


def test_updating_an_item_audits_the_changed_fields(plan, personas):
    services.plan_item_update(actor=personas.budi, item=plan.sub_activity, data={"revised_pagu": Decimal(450_000_000)})
    plan.sub_activity.refresh_from_db()
    assert plan.sub_activity.ceiling == Decimal(450_000_000)
    assert plan.sub_activity.pagu == Decimal(500_000_000)
    entry = AuditEntry.objects.filter(action="monev.plan_item.updated").get()
    assert entry.changes == {"revised_pagu": [None, "450000000"]}


def test_indicator_targets_must_be_positive_and_the_revised_target_keeps_the_original(plan, personas):
    with pytest.raises(ValidationError) as caught:
        services.indicator_create(
            actor=personas.budi,
            item=plan.activity,
            data={
                "name": "X",
                "unit_of_measure": "unit",
                "direction": "higher",
                "cumulative": True,
                "target": Decimal(0),
            },
        )
    assert caught.value.message_dict["target"] == ["Target harus lebih besar dari 0."]
    services.indicator_update(actor=personas.budi, indicator=plan.output, data={"revised_target": Decimal(80)})
    plan.output.refresh_from_db()
    assert (plan.output.target, plan.output.revised_target, plan.output.effective_target) == (
        Decimal(100),
        Decimal(80),
        Decimal(80),
    )


def test_an_unknown_automatic_source_is_refused(plan, personas):
    with pytest.raises(ValidationError) as caught:
        services.indicator_update(actor=personas.budi, indicator=plan.outcome, data={"auto_source": "tidak.ada"})
    assert caught.value.message_dict["auto_source"] == ["Sumber otomatis tidak.ada tidak dikenal."]


def test_the_database_refuses_a_target_of_zero_and_a_root_activity(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(plan_item=plan.programme, name="Nol", unit_of_measure="x", target=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.create(opd=plan.programme.opd, year=2026, level="kegiatan", code="9.9", name="Yatim")
