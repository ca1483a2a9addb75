"""Importing a year's Renja structure and targets from XLSX: upload, map the columns, all-or-nothing result.

The upload is kept under MEDIA_ROOT/monev/imports with a random name; which
file, OPD and year belong to an import is remembered in the session under a
random token, so one user's import is never reachable by another.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import access, importing, services
from ..forms import ImportMappingForm, ImportUploadForm

SESSION_KEY = "monev_imports"
KEEP = 5


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "monev" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _entry(request: HttpRequest, token: str) -> dict[str, Any]:
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None:
        raise Http404
    return entry


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    access.require_monev_planner(request.user)
    opds = access.opds_writable_by(request.user).order_by("code")
    form = ImportUploadForm(request.POST or None, request.FILES or None, opds=opds)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_hex(16)
        stored = _folder() / f"{token}.xlsx"
        with open(stored, "xb") as handle:
            for chunk in form.cleaned_data["file"].chunks():
                handle.write(chunk)
        try:
            sheet = importing.read_xlsx(stored)
        except importing.ReadError as exc:
            stored.unlink(missing_ok=True)
            form.add_error("file", exc.message)
        else:
            entries = request.session.setdefault(SESSION_KEY, {})
            entries[token] = {
                "path": stored.name,
                "name": form.cleaned_data["file"].name[:200],
                "opd": form.cleaned_data["opd"].pk,
                "year": form.cleaned_data["year"],
                "headers": sheet.headers,
                "rows": len(sheet.rows),
            }
            for old in list(entries)[:-KEEP]:
                (_folder() / entries.pop(old)["path"]).unlink(missing_ok=True)
            request.session.modified = True
            return redirect("monev_import_mapping", token=token)
    return render(request, "monitoring/import_upload.html", {"form": form, "columns": importing.COLUMNS})


@login_required
def import_mapping(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm which header holds which column, then import: everything or, with any bad cell, nothing."""
    access.require_monev_planner(request.user)
    entry = _entry(request, token)
    opd = access.get_opd_for_user(request.user, entry["opd"], write=True)
    guessed = importing.guess_mapping(entry["headers"])
    form = ImportMappingForm(request.POST or None, headers=entry["headers"], columns=importing.COLUMNS, initial=guessed)
    errors: list[Any] = []
    if request.method == "POST" and form.is_valid():
        mapping = form.mapping()
        path = _folder() / entry["path"]
        try:
            sheet = importing.read_xlsx(path)
        except (importing.ReadError, FileNotFoundError):
            raise Http404 from None
        items, errors = importing.parse(sheet, mapping)
        if not errors:
            try:
                counts = services.renja_import(
                    actor=request.user,
                    opd=opd,
                    year=entry["year"],
                    items=items,
                    file_name=entry["name"],
                    columns=mapping,
                )
            except services.ImportRejected as exc:
                errors = exc.cell_errors
            else:
                path.unlink(missing_ok=True)
                request.session[SESSION_KEY].pop(token, None)
                request.session.modified = True
                messages.success(
                    request,
                    _(
                        "Impor selesai: %(ic)d program/kegiatan baru, %(iu)d diperbarui; "
                        "%(nc)d indikator baru, %(nu)d diperbarui."
                    )
                    % {
                        "ic": counts.items_created,
                        "iu": counts.items_updated,
                        "nc": counts.indicators_created,
                        "nu": counts.indicators_updated,
                    },
                )
                return redirect(f"{_opd_url(opd.pk)}?year={entry['year']}")
    return render(
        request,
        "monitoring/import_mapping.html",
        {"form": form, "entry": entry, "opd": opd, "errors": errors[:500], "error_count": len(errors)},
    )


def _opd_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("monev_opd", args=[pk])
