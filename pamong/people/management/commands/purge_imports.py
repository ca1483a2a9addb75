"""``pamong purge_imports``: delete uploaded files and error reports past their use (for a timer)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand

from pamong.people.importing.service import purge_import_files


class Command(BaseCommand):
    help = "Delete import uploads and error reports older than --hours (default 24): they hold personal data."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        removed = purge_import_files(older_than=dt.timedelta(hours=options["hours"]))
        self.stdout.write(f"{removed} import file(s) removed")
