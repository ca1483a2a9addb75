import pytest
from django.urls import reverse

from pamong.conftest import make_employee
from pamong.core.models import AuditEntry
from pamong.people.models import Employee

pytestmark = pytest.mark.django_db


def test_operator_list_shows_only_their_opd(personas, login):
    response = login(personas.budi).get(reverse("employee_list"))
    names = {e.name for e in response.context["page"].object_list}
    assert names == {"Dodi Pratama", "Sri Wahyuni"}


def test_search_by_nip_prefix_and_by_name(personas, login):
    client = login(personas.ani)
    by_nip = client.get(reverse("employee_list"), {"q": "19920315"})
    assert [e.name for e in by_nip.context["page"].object_list] == ["Citra Dewi"]
    by_name = client.get(reverse("employee_list"), {"q": "wahyu"})
    assert [e.name for e in by_name.context["page"].object_list] == ["Sri Wahyuni"]


def test_filters_by_unit_subtree_status_and_position_type(personas, login):
    client = login(personas.ani)
    dinkes = client.get(reverse("employee_list"), {"unit": personas.regency.dinkes.pk})
    assert {e.name for e in dinkes.context["page"].object_list} == {"Dodi Pratama", "Sri Wahyuni"}
    pppk = client.get(reverse("employee_list"), {"status": "pppk"})
    assert [e.name for e in pppk.context["page"].object_list] == ["Sri Wahyuni"]
    admins = client.get(reverse("employee_list"), {"position_type": "administrator"})
    assert [e.name for e in admins.context["page"].object_list] == ["Dodi Pratama"]


def test_htmx_request_gets_only_the_results_partial(personas, login):
    response = login(personas.ani).get(reverse("employee_list"), {"q": "citra"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body and "Citra Dewi" in body


def test_list_query_count_does_not_grow_with_employees(personas, login, django_assert_max_num_queries):
    client = login(personas.ani)
    for i in range(40):
        make_employee(
            personas.regency.puskesmas, name=f"Pegawai {i:02d}", nip=f"19900101201501{1 if i % 2 else 2}{i:03d}"
        )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("employee_list"))
    assert response.context["page"].paginator.count == 44


def test_operator_cannot_open_another_opd_employee_by_url(personas, login):
    client = login(personas.budi)
    assert client.get(reverse("employee_detail", args=[personas.citra_employee.pk])).status_code == 404
    assert client.get(reverse("employee_edit", args=[personas.citra_employee.pk])).status_code == 404
    assert client.get(reverse("employee_detail", args=[personas.nurse_employee.pk])).status_code == 200


def test_employee_sees_own_profile_but_not_a_colleague(personas, login):
    client = login(personas.citra)
    own = client.get(reverse("employee_detail", args=[personas.citra_employee.pk]))
    assert own.status_code == 200 and "199203152019032004" in own.content.decode()
    assert client.get(reverse("employee_detail", args=[personas.dodi_employee.pk])).status_code == 404
    assert client.get(reverse("employee_list")).status_code == 404


def _form_data(unit, **overrides):
    data = {
        "nip": "198807212010122001",
        "name": "Rina Kusumawati",
        "front_title": "",
        "back_title": "S.Kep.",
        "sex": "P",
        "birth_date": "1988-07-21",
        "birth_place": "Kediri",
        "status": "pns",
        "golongan": "III/b",
        "org_unit": unit.pk,
        "is_active": "on",
        "email_gov": "",
    }
    data.update(overrides)
    return data


def test_operator_adds_employee_and_the_audit_log_records_it(personas, login):
    client = login(personas.budi)
    response = client.post(reverse("employee_create"), _form_data(personas.regency.puskesmas))
    employee = Employee.objects.get(nip="198807212010122001")
    assert response.status_code == 302 and response["Location"] == reverse("employee_detail", args=[employee.pk])
    entry = AuditEntry.objects.for_object("people.employee", employee.pk).get()
    assert entry.action == "people.employee.created" and entry.actor_id == personas.budi.pk
    assert entry.changes["name"] == [None, "Rina Kusumawati"]


def test_birth_date_that_disagrees_with_nip_is_refused_in_indonesian(personas, login):
    client = login(personas.budi)
    response = client.post(reverse("employee_create"), _form_data(personas.regency.puskesmas, birth_date="1988-07-22"))
    assert response.status_code == 200
    assert (
        "Tanggal lahir tidak sama dengan tanggal lahir dalam NIP (21-07-1988)."
        in response.context["form"].errors["birth_date"]
    )
    assert not Employee.objects.filter(nip="198807212010122001").exists()


def test_truncated_nip_is_refused_with_its_length(personas, login):
    response = login(personas.budi).post(
        reverse("employee_create"), _form_data(personas.regency.puskesmas, nip="1988072120101220")
    )
    assert response.context["form"].errors["nip"] == ["NIP harus 18 digit (tertulis 16 digit)."]


def test_operator_cannot_add_employee_to_another_opd(personas, login):
    response = login(personas.budi).post(reverse("employee_create"), _form_data(personas.regency.dindik_bidang))
    assert response.status_code == 200 and "org_unit" in response.context["form"].errors
    assert not Employee.objects.filter(nip="198807212010122001").exists()


def test_transfer_is_audited_with_before_and_after(personas, login):
    client = login(personas.ani)
    nurse = personas.nurse_employee
    data = _form_data(
        personas.regency.dinkes_bidang,
        nip=nurse.nip,
        name=nurse.name,
        sex="P",
        birth_date="1995-12-12",
        status="pppk",
        golongan="VII",
        back_title="",
    )
    response = client.post(reverse("employee_edit", args=[nurse.pk]), data)
    assert response.status_code == 302
    nurse.refresh_from_db()
    assert nurse.org_unit == personas.regency.dinkes_bidang
    entry = AuditEntry.objects.for_object("people.employee", nurse.pk).first()
    assert entry.action == "people.employee.transferred"
    assert entry.changes["org_unit"] == [personas.regency.puskesmas.pk, personas.regency.dinkes_bidang.pk]
    page = client.get(reverse("employee_detail", args=[nurse.pk])).content.decode()
    assert "people.employee.transferred" in page


def test_leader_can_read_but_not_edit(personas, login):
    client = login(personas.eka)
    assert client.get(reverse("employee_detail", args=[personas.nurse_employee.pk])).status_code == 200
    assert client.get(reverse("employee_edit", args=[personas.nurse_employee.pk])).status_code == 404
    assert client.get(reverse("employee_create")).status_code == 404


def test_history_record_is_added_and_audited(personas, login):
    client = login(personas.budi)
    url = reverse("history_add", args=[personas.nurse_employee.pk, "training"])
    response = client.post(
        url,
        {
            "kind": "bimbingan_teknis",
            "name": "Bimtek Pelayanan Prima",
            "organizer": "BKD",
            "start_date": "2026-03-02",
            "end_date": "2026-03-04",
            "hours_jp": "24",
        },
    )
    assert response.status_code == 302
    assert personas.nurse_employee.trainings.get().hours_jp == 24
    assert AuditEntry.objects.filter(action="people.training.added", object_id=str(personas.nurse_employee.pk)).exists()


def test_training_with_end_before_start_is_refused(personas, login):
    url = reverse("history_add", args=[personas.nurse_employee.pk, "training"])
    response = login(personas.budi).post(
        url,
        {"kind": "seminar", "name": "Seminar", "start_date": "2026-03-04", "end_date": "2026-03-02", "hours_jp": "4"},
    )
    assert response.status_code == 200
    assert not personas.nurse_employee.trainings.exists()
