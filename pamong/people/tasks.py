"""Background work of the people app, run by ``pamong db_worker`` (django-tasks).

Each task takes a :class:`~pamong.core.models.Job` id and lets
:func:`pamong.core.jobs.job_run` keep the job's status and progress.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django_tasks import task

from pamong.core.jobs import JobReporter, job_run
from pamong.core.models import Job

IMPORT_JOB_KIND = "people.import"


@task()
def import_file_task(job_id: int) -> None:
    """Import the file named in the job's params (see :func:`pamong.people.views.imports.import_start`)."""
    job_run(job_id, run_import_job)


def run_import_job(job: Job, report: JobReporter) -> dict[str, Any]:
    """The job's result is the :class:`~pamong.people.importing.ImportResult` as JSON, with the
    first 500 errors and the name of the error workbook (under the same folder) when rejected."""
    from pamong.people.importing import import_file

    params = job.params
    path = Path(params["path"])
    report_path = path.with_name(f"{path.stem}-laporan.xlsx")
    result = import_file(
        actor=job.created_by,
        path=path,
        kind=params["kind"],
        mapping=params.get("mapping") or None,
        name=params.get("name", path.name),
        dry_run=bool(params.get("dry_run")),
        progress=lambda done, total, message: report(done, total or None, message),
        report_path=report_path,
    )
    data = result.to_dict(max_errors=500)
    data["report"] = report_path.name if report_path.exists() else ""
    path.unlink(missing_ok=True)  # the upload holds personal data; the result and report are what remain
    return data
