"""``pamong skm <aksi>``: the SKM/IKM command line. Its output is a contract (docs/skm.md).

    pamong skm ikm --input responses.csv [--map u8=col_x,u9=col_y] [--weight exact|0.111|0.11] [--population N]
    pamong skm refresh                     # bring the summary tables up to date (cron / systemd timer)
    pamong skm mint-tokens --service CODE --count N [--output FILE]   # form tokens, for load tests

``skm ikm`` prints exactly one JSON object::

    {"respondents": 120,
     "unsur": {"u1": {"sum": 390, "answered": 120, "nrr": 3.25, "weighted_nrr": 0.3611}, ...},
     "index": 3.2, "ikm": 80.0, "mutu": "B", "kinerja": "Baik",
     "required_sample": 278, "sample_met": false}          # these two only with --population

A value outside 1–4 or a missing column is reported on stderr with its row and
column, and the command exits with status 1; nothing is printed on stdout.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ...answers import MappingError, parse_map, read_csv
from ...ikm import IkmResult, Weight, compute, tally


def _number(value: Decimal | None) -> float | None:
    # A Decimal of 2 or 4 places prints as the same digits through float's shortest repr (91.48 → 91.48).
    return None if value is None else float(value)


def result_json(result: IkmResult, *, with_sample: bool) -> dict[str, Any]:
    """The CLI contract's JSON object (key order as documented)."""
    data: dict[str, Any] = {
        "respondents": result.respondents,
        "unsur": {
            u.code: {
                "sum": u.answer_sum,
                "answered": u.answered,
                "nrr": _number(u.nrr),
                "weighted_nrr": _number(u.weighted_nrr),
            }
            for u in result.unsur
        },
        "index": _number(result.index),
        "ikm": _number(result.ikm),
        "mutu": result.mutu.code if result.mutu else None,
        "kinerja": result.mutu.kinerja if result.mutu else None,
    }
    if with_sample:
        data["required_sample"] = result.required_sample
        data["sample_met"] = result.sample_met
    return data


class Command(BaseCommand):
    help = _("Survei kepuasan masyarakat: hitung IKM dari CSV, perbarui tabel ringkasan, buat token formulir.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="AKSI")
        ikm = actions.add_parser("ikm", help=_("hitung IKM dari CSV satu baris per responden"))
        ikm.add_argument("--input", type=Path, required=True, help=_("berkas CSV; kolom u1..u9 berisi 1–4 atau kosong"))
        ikm.add_argument("--map", default="", help=_("kolom untuk unsur tertentu, mis. u8=col_x,u9=col_y"))
        ikm.add_argument(
            "--weight",
            choices=[w.value for w in Weight],
            default=Weight.EXACT.value,
            help=_("bobot unsur: exact (1/9, bawaan) atau bobot lama 0.111 / 0.11 untuk mereproduksi laporan lama"),
        )
        ikm.add_argument("--population", type=int, help=_("jumlah populasi (pengguna layanan) untuk ukuran sampel"))
        refresh = actions.add_parser("refresh", help=_("perbarui tabel ringkasan dari jawaban baru"))
        refresh.add_argument("--purge", action="store_true", help=_("juga hapus token terpakai dan batas laju lama"))
        mint = actions.add_parser("mint-tokens", help=_("buat token formulir (untuk uji beban)"))
        mint.add_argument("--service", required=True, metavar="KODE", help=_("kode pendek layanan"))
        mint.add_argument("--count", type=int, default=1)
        mint.add_argument("--output", type=Path, help=_("tulis satu token per baris ke berkas ini"))
        mint.add_argument("--age", type=int, default=60, help=_("umur token dalam detik (agar tidak ditandai cepat)"))

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "ikm":
            self.ikm(options)
        elif action == "refresh":
            self.refresh(options)
        else:
            self.mint(options)

    def ikm(self, options: dict[str, Any]) -> None:
        path: Path = options["input"]
        if not path.is_file():
            raise CommandError(_("Berkas %(path)s tidak ada.") % {"path": path})
        try:
            mapping = parse_map(options["map"])
        except MappingError as exc:
            raise CommandError(str(exc)) from None
        population = options.get("population")
        if population is not None and population < 1:
            raise CommandError(_("--population harus bilangan bulat positif."))
        try:
            table = read_csv(path, mapping)
        except UnicodeDecodeError:
            raise CommandError(_("Berkas %(path)s bukan teks UTF-8.") % {"path": path}) from None
        if not table.ok:
            raise CommandError("\n".join(str(e) for e in table.errors))
        respondents, tallies = tally(table.rows)
        weight = Weight(options["weight"])
        result = compute(tallies, respondents=respondents, weight=weight, population=population)
        if weight.is_legacy:
            self.stderr.write(
                _("Catatan: dihitung dengan bobot lama %(w)s untuk mereproduksi laporan lama, bukan bobot 1/9.")
                % {"w": weight.value.replace(".", ",")}
            )
        if result.missing:
            self.stderr.write(
                _("IKM tidak dapat dihitung: unsur %(codes)s tidak dijawab satu responden pun.")
                % {"codes": ", ".join(c.upper() for c in result.missing)}
            )
        self.stdout.write(json.dumps(result_json(result, with_sample=population is not None), ensure_ascii=False))

    def refresh(self, options: dict[str, Any]) -> None:
        from ...summaries import purge_expired, summary_refresh

        done = summary_refresh()
        self.stdout.write(
            _("Ringkasan diperbarui: %(responses)s jawaban, %(days)s hari-layanan.")
            % {"responses": done.responses, "days": done.buckets}
        )
        if options.get("purge"):
            purged = purge_expired()
            self.stdout.write(_("Dihapus: %(n)s token/batas laju kedaluwarsa.") % {"n": purged})

    def mint(self, options: dict[str, Any]) -> None:
        from ...models import Service
        from ...tokens import mint_tokens

        service = Service.objects.filter(code=options["service"]).first()
        if service is None:
            raise CommandError(_("Layanan dengan kode %(code)s tidak ada.") % {"code": options["service"]})
        tokens = mint_tokens(service, count=options["count"], age_seconds=options["age"])
        out = options.get("output")
        text = "\n".join(tokens) + "\n"
        if out:
            out.write_text(text, encoding="ascii")
        else:
            sys.stdout.write(text)
