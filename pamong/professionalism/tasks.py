"""Background work of the IP ASN app, run by ``pamong db_worker`` (django-tasks)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from pamong.core.jobs import JobReporter, job_run
from pamong.core.models import Job, Source


@task()
def measure_task(job_id: int) -> None:
    """Run the measurement named in the job's params (see :func:`.services.measurement_start`)."""
    job_run(job_id, run_measure_job)


def run_measure_job(job: Job, report: JobReporter) -> dict[str, Any]:
    from .services import measurement_run

    measurement = measurement_run(
        actor=job.created_by,
        year=int(job.params["year"]),
        as_of=dt.date.fromisoformat(job.params["as_of"]),
        source=Source.SYSTEM,
        progress=lambda done, total, message: report(done, total, message),
    )
    return {
        "measurement": measurement.pk,
        "year": measurement.year,
        "scored": measurement.scored,
        "incomplete": measurement.incomplete,
        "excluded": measurement.excluded,
        "mean_total": str(measurement.mean_total) if measurement.mean_total is not None else None,
        "result_digest": measurement.result_digest,
    }
