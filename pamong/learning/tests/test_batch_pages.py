"""The back-office pages: nomination (one and bulk), status buttons, the batch page's query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pamong.conftest import make_employee
from pamong.learning.models import Batch, BatchStatus, Enrolment
from pamong.people.models import Position, PositionType

from .helpers import attend_all, batch, enrol, programme

pytestmark = pytest.mark.django_db


def _administrators(p, n, start=0):  # type: ignore[no-untyped-def]
    people = []
    for i in range(start, start + n):
        post = Position.objects.create(
            name=f"Kabid {i}", position_type=PositionType.ADMINISTRATOR, org_unit=p.regency.puskesmas
        )
        people.append(
            make_employee(p.regency.puskesmas, name=f"Pejabat {i:02d}", nip=f"1981010120060410{i:02d}", position=post)
        )
    return people


def test_an_operator_nominates_by_nip_and_sees_the_status(personas, login):
    b = batch(personas, status=BatchStatus.OPEN)
    page = login(personas.budi).post(
        f"/learning/batches/{b.pk}/nominate/", {"mode": "one", "one-nip": "198005102005011003"}, follow=True
    )
    assert "Dodi Pratama: Diundang." in page.content.decode()


def test_an_operator_cannot_nominate_by_nip_outside_their_units(personas, login):
    b = batch(personas, status=BatchStatus.OPEN)
    page = login(personas.budi).post(
        f"/learning/batches/{b.pk}/nominate/", {"mode": "one", "one-nip": "199203152019032004"}
    )
    assert "tidak ditemukan di unit yang dapat Anda kelola" in page.content.decode()
    assert not Enrolment.objects.exists()


def test_bulk_nomination_of_all_administrators_of_an_opd_reports_the_outcome(personas, login):
    b = batch(personas, status=BatchStatus.OPEN, capacity=2)
    _administrators(personas, 2)
    page = (
        login(personas.budi)
        .post(
            f"/learning/batches/{b.pk}/nominate/",
            {
                "mode": "bulk",
                "bulk-units": [personas.regency.dinkes.pk],
                "bulk-position_types": ["administrator", "fungsional"],
            },
        )
        .content.decode()
    )
    # Dodi and two more administrators are eligible; the nurse (fungsional) is not.
    assert "2 diundang, 1 masuk daftar tunggu, 1 tidak didaftarkan." in page
    assert "Sri Wahyuni menjabat Perawat Terampil (Fungsional)" in page
    assert Enrolment.objects.filter(status="waitlisted").count() == 1


def test_the_bkd_opens_starts_and_closes_a_batch_with_the_buttons(personas, login):
    b = batch(personas)
    client = login(personas.ani)
    client.post(f"/learning/batches/{b.pk}/status/", {"action": "open"})
    e = enrol(personas, Batch.objects.get(pk=b.pk))
    client.post(f"/learning/batches/{b.pk}/status/", {"action": "start"})
    attend_all(personas, e)
    page = client.post(f"/learning/batches/{b.pk}/status/", {"action": "close"}, follow=True).content.decode()
    assert "Angkatan ditutup: 1 peserta lulus, 0 belum; 1 sertifikat diterbitkan." in page
    assert Batch.objects.get(pk=b.pk).status == BatchStatus.CLOSED


def test_a_refused_transition_is_shown_as_a_message(personas, login):
    b = batch(personas, sessions=0)
    page = (
        login(personas.ani).post(f"/learning/batches/{b.pk}/status/", {"action": "open"}, follow=True).content.decode()
    )
    assert "Tambahkan paling sedikit satu sesi sebelum membuka pendaftaran." in page


def test_the_batch_page_does_not_query_per_participant(personas, login):
    b = batch(personas, programme(personas, target_position_types=[]), status=BatchStatus.RUNNING, capacity=40)
    client = login(personas.ani)
    for employee in _administrators(personas, 2):
        attend_all(personas, enrol(personas, b, employee))
    with CaptureQueriesContext(connection) as few:
        client.get(f"/learning/batches/{b.pk}/")
    for employee in _administrators(personas, 10, start=2):
        attend_all(personas, enrol(personas, b, employee))
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/learning/batches/{b.pk}/")
    assert response.content.decode().count("Pejabat ") >= 12
    assert len(many) == len(few)
