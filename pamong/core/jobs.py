"""Job records around django-tasks: status, progress, heartbeat and a sweeper.

django-tasks runs a function in ``manage.py db_worker``; it keeps no progress
and leaves a crashed task "running". A :class:`~pamong.core.models.Job` row is
our record of the work: the task reports progress into it, and
:func:`job_sweep` fails jobs whose worker stopped reporting.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.db.models import F
from django.utils import timezone

from .models import Job, JobStatus

log = logging.getLogger(__name__)


def job_create(*, kind: str, actor: Any, params: dict[str, Any], total: int = 0) -> Job:
    return Job.objects.create(kind=kind, created_by=actor, params=params, progress_total=total)


class JobReporter:
    """Passed to the work function so it can report progress without knowing about jobs."""

    def __init__(self, job: Job | None) -> None:
        self.job = job
        self._last = timezone.now()

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        if self.job is None:
            return
        now = timezone.now()
        # A progress row per second is plenty, and keeps SQLite writers few.
        if (now - self._last).total_seconds() < 1 and done != total:
            return
        self._last = now
        fields: dict[str, Any] = {"progress_done": done, "heartbeat_at": now}
        if total is not None:
            fields["progress_total"] = total
        if message:
            fields["message"] = message[:500]
        Job.objects.filter(pk=self.job.pk).update(**fields)


def job_run(job_id: int, work: Callable[[Job, JobReporter], dict[str, Any]]) -> None:
    """Run ``work`` for a queued job and record how it ended.

    The state moves queued → running with a conditional UPDATE, so a job picked
    up twice runs once.
    """
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now
    )
    if claimed != 1:
        log.warning("job %s was not queued; not running it again", job_id)
        return
    job = Job.objects.get(pk=job_id)
    try:
        result = work(job, JobReporter(job))
    except Exception as exc:
        log.exception("job %s (%s) failed", job_id, job.kind)
        Job.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED,
            finished_at=timezone.now(),
            # The class only: a database error's text can quote a row (a NIP, a name).
            message=f"{type(exc).__name__}: pekerjaan gagal; lihat log server"[:500],
        )
        return
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.SUCCEEDED,
        finished_at=timezone.now(),
        result=result,
        progress_done=F("progress_total"),
    )


def job_sweep(*, older_than: dt.timedelta = dt.timedelta(minutes=10)) -> int:
    """Fail running jobs whose worker has been silent for ``older_than``."""
    return Job.objects.stale(timezone.now() - older_than).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), message="worker berhenti melapor"
    )
