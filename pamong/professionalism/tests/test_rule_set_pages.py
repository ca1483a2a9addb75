"""The rule-set pages: read by all who may see results, with [common]/[design] marks; copied and edited by the BKD."""

import re

import pytest

from pamong.core.models import AuditEntry
from pamong.professionalism.models import RuleSet

pytestmark = pytest.mark.django_db


def text(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def default():  # type: ignore[no-untyped-def]
    return RuleSet.objects.get(version=1)


def test_an_employee_reads_the_rules_with_their_provenance(personas, login):
    page = text(login(personas.citra).get(f"/ipasn/rules/{default().pk}/"))
    assert "Versi 1 · berlaku mulai 1 Januari 2019" in page
    assert "S-3 25" in page and "SLTA/SMK 5" in page
    assert "nilai baku, dapat disesuaikan Bobot kinerja 30 menurut praktik umum." in page
    assert "keputusan rancangan Sejak PermenPANRB 6/2022 kinerja berupa predikat" in page
    assert "Salin" not in page  # only the BKD administrator copies


def test_the_bkd_administrator_copies_then_edits_a_set(personas, login):
    client = login(personas.ani)
    response = client.post(
        f"/ipasn/rules/{default().pk}/copy/", {"name": "Aturan 2027", "effective_from": "2027-01-01"}
    )
    copy = RuleSet.objects.get(version=2)
    assert response.status_code == 302 and response["Location"] == f"/ipasn/rules/{copy.pk}/edit/"
    form = client.get(f"/ipasn/rules/{copy.pk}/edit/").context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial not in (None, False)}
    data["comp__pelaksana__seminar__points"] = "12.5"
    del data["include_pppk"]  # an unticked checkbox is not sent
    response = client.post(f"/ipasn/rules/{copy.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    copy.refresh_from_db()
    assert copy.document["competency"]["pelaksana"]["seminar"]["points"] == 12.5
    assert copy.document["include_pppk"] is False
    entry = AuditEntry.objects.get(action="ipasn.ruleset.updated")
    assert entry.changes == {"competency.pelaksana.seminar.points": [15, 12.5], "include_pppk": [True, False]}


def test_an_invalid_edit_shows_the_engines_message_and_saves_nothing(personas, login):
    client = login(personas.ani)
    client.post(f"/ipasn/rules/{default().pk}/copy/", {"name": "Uji", "effective_from": "2027-01-01"})
    copy = RuleSet.objects.get(version=2)
    form = client.get(f"/ipasn/rules/{copy.pk}/edit/").context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial not in (None, False)}
    data["edu__S3"] = "30"
    page = text(client.post(f"/ipasn/rules/{copy.pk}/edit/", data))
    assert "education_points.S3: melebihi poin maksimum dimensinya (25.00)." in page
    copy.refresh_from_db()
    assert copy.document["education_points"]["S3"] == 25


def test_others_cannot_copy_or_edit(personas, login):
    for persona in (personas.budi, personas.eka, personas.citra):
        assert (
            login(persona)
            .post(f"/ipasn/rules/{default().pk}/copy/", {"name": "x", "effective_from": "2027-01-01"})
            .status_code
            == 404
        )
    assert RuleSet.objects.count() == 1


def test_a_used_set_cannot_be_edited_from_the_web(measured, login):
    response = login(measured.ani).get(f"/ipasn/rules/{default().pk}/edit/")
    assert response.status_code == 302 and response["Location"] == f"/ipasn/rules/{default().pk}/"
