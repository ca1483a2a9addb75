"""``pamong restore PATH --yes``: put a backup back and verify the audit chain."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pamong.core.audit import audit_verify
from pamong.core.ops import BackupError, audit_chain_summary, backup_restore

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Replace the database's contents with a backup made by `pamong backup`, then verify the "
        "audit chain. Stop the worker and the web server first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a file written by `pamong backup`")
        parser.add_argument("--yes", action="store_true", help="really replace the current data")

    def handle(self, *args: Any, path: Path, yes: bool, verbosity: int, **options: Any) -> None:
        if not yes:
            raise CommandError(
                "Restoring replaces every row in the database with the backup's. Stop running workers "
                "(systemctl stop pamong-worker) and the web server first, then run again with --yes."
            )
        try:
            backup_restore(path=path)
        except BackupError as exc:
            log.error("%s", exc)
            if exc.detail and verbosity >= 2:
                self.stderr.write(exc.detail)
            hint = " (-v 2 shows the tool's output)" if exc.detail and verbosity < 2 else ""
            raise CommandError(f"{exc}{hint}")
        log.warning("database restored from %s", path)
        self.stdout.write(f"Restored from {path}.")
        report = audit_verify()
        summary = audit_chain_summary(report)
        if not report.ok:
            log.error("after restore: %s", summary)
            raise CommandError(f"Audit log: {summary}")
        self.stdout.write(f"Audit log: {summary}")
