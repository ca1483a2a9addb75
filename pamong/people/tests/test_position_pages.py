import pytest
from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.people.models import Position

pytestmark = pytest.mark.django_db


def test_operator_adds_a_functional_post_to_a_unit_in_scope(personas, login):
    url = reverse("position_create", args=[personas.regency.puskesmas.pk])
    response = login(personas.budi).post(
        url, {"name": "Bidan Terampil", "position_type": "fungsional", "functional_level": "terampil"}
    )
    assert response.status_code == 302
    post = Position.objects.get(name="Bidan Terampil")
    assert post.org_unit == personas.regency.puskesmas and post.eselon == ""
    assert AuditEntry.objects.filter(action="people.position.created", object_id=str(post.pk)).exists()


def test_level_is_refused_for_a_structural_post(personas, login):
    url = reverse("position_create", args=[personas.regency.puskesmas.pk])
    response = login(personas.budi).post(
        url, {"name": "Kepala Seksi", "position_type": "pengawas", "functional_level": "terampil"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["functional_level"] == ["Jenjang hanya untuk jabatan fungsional."]
    assert not Position.objects.filter(name="Kepala Seksi").exists()


def test_renaming_a_post_is_audited_and_other_opd_cannot(personas, login):
    post = personas.dodi_employee.position
    response = login(personas.budi).post(
        reverse("position_edit", args=[post.pk]), {"name": "Kepala Bidang Yankes", "position_type": "administrator"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.name == "Kepala Bidang Yankes" and post.eselon == "III"
    entry = AuditEntry.objects.get(action="people.position.updated")
    assert entry.changes["name"] == ["Kepala Bidang Pelayanan Kesehatan", "Kepala Bidang Yankes"]
    guru = personas.citra_employee.position
    assert login(personas.budi).get(reverse("position_edit", args=[guru.pk])).status_code == 404
