"""``pamong monev_warnings [--date YYYY-MM-DD]``: flag lagging indicators and budgets, notify officials.

Meant for a daily timer; runs are idempotent (a warning is stored and sent once
per indicator and quarter; later runs update or resolve it). See
:mod:`pamong.monitoring.early_warning` for the rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from pamong.core.models import Source
from pamong.monitoring.early_warning import warnings_run
from pamong.monitoring.periods import roman


class Command(BaseCommand):
    help = _("Peringatan dini monev: tandai indikator dan anggaran yang tertinggal pada akhir triwulan.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            type=dt.date.fromisoformat,
            default=None,
            help=_("tanggal acuan (YYYY-MM-DD); bawaan hari ini. Dinilai triwulan terakhir yang sudah berakhir."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = warnings_run(day=options["date"], source=Source.CLI)
        self.stdout.write(
            _(
                "TW %(q)s %(y)d: %(flagged)d tertinggal (%(created)d baru), %(resolved)d terselesaikan, "
                "%(sent)d notifikasi dikirim."
            )
            % {
                "q": roman(summary.quarter),
                "y": summary.year,
                "flagged": summary.flagged,
                "created": summary.created,
                "resolved": summary.resolved,
                "sent": summary.notifications,
            }
        )
