"""``pamong sweep_jobs``: fail jobs whose worker stopped reporting (every 5 minutes, from a timer)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from pamong.core.jobs import job_sweep

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Mark running jobs whose heartbeat is older than --minutes as failed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--minutes", type=int, default=10, help="silence that counts as stopped (default: 10)")

    def handle(self, *args: Any, minutes: int, **options: Any) -> None:
        failed = job_sweep(older_than=dt.timedelta(minutes=minutes))
        if failed:
            log.warning("sweep_jobs: %d stale job(s) marked failed", failed)
        self.stdout.write(f"{failed} stale job(s) marked failed")
