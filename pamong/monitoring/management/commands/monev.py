"""``pamong monev <subcommand>``: monitoring and evaluation from the command line.

Subcommands (a stable contract, documented in docs/monev.md):

- ``achievement --input indicators.csv`` (``-`` reads standard input): achievement
  of each indicator row as JSON (see :mod:`pamong.monitoring.csvcalc`). A bad row
  names its row and column on standard error and exits with status 1.
- ``demo [--seed N] [--year YYYY] [--today YYYY-MM-DD] [--if-empty]``: a demo year
  (:mod:`pamong.monitoring.demo`) on whatever regency the database holds.
- ``sources [--date YYYY-MM-DD]``: fill automatic realisations (indicators with an
  automatic source) in the reports of every quarter still open on that date
  (the running quarter, and the previous one until its deadline). For a daily timer.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.core.models import Source


class Command(BaseCommand):
    help = _("Monitoring dan evaluasi program/kegiatan: perhitungan capaian dan pengisian nilai otomatis.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, parser_class=CommandParser)
        ach = sub.add_parser(
            "achievement",
            help=_("hitung capaian indikator dari berkas CSV dan cetak hasilnya sebagai JSON"),
            called_from_command_line=getattr(self, "_called_from_command_line", None),
        )
        ach.add_argument(
            "--input",
            required=True,
            help=_("berkas CSV: id,direction,cumulative,target,q1,q2,q3,q4 (- untuk standard input)"),
        )
        src = sub.add_parser(
            "sources",
            help=_("isi realisasi indikator bersumber otomatis untuk triwulan pada tanggal itu"),
            called_from_command_line=getattr(self, "_called_from_command_line", None),
        )
        src.add_argument("--date", type=dt.date.fromisoformat, default=None, help=_("tanggal (YYYY-MM-DD)"))
        demo = sub.add_parser(
            "demo",
            help=_("isi satu tahun program, indikator dan realisasi contoh untuk beberapa OPD"),
            called_from_command_line=getattr(self, "_called_from_command_line", None),
        )
        demo.add_argument("--seed", type=int, default=2026, help=_("benih acak (bawaan 2026)"))
        demo.add_argument("--year", type=int, default=None, help=_("tahun (bawaan: tahun --today)"))
        demo.add_argument(
            "--today", type=dt.date.fromisoformat, default=None, help=_("tanggal acuan (YYYY-MM-DD); bawaan hari ini")
        )
        demo.add_argument(
            "--if-empty", action="store_true", help=_("tidak melakukan apa pun bila tahun itu sudah berisi data")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "achievement":
            self._achievement(options["input"])
        elif options["subcommand"] == "sources":
            self._sources(options["date"])
        elif options["subcommand"] == "demo":
            self._demo(options)

    def _achievement(self, name: str) -> None:
        from pamong.monitoring.csvcalc import evaluate_csv, results_json

        if name == "-":
            text = sys.stdin.read()
        else:
            try:
                text = Path(name).read_text(encoding="utf-8-sig")
            except OSError as exc:
                raise CommandError(_("Berkas %(name)s tidak dapat dibaca: %(error)s") % {"name": name, "error": exc})
            except UnicodeDecodeError:
                raise CommandError(_("Berkas %(name)s bukan teks UTF-8.") % {"name": name})
        results, errors = evaluate_csv(text)
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(_("%(n)d isian tidak sah; tidak ada hasil yang dicetak.") % {"n": len(errors)})
        self.stdout.write(results_json(results))

    def _demo(self, options: dict[str, Any]) -> None:
        from pamong.monitoring import demo

        today = options["today"] or timezone.localdate()
        year = options["year"] or today.year
        try:
            counts = demo.generate(seed=options["seed"], year=year, today=today)
        except demo.MonevDemoExists as exc:
            if options["if_empty"]:
                self.stdout.write(_("Tahun %(year)d sudah berisi data monev; data demo tidak dibuat.") % {"year": year})
                return
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Monev %(year)d: %(opd)d OPD, %(items)d program/kegiatan, %(ind)d indikator, %(rep)d laporan triwulan.")
            % {
                "year": year,
                "opd": counts["opd"],
                "items": counts["plan_items"],
                "ind": counts["indicators"],
                "rep": counts["realisations"],
            }
        )

    def _sources(self, date: dt.date | None) -> None:
        from pamong.monitoring import services
        from pamong.monitoring.periods import quarter_of, roman

        today = date or timezone.localdate()
        year, current = quarter_of(today)
        periods = [(year - 1, 4)] if current == 1 else []
        periods += [(year, q) for q in range(1, current + 1)]
        for period_year, quarter in periods:
            count = services.auto_sources_refresh(
                actor=None, year=period_year, quarter=quarter, today=today, source=Source.CLI
            )
            if count:
                self.stdout.write(
                    _("TW %(q)s %(y)d: %(n)d nilai otomatis diperbarui.")
                    % {"n": count, "q": roman(quarter), "y": period_year}
                )
        self.stdout.write(_("Selesai."))
