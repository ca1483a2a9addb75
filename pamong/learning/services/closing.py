"""Closing a batch: completion, JP credit and certificates in one transaction; reopening; revocation.

``batch_close``:

1. Lock the batch; it must be running (or already closed: then nothing happens twice,
   see step 5) and name the certificate's signatory.
2. Compute every confirmed participant's completion (:mod:`pamong.learning.completion`)
   and store it on the enrolment.
3. Credit each completed participant's JP: one ``people.TrainingRecord`` with
   ``source_ref="learning.batch:<id>"``. The database allows one such record per
   employee and batch, so closing again never credits twice.
4. Issue a certificate to each completed participant who has none, numbered from the
   programme's format with the year's next sequence number.
5. A batch reopened and closed again keeps earlier records and certificates; a participant
   who no longer completes loses the JP record and the certificate is revoked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.audit import audit_record
from pamong.core.models import Source
from pamong.people.models import TrainingRecord

from ..errors import message
from ..models import Batch, BatchStatus, Certificate, CertificateCounter, Enrolment
from ..results import batch_results
from .programmes import set_status

NO_LONGER_COMPLETE = "Tidak lagi memenuhi syarat kelulusan setelah angkatan dibuka kembali."


def source_ref(batch: Batch) -> str:
    return f"learning.batch:{batch.pk}"


@dataclass(frozen=True)
class CloseResult:
    completed: int
    not_completed: int
    credited: int
    certificates: int
    withdrawn_credits: int


def next_certificate_number(*, number_format: str, year: int) -> str:
    """The next unused number of ``year`` (the counter row is locked until commit)."""
    CertificateCounter.objects.get_or_create(year=year)
    counter = CertificateCounter.objects.select_for_update().get(year=year)
    seq = counter.last
    while True:
        seq += 1
        number = number_format.format(seq=seq, year=year)
        if not Certificate.objects.filter(number=number).exists():
            break
    CertificateCounter.objects.filter(year=year).update(last=seq)
    return number


def _issue(*, enrolment: Enrolment, batch: Batch, hours_jp: Any, today: dt.date) -> Certificate:
    employee = enrolment.employee
    return Certificate.objects.create(
        enrolment=enrolment,
        number=next_certificate_number(number_format=batch.programme.certificate_number_format, year=today.year),
        issued_on=today,
        holder_name=employee.full_name,
        holder_nip=employee.nip,
        holder_position=employee.position.name if employee.position else "",
        holder_unit=employee.org_unit.name,
        programme_title=batch.programme.title,
        issuer_name=batch.programme.owner_unit.name,
        batch_label=batch.label,
        start_date=batch.start_date,
        end_date=batch.end_date,
        hours_jp=hours_jp,
        signatory_name=batch.signatory_name,
        signatory_position=batch.signatory_position,
        signatory_nip=batch.signatory_nip,
    )


@transaction.atomic
def batch_close(*, actor: Any, batch: Batch, source: str = Source.WEB) -> CloseResult:
    batch = Batch.objects.select_for_update().select_related("programme", "programme__owner_unit").get(pk=batch.pk)
    if batch.status != BatchStatus.RUNNING:
        closed = str(dict(BatchStatus.choices)[BatchStatus.CLOSED])
        raise ValidationError(message("batch_bad_transition", **{"from": batch.get_status_display(), "to": closed}))
    if not batch.signatory_name.strip() or not batch.signatory_position.strip():
        raise ValidationError(message("batch_needs_signatory"))
    today = timezone.localdate()
    enrolments = (
        Enrolment.objects.filter(batch=batch)
        .confirmed()
        .select_related("employee", "employee__org_unit", "employee__position")
        .order_by("employee__name", "id")
    )
    results = batch_results(batch, enrolments)
    hours = results.jp
    ref = source_ref(batch)
    credited_before = set(TrainingRecord.objects.filter(source_ref=ref).values_list("employee_id", flat=True))
    certificates = {c.enrolment_id: c for c in Certificate.objects.filter(enrolment__batch=batch)}
    programme = batch.programme
    name = f"{programme.title} {batch.label}"
    credited = issued = withdrawn = 0
    completed_ids = []
    for row in results.rows:
        enrolment = row.enrolment
        done = row.completion.completed
        enrolment.completed = done
        enrolment.completion_missing = [
            {"code": m.code, "needed": str(m.needed), "have": str(m.have)} for m in row.completion.missing
        ]
        employee = enrolment.employee
        if done:
            completed_ids.append(employee.pk)
            certificate = certificates.get(enrolment.pk)
            if certificate is None:
                certificate = _issue(enrolment=enrolment, batch=batch, hours_jp=hours, today=today)
                issued += 1
            elif (
                not certificate.is_valid
                and certificate.revoked_by_id is None
                and (certificate.revoked_reason == NO_LONGER_COMPLETE)
            ):
                Certificate.objects.filter(pk=certificate.pk).update(revoked_at=None, revoked_reason="")
            if employee.pk not in credited_before:
                # An identical record typed in or imported earlier becomes this batch's record.
                same = TrainingRecord.objects.filter(
                    employee=employee, kind=programme.kind, name=name, start_date=batch.start_date, source_ref=""
                )
                if same.update(source_ref=ref) == 0:
                    TrainingRecord.objects.create(
                        employee=employee,
                        kind=programme.kind,
                        name=name,
                        organizer=programme.owner_unit.name,
                        start_date=batch.start_date,
                        end_date=batch.end_date,
                        hours_jp=hours,
                        certificate_number=certificate.number,
                        competency_type=programme.competency_type,
                        source_ref=ref,
                    )
                credited += 1
        else:
            if employee.pk in credited_before:
                TrainingRecord.objects.filter(employee=employee, source_ref=ref).delete()
                withdrawn += 1
            certificate = certificates.get(enrolment.pk)
            if certificate is not None and certificate.is_valid:
                Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
                    revoked_at=timezone.now(), revoked_reason=NO_LONGER_COMPLETE
                )
    Enrolment.objects.bulk_update([r.enrolment for r in results.rows], ["completed", "completion_missing"])
    set_status(
        batch=batch,
        to=BatchStatus.CLOSED,
        allowed_from=(BatchStatus.RUNNING,),
        closed_at=timezone.now(),
        pre_test_open=False,
        post_test_open=False,
    )
    result = CloseResult(
        completed=results.completed_count,
        not_completed=len(results.rows) - results.completed_count,
        credited=credited,
        certificates=issued,
        withdrawn_credits=withdrawn,
    )
    audit_record(
        actor=actor,
        action="learning.batch.closed",
        obj=batch,
        source=source,
        changes={
            "status": [BatchStatus.RUNNING, BatchStatus.CLOSED],
            "hours_jp": [None, hours],
            "completed": [None, completed_ids],
            "credited": [None, credited],
            "certificates_issued": [None, issued],
            "credits_withdrawn": [None, withdrawn],
        },
    )
    return result


@transaction.atomic
def batch_reopen(*, actor: Any, batch: Batch, reason: str, source: str = Source.WEB) -> Batch:
    """Closed → running, to correct attendance or scores; close again to settle."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan membuka kembali angkatan.")})
    set_status(batch=batch, to=BatchStatus.RUNNING, allowed_from=(BatchStatus.CLOSED,), closed_at=None)
    audit_record(
        actor=actor,
        action="learning.batch.reopened",
        obj=batch,
        source=source,
        changes={"status": [BatchStatus.CLOSED, BatchStatus.RUNNING], "reason": [None, reason]},
    )
    return batch


@transaction.atomic
def certificate_revoke(*, actor: Any, certificate: Certificate, reason: str, source: str = Source.WEB) -> Certificate:
    """Revoke a certificate with a reason. The JP it evidenced no longer counts: the batch's
    training record of the holder is removed from the ledger [design]."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message("revoke_reason")})
    now = timezone.now()
    updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_reason=reason[:300], revoked_by=actor if getattr(actor, "pk", None) else None
    )
    if updated != 1:
        raise ValidationError(message("already_revoked"))
    enrolment = certificate.enrolment
    removed, _detail = TrainingRecord.objects.filter(
        employee_id=enrolment.employee_id, source_ref=source_ref(enrolment.batch)
    ).delete()
    certificate.refresh_from_db()
    audit_record(
        actor=actor,
        action="learning.certificate.revoked",
        obj=certificate,
        source=source,
        changes={"revoked": [False, True], "reason": [None, reason], "jp_records_removed": [None, removed]},
    )
    return certificate
