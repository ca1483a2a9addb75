"""``pamong ipasn <action>``: the IP ASN command line. The CSV contract is documented in docs/ipasn.md.

    pamong ipasn compute --input employees.csv --output results.csv [--rules rules.json] [--as-of DATE]
    pamong ipasn rules --export [--as-of DATE]
    pamong ipasn measure --year 2026 [--as-of DATE] [--actor USERNAME]
    pamong ipasn verify --year 2025

``compute`` reads and writes files only (the rules come from ``--rules``, or the rule set in force);
a value outside its vocabulary names the row and column, exits non-zero, and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.accounts.models import User
from pamong.core.formatting import number_id
from pamong.core.models import Source

from ... import ipasn, services
from ...ipasn_polars import InputError, compute_csv
from ...models import Measurement


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Tanggal %(value)s tidak sah; tulis YYYY-MM-DD.") % {"value": value}) from None


class Command(BaseCommand):
    help = _("Indeks Profesionalitas ASN: hitung dari CSV, ekspor aturan, ukur dan periksa pengukuran tahunan.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="AKSI")
        compute = actions.add_parser("compute", help=_("hitung IP ASN setiap baris CSV pegawai"))
        compute.add_argument("--input", type=Path, required=True, help=_("CSV masukan, satu baris per pegawai"))
        compute.add_argument("--output", type=Path, required=True, help=_("CSV keluaran"))
        compute.add_argument("--rules", type=Path, help=_("berkas aturan JSON (bawaan: aturan yang berlaku)"))
        compute.add_argument("--as-of", default="", help=_("pilih aturan yang berlaku pada tanggal ini (YYYY-MM-DD)"))
        rules = actions.add_parser("rules", help=_("aturan IP ASN"))
        rules.add_argument("--export", action="store_true", required=True, help=_("cetak aturan yang berlaku (JSON)"))
        rules.add_argument("--as-of", default="", help=_("tanggal berlaku (bawaan: hari ini)"))
        measure = actions.add_parser("measure", help=_("ukur seluruh pegawai aktif untuk satu tahun dan simpan"))
        measure.add_argument("--year", type=int, required=True)
        measure.add_argument("--as-of", default="", help=_("tanggal pengukuran (bawaan: 31 Desember atau hari ini)"))
        measure.add_argument("--actor", default="", metavar="USERNAME", help=_("dicatat atas nama pengguna ini"))
        verify = actions.add_parser("verify", help=_("hitung ulang pengukuran tersimpan dengan aturannya sendiri"))
        verify.add_argument("--year", type=int, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, options["action"])(options)

    def _rules_in_force(self, as_of: str) -> Any:
        day = _date(as_of) if as_of else timezone.localdate()
        try:
            return services.ruleset_in_force(day)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None

    def compute(self, options: dict[str, Any]) -> None:
        if options["rules"]:
            try:
                document = json.loads(Path(options["rules"]).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CommandError(_("Berkas aturan tidak dapat dibaca: %(reason)s") % {"reason": exc}) from None
            if not isinstance(document, dict):
                raise CommandError(_("Berkas aturan harus berisi satu objek JSON."))
            try:
                rules = ipasn.parse_rules(document)
            except ipasn.RulesError as exc:
                raise CommandError(
                    _("Aturan tidak sah:") + "\n" + "\n".join(f"  {e.text(_)}" for e in exc.errors)
                ) from None
            label = str(options["rules"])
        else:
            rule_set = self._rules_in_force(options["as_of"])
            rules, label = rule_set.rules, str(rule_set)
        if not Path(options["input"]).is_file():
            raise CommandError(_("Berkas masukan %(path)s tidak ada.") % {"path": options["input"]})
        if not Path(options["output"]).resolve().parent.is_dir():
            raise CommandError(_("Folder keluaran %(path)s tidak ada.") % {"path": options["output"].parent})
        started = time.perf_counter()
        try:
            summary = compute_csv(options["input"], options["output"], rules)
        except InputError as exc:
            raise CommandError(exc.text(_)) from None
        seconds = time.perf_counter() - started
        counts = ", ".join(f"{key} {number_id(n, 0)}" for key, n in summary.counts.items() if n)
        self.stdout.write(
            _("%(rows)s baris ditulis ke %(path)s dalam %(seconds)s detik (aturan: %(rules)s). %(counts)s")
            % {
                "rows": number_id(summary.rows, 0),
                "path": options["output"],
                "seconds": number_id(seconds),
                "rules": label,
                "counts": counts,
            }
        )

    def rules(self, options: dict[str, Any]) -> None:
        rule_set = self._rules_in_force(options["as_of"])
        self.stdout.write(json.dumps(services.export_document(rule_set), indent=2, ensure_ascii=False))

    def measure(self, options: dict[str, Any]) -> None:
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(_("Pengguna %(name)s tidak ada.") % {"name": options["actor"]})
        as_of = _date(options["as_of"]) if options["as_of"] else None
        try:
            m = services.measurement_run(actor=actor, year=options["year"], as_of=as_of, source=Source.CLI)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(
            _(
                "IP ASN %(year)s per %(as_of)s: %(scored)s diukur, rata-rata %(mean)s; %(incomplete)s data tidak "
                "lengkap; %(excluded)s tidak diukur. Aturan: %(rules)s."
            )
            % {
                "year": m.year,
                "as_of": m.as_of.isoformat(),
                "scored": number_id(m.scored, 0),
                "mean": number_id(m.mean_total) if m.mean_total is not None else "—",
                "incomplete": number_id(m.incomplete, 0),
                "excluded": number_id(m.excluded, 0),
                "rules": m.rule_set,
            }
        )

    def verify(self, options: dict[str, Any]) -> None:
        measurement = Measurement.objects.filter(year=options["year"]).select_related("rule_set").first()
        if measurement is None:
            raise CommandError(_("Belum ada pengukuran tahun %(year)s.") % {"year": options["year"]})
        mismatches = services.measurement_verify(measurement)
        if mismatches:
            for m in mismatches[:20]:
                self.stderr.write(f"{m.nip}: {m.stored} != {m.recomputed}")
            raise CommandError(_("%(n)s hasil berbeda saat dihitung ulang.") % {"n": len(mismatches)})
        self.stdout.write(
            _("Pengukuran %(year)s dihitung ulang dengan %(rules)s: semua hasil sama.")
            % {"year": measurement.year, "rules": measurement.rule_set}
        )
