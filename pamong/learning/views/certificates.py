"""Certificates: the holder's PDF, a batch's ZIP, revocation, and the public verification page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import services
from ..access import RUN, get_batch_for_user, get_certificate_for_user, get_certificate_to_revoke
from ..certificates import certificate_for_token, certificate_pdf, certificates_zip, file_name
from ..forms import ReasonForm
from ..models import Certificate
from .common import apply_errors, base_url


@login_required
def certificate_download(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_for_user(request.user, pk)
    response = HttpResponse(certificate_pdf(certificate, base_url(request)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name(certificate)}"'
    return response


@login_required
def certificate_zip(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_batch_for_user(request.user, pk, action=RUN)
    certificates = Certificate.objects.valid().filter(enrolment__batch=batch).order_by("number")
    response = HttpResponse(certificates_zip(certificates, base_url(request)), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-angkatan-{batch.pk}.zip"'
    return response


@login_required
def certificate_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = get_certificate_to_revoke(request.user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Sertifikat %(n)s dicabut.") % {"n": certificate.number})
            return redirect("learning:batch_detail", pk=certificate.enrolment.batch_id)
    return render(request, "learning/certificate_revoke.html", {"certificate": certificate, "form": form})


@never_cache
def certificate_verify(request: HttpRequest, token: str) -> HttpResponse:
    """Public: valid or revoked, the name, the programme and the date, nothing more."""
    certificate = certificate_for_token(token)
    return render(
        request,
        "learning/certificate_verify.html",
        {"certificate": certificate},
        status=200 if certificate else 404,
    )
