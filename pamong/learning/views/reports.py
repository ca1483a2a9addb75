"""The batch report as PDF and XLSX: participants, attendance matrix, scores and gains,
feedback summary, completion. Each reader sees the participants they may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from ..access import enrolments_visible_in, get_batch_for_user
from ..report import batch_report_context, batch_report_pdf, batch_report_xlsx


def _context(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    batch = get_batch_for_user(request.user, pk)
    enrolments = enrolments_visible_in(request.user, batch).confirmed().for_list()
    return batch, batch_report_context(batch, enrolments)


@login_required
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    batch, context = _context(request, pk)
    response = HttpResponse(batch_report_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="laporan-angkatan-{batch.pk}.pdf"'
    return response


@login_required
def report_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    batch, context = _context(request, pk)
    response = HttpResponse(
        batch_report_xlsx(context), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="laporan-angkatan-{batch.pk}.xlsx"'
    return response
