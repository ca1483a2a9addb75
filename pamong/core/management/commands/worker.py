"""``pamong worker``: django-tasks-db's ``db_worker`` plus a heartbeat for ``/health``."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from pamong.core.health import HEARTBEAT_EVERY, HeartbeatThread, heartbeat_prune, worker_name

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run background tasks (django-tasks-db's db_worker) and record a heartbeat every 15 seconds, "
        "so /health can tell whether a worker is alive. Stop it with SIGTERM or Ctrl-C."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queue-name", default="default", help="queues to process, comma-separated; '*' for all")
        parser.add_argument("--exclude-queues", default="", help="queues to skip (only with --queue-name='*')")
        parser.add_argument("--interval", default="1", help="seconds to wait when no task is ready (default: 1)")
        parser.add_argument("--batch", action="store_true", help="run the tasks that are ready, then exit")
        parser.add_argument("--max-tasks", default=None, help="exit after this many tasks (a supervisor restarts it)")
        parser.add_argument("--backend", default="default", help="task backend alias (default: 'default')")
        parser.add_argument(
            "--no-startup-delay", action="store_false", dest="startup_delay", help="start without the random delay"
        )
        parser.add_argument(
            "--heartbeat-seconds",
            type=float,
            default=HEARTBEAT_EVERY.total_seconds(),
            help="how often to record the heartbeat (default: 15)",
        )

    def handle(
        self,
        *args: Any,
        queue_name: str,
        exclude_queues: str,
        interval: str,
        batch: bool,
        max_tasks: str | None,
        backend: str,
        startup_delay: bool,
        heartbeat_seconds: float,
        verbosity: int,
        **options: Any,
    ) -> None:
        name = worker_name()
        # db_worker validates its own options, so they are passed as it would parse them.
        argv = ["--queue-name", queue_name, "--interval", str(interval), "--backend", backend, "--worker-id", name]
        argv.append("--no-reload")  # the reloader would run tasks in a child the heartbeat cannot see
        if exclude_queues:
            argv += ["--exclude-queues", exclude_queues]
        if batch:
            argv.append("--batch")
        if max_tasks:
            argv += ["--max-tasks", str(max_tasks)]
        if not startup_delay:
            argv.append("--no-startup-delay")

        try:
            heartbeat_prune()
        except Exception as exc:  # noqa: BLE001 - housekeeping only; the worker can still run
            log.warning("worker: could not prune old heartbeats (%s)", type(exc).__name__)
        heartbeat = HeartbeatThread(name, every=dt.timedelta(seconds=heartbeat_seconds))
        heartbeat.start()
        heartbeat.first_beat_done.wait(10)
        log.info("worker %s started", name)
        try:
            call_command("db_worker", *argv, verbosity=verbosity)
        except Exception as exc:
            log.error("worker %s stopped on an error (%s)", name, type(exc).__name__)
            raise
        finally:
            heartbeat.stop()
            log.info("worker %s stopped", name)
