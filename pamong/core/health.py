"""Is pamong working? The checks behind ``/health`` and the worker's heartbeat.

The answer names what failed and nothing more: no exception text, no row
contents, so it can be public for a monitor or a load balancer.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

from django.db import connection as default_connection
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Max
from django.utils import timezone

from .models import Job, WorkerHeartbeat

log = logging.getLogger(__name__)

HEARTBEAT_EVERY = dt.timedelta(seconds=15)
# A worker counts as alive when it reported within this; several missed beats, not one.
WORKER_FRESH = dt.timedelta(minutes=2)
# The same threshold the sweeper uses by default (pamong.core.jobs.job_sweep).
JOB_STALE = dt.timedelta(minutes=10)


# ---------------------------------------------------------------- the checks


@dataclass(frozen=True)
class HealthReport:
    status: str  # "ok" | "degraded" | "error"
    checks: dict[str, Any] = field(default_factory=dict)

    @property
    def http_status(self) -> int:
        """503 only when the database is down: without the worker pages still work."""
        return 503 if self.status == "error" else 200

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "checks": dict(self.checks)}


def _database_check(conn: BaseDatabaseWrapper) -> str:
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"; the class is logged, not returned
        log.error("health: database check failed (%s)", type(exc).__name__)
        return "error"
    return "ok"


def _worker_check(now: dt.datetime) -> str:
    try:
        last_seen = WorkerHeartbeat.objects.aggregate(last=Max("last_seen"))["last"]
    except Exception as exc:  # noqa: BLE001
        log.error("health: worker heartbeat check failed (%s)", type(exc).__name__)
        return "error"
    if last_seen is None:
        return "missing"
    return "ok" if now - last_seen <= WORKER_FRESH else "stale"


def _stale_jobs_check(now: dt.datetime) -> int | None:
    try:
        return Job.objects.stale(now - JOB_STALE).count()
    except Exception as exc:  # noqa: BLE001
        log.error("health: stale job count failed (%s)", type(exc).__name__)
        return None


def health_check(*, conn: BaseDatabaseWrapper | None = None) -> HealthReport:
    """1. The database answers ``SELECT 1``; if not, stop: status "error".
    2. A worker reported within :data:`WORKER_FRESH` ("ok"), earlier ("stale"),
       or never / stopped cleanly ("missing").
    3. Running jobs whose heartbeat is older than :data:`JOB_STALE` are counted
       (``pamong sweep_jobs`` fails them).
    Status is "ok" when all three are fine, "degraded" otherwise."""
    conn = conn or default_connection
    database = _database_check(conn)
    if database != "ok":
        return HealthReport("error", {"database": database, "worker": "unknown", "stale_jobs": None})
    now = timezone.now()
    worker = _worker_check(now)
    stale_jobs = _stale_jobs_check(now)
    fine = worker == "ok" and stale_jobs == 0
    return HealthReport(
        "ok" if fine else "degraded", {"database": database, "worker": worker, "stale_jobs": stale_jobs}
    )


# ---------------------------------------------------------------- the heartbeat


def worker_name() -> str:
    """``hostname:pid``, short enough for db_worker's 64-character worker id."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def heartbeat_beat(name: str, *, started_at: dt.datetime) -> None:
    """Record that worker ``name`` is alive now."""
    now = timezone.now()
    if not WorkerHeartbeat.objects.filter(name=name).update(last_seen=now):
        WorkerHeartbeat.objects.update_or_create(name=name, defaults={"started_at": started_at, "last_seen": now})


def heartbeat_forget(name: str) -> None:
    """A worker that stops cleanly removes its row, so /health says "missing", not "stale"."""
    WorkerHeartbeat.objects.filter(name=name).delete()


def heartbeat_prune(*, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    """Remove rows of workers that died long ago (their pid will not come back)."""
    deleted, _by_model = WorkerHeartbeat.objects.filter(last_seen__lt=timezone.now() - older_than).delete()
    return deleted


class HeartbeatThread(threading.Thread):
    """Beats every ``every`` in a daemon thread with its own database connection.

    Django connections are per thread, so this thread opens its own; it closes
    it after each beat (one beat per 15 s does not need a kept-open connection,
    and a closed one cannot go stale or hold a pooled slot) and when it stops.
    """

    def __init__(self, name: str, *, every: dt.timedelta = HEARTBEAT_EVERY) -> None:
        super().__init__(name=f"heartbeat-{name}", daemon=True)
        self.worker_name = name
        self.every = every
        self.started_at = timezone.now()
        self._stop_event = threading.Event()
        # Set after the first attempt, so the worker can wait to be visible before taking tasks.
        self.first_beat_done = threading.Event()
        self.beats = 0

    def run(self) -> None:
        try:
            while True:
                self._beat_once()
                self.first_beat_done.set()
                if self._stop_event.wait(self.every.total_seconds()):
                    break
            try:
                heartbeat_forget(self.worker_name)
            except Exception as exc:  # noqa: BLE001 - stopping must not fail on a database error
                log.warning("worker heartbeat: could not remove row (%s)", type(exc).__name__)
        finally:
            connections.close_all()

    def _beat_once(self) -> None:
        try:
            heartbeat_beat(self.worker_name, started_at=self.started_at)
            self.beats += 1
        except Exception as exc:  # noqa: BLE001 - the database may be briefly away; try again next beat
            log.warning("worker heartbeat: update failed (%s)", type(exc).__name__)
        finally:
            connections.close_all()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop_event.set()
        self.join(timeout)
