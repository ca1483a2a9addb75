"""A quarter's report: draft → submitted → verified, or → returned with a note → corrected → submitted."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pamong.core.models import AuditEntry
from pamong.monitoring import services
from pamong.monitoring.models import Notification, Realisation, Status


def test_the_official_saves_a_draft_and_submits_it(plan, personas, enter):
    draft = enter(1, 20, 125_000_000)
    assert (draft.status, draft.budget_spent, draft.entered_by) == (Status.DRAFT, Decimal(125_000_000), personas.dodi)
    assert draft.values.get().value == Decimal(20)
    submitted = services.realisation_submit(actor=personas.dodi, realisation=draft)
    assert (submitted.status, submitted.submitted_by) == (Status.SUBMITTED, personas.dodi)


def test_a_submitted_quarter_cannot_be_edited(plan, personas, enter):
    services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    with pytest.raises(ValidationError) as caught:
        enter(1, 25, 1)
    assert caught.value.messages == ["Realisasi triwulan ini berstatus Diajukan dan tidak dapat diubah."]
    assert Realisation.objects.get().values.get().value == Decimal(20)


def test_returned_then_corrected_then_submitted_then_verified(plan, personas, enter):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    services.realisation_return(actor=personas.budi, realisation=report, note="Lampirkan SPJ triwulan I.")
    report.refresh_from_db()
    assert (report.status, report.return_note) == (Status.RETURNED, "Lampirkan SPJ triwulan I.")
    corrected = enter(1, 22, 1)
    assert corrected.values.get().value == Decimal(22)
    services.realisation_submit(actor=personas.dodi, realisation=corrected)
    verified = services.realisation_verify(actor=personas.budi, realisation=corrected)
    assert (verified.status, verified.reviewed_by) == (Status.VERIFIED, personas.budi)
    actions = list(
        AuditEntry.objects.filter(action__startswith="monev.realisation.")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "monev.realisation.created",
        "monev.realisation.submitted",
        "monev.realisation.returned",
        "monev.realisation.saved",
        "monev.realisation.submitted",
        "monev.realisation.verified",
    ]


def test_returning_tells_the_submitter_in_the_app_and_by_email(
    plan, personas, enter, mailoutbox, django_capture_on_commit_callbacks
):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.realisation_return(actor=personas.budi, realisation=report, note="Angka TW I belum sesuai SPJ.")
    note = Notification.objects.get(user=personas.dodi)
    assert note.title == "Realisasi TW I dikembalikan: Pengelolaan Pelayanan Kesehatan Dasar"
    assert note.url == reverse("monev_realisation", args=[report.pk])
    assert [m.to for m in mailoutbox] == [["dodi@contoh.go.id"]]
    assert "Angka TW I belum sesuai SPJ." in mailoutbox[0].body


def test_the_submitter_cannot_verify_or_return_the_own_report(plan, personas, enter):
    report = services.realisation_submit(actor=personas.budi, realisation=enter(1, 20, 1, by=personas.budi))
    with pytest.raises(ValidationError):
        services.realisation_verify(actor=personas.budi, realisation=report)
    with pytest.raises(ValidationError):
        services.realisation_return(actor=personas.budi, realisation=report, note="x")
    assert services.realisation_verify(actor=personas.ani, realisation=report).status == Status.VERIFIED


def test_the_submitter_gets_a_404_on_the_verify_url_when_not_planning_staff(plan, personas, enter, login):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    response = login(personas.dodi).post(reverse("monev_realisation_verify", args=[report.pk]))
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


def test_a_report_is_verified_once_even_when_two_verifiers_click(plan, personas, enter):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    stale = Realisation.objects.get(pk=report.pk)
    services.realisation_verify(actor=personas.budi, realisation=report)
    with pytest.raises(ValidationError) as caught:
        services.realisation_return(actor=personas.ani, realisation=stale, note="terlambat")
    assert caught.value.messages == ["Realisasi ini sudah berstatus Terverifikasi; muat ulang halaman."]
    assert AuditEntry.objects.filter(action="monev.realisation.returned").count() == 0


def test_submission_needs_every_indicator_and_the_budget_spent(plan, personas, enter):
    draft = services.realisation_save(actor=personas.dodi, item=plan.sub_activity, quarter=1, values={}, data={})
    with pytest.raises(ValidationError) as caught:
        services.realisation_submit(actor=personas.dodi, realisation=draft)
    assert caught.value.messages == ["Belum dapat diajukan; isi dulu: Jumlah dokumen perencanaan, realisasi anggaran."]


def test_returning_needs_a_note(plan, personas, enter):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    with pytest.raises(ValidationError) as caught:
        services.realisation_return(actor=personas.budi, realisation=report, note="  ")
    assert caught.value.message_dict == {"note": ["Tuliskan catatan: apa yang perlu diperbaiki."]}


def test_budget_spent_is_entered_on_sub_activities_only(plan, personas):
    with pytest.raises(ValidationError) as caught:
        services.realisation_save(
            actor=personas.dodi, item=plan.programme, quarter=1, values={}, data={"budget_spent": Decimal(5)}
        )
    assert "budget_spent" in caught.value.message_dict


def test_the_entry_page_saves_and_submits_through_the_form(plan, personas, login):
    client = login(personas.dodi)
    url = reverse("monev_entry", args=[plan.sub_activity.pk, 1])
    page = client.get(url)
    assert page.status_code == 200 and "Jumlah dokumen perencanaan (dokumen)" in page.content.decode()
    response = client.post(
        url,
        {
            f"value_{plan.output.pk}": "20",
            "budget_spent": "125.000.000",
            "drivers": "Dukungan kepala puskesmas",
            "obstacles": "Jaringan internet",
            "follow_up": "Pendampingan",
            "action": "submit",
        },
    )
    report = Realisation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("monev_realisation", args=[report.pk])
    assert (report.status, report.budget_spent, report.obstacles) == (
        Status.SUBMITTED,
        Decimal(125_000_000),
        "Jaringan internet",
    )
    # A submitted report's entry page sends the official to the read-only page.
    assert client.get(url)["Location"] == reverse("monev_realisation", args=[report.pk])


def test_planning_staff_return_a_report_through_the_page(plan, personas, enter, login):
    report = services.realisation_submit(actor=personas.dodi, realisation=enter(1, 20, 1))
    client = login(personas.budi)
    page = client.get(reverse("monev_realisation", args=[report.pk]))
    assert "Kembalikan dengan catatan" in page.content.decode()
    response = client.post(reverse("monev_realisation_return", args=[report.pk]), {"note": "Perbaiki volume."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.return_note) == (Status.RETURNED, "Perbaiki volume.")
