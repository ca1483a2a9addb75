"""``pamong audit_verify``: recompute the audit log's hash chain (daily, from a timer)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pamong.core.audit import audit_verify
from pamong.core.ops import audit_chain_summary

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; exit 1 and name the first broken entry if it is not intact."

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        summary = audit_chain_summary(report)
        if not report.ok:
            log.error("audit_verify: %s", summary)
            raise CommandError(summary)
        self.stdout.write(summary)
