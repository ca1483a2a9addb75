"""Employee import pages: upload, column mapping, result or error report, background progress.

URLs (under /people/import/): ``""`` upload (``import_upload``),
``template/<kind>.xlsx`` the empty template, ``<token>/mapping/``,
``<token>/`` the result, ``<token>/report.xlsx`` the error workbook,
``jobs/<pk>/`` a background import's progress (htmx-polled) and
``jobs/<pk>/report.xlsx``.

Permission: only users who may write people (``can_write_people``); rows for
units the user may not write are errors of the import itself. Everything
else is 404. An upload is kept under MEDIA_ROOT/imports with a random name,
and its state (file, kind, mapping, result) in the session under a random
token, never in a new model.
"""

from __future__ import annotations

import io
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from pamong.core.jobs import job_create
from pamong.core.models import Job

from ..access import require_people_writer
from ..importing import LAYOUTS, ImportResult, check_headers, import_file
from ..importing.forms import MappingForm, UploadForm
from ..importing.report import write_template
from ..importing.service import import_folder
from ..tasks import IMPORT_JOB_KIND, import_file_task

SESSION_KEY = "people_imports"
KEEP_IN_SESSION = 5  # uploads remembered per session; older ones are forgotten
ERRORS_SHOWN = 200


def _entries(request: HttpRequest) -> dict[str, dict[str, Any]]:
    return request.session.setdefault(SESSION_KEY, {})


def _entry(request: HttpRequest, token: str) -> dict[str, Any]:
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None:
        raise Http404
    return entry


def _save(request: HttpRequest, token: str, entry: dict[str, Any]) -> None:
    entries = _entries(request)
    entries[token] = entry
    for old in list(entries)[:-KEEP_IN_SESSION]:
        _forget(entries.pop(old))
    request.session.modified = True


def _forget(entry: dict[str, Any]) -> None:
    for key in ("path", "report"):
        if entry.get(key):
            (import_folder() / Path(entry[key]).name).unlink(missing_ok=True)


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    """1. Save the upload under a random name. 2. Read its headers. 3. Ask for a
    mapping if a required column is missing, else import (or queue) it."""
    require_people_writer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = secrets.token_hex(16)
        suffix = Path(upload.name).suffix.lower()
        stored = import_folder() / f"{token}{suffix}"
        with open(stored, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        kind = form.cleaned_data["kind"]
        check = check_headers(path=stored, kind=kind, name=upload.name)
        if check.errors:
            stored.unlink(missing_ok=True)
            for error in check.errors:
                form.add_error("file", error.message)
        else:
            entry = {
                "path": stored.name,
                "name": upload.name,
                "kind": kind,
                "mapping": {},
                "dry_run": form.cleaned_data["dry_run"],
                "rows": check.rows,
                "headers": check.headers,
                "columns": check.columns,
                "result": None,
                "report": "",
            }
            _save(request, token, entry)
            if check.missing_columns:
                return redirect("import_mapping", token=token)
            return import_start(request, token)
    layouts = [(kind, layout) for kind, layout in LAYOUTS.items()]
    return render(request, "people/import_upload.html", {"form": form, "layouts": layouts})


def import_start(request: HttpRequest, token: str) -> HttpResponse:
    """Import now (small files) or queue a background job (more than IMPORT_BACKGROUND_ROWS rows)."""
    entry = _entry(request, token)
    stored = import_folder() / entry["path"]
    if entry["rows"] > settings.IMPORT_BACKGROUND_ROWS:
        job = job_create(
            kind=IMPORT_JOB_KIND,
            actor=request.user,
            total=entry["rows"] * 2,
            params={
                "path": str(stored),
                "name": entry["name"],
                "kind": entry["kind"],
                "mapping": entry["mapping"],
                "dry_run": entry["dry_run"],
            },
        )
        import_file_task.enqueue(job.pk)
        entry["path"] = ""  # the job owns the file now
        _save(request, token, entry)
        return redirect("import_job", pk=job.pk)
    report_path = import_folder() / f"{token}-laporan.xlsx"
    result = import_file(
        actor=request.user,
        path=stored,
        kind=entry["kind"],
        mapping=entry["mapping"] or None,
        name=entry["name"],
        dry_run=entry["dry_run"],
        report_path=report_path,
    )
    stored.unlink(missing_ok=True)
    entry.update(
        path="", result=result.to_dict(max_errors=ERRORS_SHOWN), report=report_path.name if report_path.exists() else ""
    )
    _save(request, token, entry)
    return redirect("import_result", token=token)


@login_required
@require_http_methods(["GET", "POST"])
def import_mapping(request: HttpRequest, token: str) -> HttpResponse:
    """Map the file's headers to pamong's columns when they are not SIASN's names."""
    require_people_writer(request.user)
    entry = _entry(request, token)
    if not entry["path"]:
        raise Http404
    form = MappingForm(request.POST or None, kind=entry["kind"], headers=entry["headers"], initial_map=entry["columns"])
    if request.method == "POST" and form.is_valid():
        entry["mapping"] = form.mapping()
        _save(request, token, entry)
        return import_start(request, token)
    return render(
        request,
        "people/import_mapping.html",
        {
            "form": form,
            "entry": entry,
            "layout": LAYOUTS[entry["kind"]],
        },
    )


@login_required
def import_result(request: HttpRequest, token: str) -> HttpResponse:
    require_people_writer(request.user)
    entry = _entry(request, token)
    if entry["result"] is None:
        raise Http404
    result = ImportResult.from_dict(entry["result"])
    return render(
        request,
        "people/import_result.html",
        {
            "result": result,
            "layout": LAYOUTS[result.kind],
            "errors_shown": ERRORS_SHOWN,
            "report_url": reverse("import_report", kwargs={"token": token}) if entry["report"] else "",
        },
    )


@login_required
def import_report(request: HttpRequest, token: str) -> FileResponse:
    require_people_writer(request.user)
    entry = _entry(request, token)
    return _report_response(entry.get("report", ""), entry["name"])


def _report_response(report: str, name: str) -> FileResponse:
    if not report:
        raise Http404
    path = import_folder() / Path(report).name
    if not path.is_file():
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True, filename=f"laporan-{Path(name).stem}.xlsx")


@login_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """The empty workbook for ``kind``, NIP column formatted as text, with a notes sheet."""
    require_people_writer(request.user)
    if kind not in LAYOUTS:
        raise Http404
    buffer = io.BytesIO()
    write_template(buffer, kind)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="template-{kind}.xlsx"'
    return response


def _job_for(request: HttpRequest, pk: int) -> Job:
    require_people_writer(request.user)
    job = Job.objects.visible_to(request.user).filter(pk=pk, kind=IMPORT_JOB_KIND).first()
    if job is None:
        raise Http404
    return job


@login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """A background import: the progress bar while it runs (htmx polls the partial), the result after."""
    job = _job_for(request, pk)
    result = ImportResult.from_dict({k: v for k, v in job.result.items() if k != "report"}) if job.result else None
    context = {
        "job": job,
        "result": result,
        "layout": LAYOUTS.get(job.params.get("kind", ""), None),
        "errors_shown": 500,
        "report_url": reverse("import_job_report", kwargs={"pk": job.pk}) if job.result.get("report") else "",
    }
    template = "people/import_job.html#progress" if getattr(request, "htmx", False) else "people/import_job.html"
    return render(request, template, context)


@login_required
def import_job_report(request: HttpRequest, pk: int) -> FileResponse:
    job = _job_for(request, pk)
    return _report_response(job.result.get("report", ""), job.params.get("name", "impor"))


urlpatterns = [
    path("", import_upload, name="import_upload"),
    path("template/<slug:kind>.xlsx", import_template, name="import_template"),
    path("jobs/<int:pk>/", import_job, name="import_job"),
    path("jobs/<int:pk>/report.xlsx", import_job_report, name="import_job_report"),
    path("<slug:token>/mapping/", import_mapping, name="import_mapping"),
    path("<slug:token>/", import_result, name="import_result"),
    path("<slug:token>/report.xlsx", import_report, name="import_report"),
]
