"""Who reads and writes what: an OPD sees only its own programmes, leaders read all in their scope."""

from pamong.monitoring import access
from pamong.people.models import Position, PositionType


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


ALL_DINKES = ["1.02.02", "1.02.02.2.02", "1.02.02.2.02.0001"]


def test_the_operator_sees_and_writes_only_the_own_opd(plan, personas):
    assert codes(access.plan_items_visible_to(personas.budi)) == ALL_DINKES
    assert codes(access.plan_items_writable_by(personas.budi)) == ALL_DINKES


def test_a_leader_of_one_opd_reads_only_that_opd_and_writes_nothing(plan, personas):
    assert codes(access.plan_items_visible_to(personas.fajar)) == ["1.01.02"]
    assert not access.plan_items_writable_by(personas.fajar).exists()


def test_the_regency_leader_reads_all_and_the_bkd_administrator_reads_and_writes_all(plan, personas):
    assert codes(access.plan_items_visible_to(personas.eka)) == ["1.01.02", *ALL_DINKES]
    assert not access.plan_items_writable_by(personas.eka).exists()
    assert codes(access.plan_items_writable_by(personas.ani)) == ["1.01.02", *ALL_DINKES]


def test_the_responsible_official_sees_the_own_programme_and_what_hangs_under_it(plan, personas):
    assert codes(access.plan_items_visible_to(personas.dodi)) == ALL_DINKES
    assert not access.plan_items_writable_by(personas.dodi).exists()
    assert access.can_enter_realisation(personas.dodi, plan.sub_activity)
    assert not access.can_enter_realisation(personas.dodi, plan.dindik_programme)


def test_a_plain_employee_and_a_facilitator_see_nothing(plan, personas):
    assert not access.plan_items_visible_to(personas.citra).exists()
    assert not access.plan_items_visible_to(personas.gita).exists()
    assert not access.can_read_monev(personas.citra)


def test_the_head_of_an_opd_reads_the_whole_opd(plan, personas):
    head = Position.objects.create(
        name="Kepala Dinas Pendidikan", position_type=PositionType.JPT_PRATAMA, org_unit=personas.regency.dindik
    )
    personas.regency.dindik.head_position = head
    personas.regency.dindik.save(update_fields=["head_position"])
    personas.citra_employee.position = head
    personas.citra_employee.save(update_fields=["position"])
    assert codes(access.plan_items_visible_to(personas.citra)) == ["1.01.02"]
    assert list(access.opds_visible_to(personas.citra)) == [personas.regency.dindik]


def test_only_the_opd_planning_staff_may_verify_and_never_the_submitter(plan, personas, enter):
    from pamong.monitoring import services

    report = services.realisation_submit(actor=personas.budi, realisation=enter(1, 10, 1000, by=personas.budi))
    assert not access.can_verify(personas.budi, report)
    assert access.can_verify(personas.ani, report)
    assert not access.can_verify(personas.eka, report)
    assert not access.can_verify(personas.dodi, report)
