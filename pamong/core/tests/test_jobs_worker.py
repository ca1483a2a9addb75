"""pamong worker: runs tasks through django-tasks-db and keeps a heartbeat row while it runs."""

from __future__ import annotations

import datetime as dt
import signal
import time

import pytest
from django.core.management import call_command
from django_tasks import task

from pamong.core.health import HeartbeatThread, heartbeat_prune, worker_name
from pamong.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db(transaction=True)


@task()
def heartbeats_seen_by_task() -> list[str]:
    """Runs inside the worker: which heartbeats exist while a task is running?"""
    return list(WorkerHeartbeat.objects.values_list("name", flat=True))


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def keep_signal_handlers():
    # db_worker installs SIGINT/SIGTERM handlers in this (pytest's) process; put pytest's back.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_worker_runs_tasks_with_its_heartbeat_recorded_and_removes_it_on_exit(database_tasks, keep_signal_handlers):
    from django_tasks import TaskResultStatus

    result = heartbeats_seen_by_task.enqueue()

    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == [worker_name()]
    assert WorkerHeartbeat.objects.count() == 0


def test_heartbeat_thread_refreshes_its_row_then_removes_it():
    beat = HeartbeatThread("test-host:1", every=dt.timedelta(seconds=0.05))
    beat.start()
    try:
        assert beat.first_beat_done.wait(5)
        first = WorkerHeartbeat.objects.get(name="test-host:1")
        deadline = time.monotonic() + 5
        while beat.beats < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert beat.beats >= 3
        later = WorkerHeartbeat.objects.get(name="test-host:1")
        assert later.last_seen > first.last_seen
        assert later.started_at == first.started_at
    finally:
        beat.stop()

    assert not beat.is_alive()
    assert not WorkerHeartbeat.objects.filter(name="test-host:1").exists()


def test_prune_removes_only_long_dead_workers():
    from django.utils import timezone

    now = timezone.now()
    WorkerHeartbeat.objects.create(name="dead:1", started_at=now, last_seen=now - dt.timedelta(days=2))
    WorkerHeartbeat.objects.create(name="alive:2", started_at=now, last_seen=now - dt.timedelta(minutes=5))

    assert heartbeat_prune() == 1
    assert list(WorkerHeartbeat.objects.values_list("name", flat=True)) == ["alive:2"]
