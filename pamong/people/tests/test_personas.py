from pamong.people.access import employees_visible_to, employees_writable_by


def test_operator_sees_only_their_opd_subtree(personas):
    names = set(employees_visible_to(personas.budi).values_list("name", flat=True))
    assert names == {"Dodi Pratama", "Sri Wahyuni"}


def test_employee_without_role_sees_only_self(personas):
    assert list(employees_visible_to(personas.citra)) == [personas.citra_employee]
    assert not employees_writable_by(personas.citra).exists()


def test_leader_reads_but_cannot_write(personas):
    assert employees_visible_to(personas.eka).count() == 4
    assert not employees_writable_by(personas.eka).exists()
    assert set(employees_visible_to(personas.fajar).values_list("name", flat=True)) == {"Citra Dewi"}


def test_direct_supervisor_is_unit_head(personas):
    assert personas.nurse_employee.direct_supervisor() == personas.dodi_employee
