"""``pamong backup [--output PATH]``: a consistent snapshot while pamong runs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pamong.core.ops import BackupError, backup_create

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database while pamong runs: SQLite's online backup, "
        "or pg_dump --format=custom on PostgreSQL. Default: DATA_DIR/backups/pamong-YYYYmmdd-HHMMSS.*"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="file to write (its directory is created)")

    def handle(self, *args: Any, output: Path | None, verbosity: int, **options: Any) -> None:
        try:
            result = backup_create(output=output)
        except BackupError as exc:
            log.error("%s", exc)
            if exc.detail and verbosity >= 2:
                self.stderr.write(exc.detail)
            hint = " (-v 2 shows the tool's output)" if exc.detail and verbosity < 2 else ""
            raise CommandError(f"{exc}{hint}")
        except OSError as exc:
            log.error("backup failed: cannot write the backup file (%s)", type(exc).__name__)
            raise CommandError(f"backup failed: cannot write the backup file ({type(exc).__name__}: {exc.strerror})")
        log.info("backup written: %s (%d bytes)", result.path, result.size)
        self.stdout.write(f"Backup written to {result.path} ({result.size} bytes)")
