"""pamong sweep_jobs: fails running jobs whose worker went silent, leaves the rest alone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from pamong.core.models import Job, JobStatus

pytestmark = pytest.mark.django_db


def _job(status: str, heartbeat_minutes_ago: int) -> Job:
    return Job.objects.create(
        kind="people.import",
        status=status,
        heartbeat_at=timezone.now() - dt.timedelta(minutes=heartbeat_minutes_ago),
    )


def test_sweep_fails_only_silent_running_jobs(capsys):
    silent = _job(JobStatus.RUNNING, 20)
    busy = _job(JobStatus.RUNNING, 1)
    queued = _job(JobStatus.QUEUED, 60)

    call_command("sweep_jobs")

    assert capsys.readouterr().out.strip() == "1 stale job(s) marked failed"
    assert Job.objects.get(pk=silent.pk).status == JobStatus.FAILED
    assert Job.objects.get(pk=silent.pk).finished_at is not None
    assert Job.objects.get(pk=busy.pk).status == JobStatus.RUNNING
    assert Job.objects.get(pk=queued.pk).status == JobStatus.QUEUED


def test_sweep_threshold_is_configurable(capsys):
    job = _job(JobStatus.RUNNING, 3)

    call_command("sweep_jobs", "--minutes", "2")

    assert capsys.readouterr().out.strip() == "1 stale job(s) marked failed"
    assert Job.objects.get(pk=job.pk).status == JobStatus.FAILED


def test_sweep_with_nothing_stale_says_zero(capsys):
    _job(JobStatus.RUNNING, 1)

    call_command("sweep_jobs")

    assert capsys.readouterr().out.strip() == "0 stale job(s) marked failed"
