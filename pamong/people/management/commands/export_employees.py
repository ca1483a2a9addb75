"""``pamong export_employees --output FILE``: every employee in SIASN's column names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from pamong.people.importing.export import export_employees
from pamong.people.models import OrgUnit


class Command(BaseCommand):
    help = _("Ekspor pegawai ke XLSX atau CSV dengan nama kolom SIASN (dapat diimpor kembali).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, required=True, help=_("berkas tujuan .xlsx atau .csv"))
        parser.add_argument("--unit", default="", metavar="KODE", help=_("hanya unit ini dan unit di bawahnya"))

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"]
        if output.suffix.lower() not in (".xlsx", ".csv"):
            raise CommandError(_("Berkas tujuan harus berakhiran .xlsx atau .csv."))
        unit = None
        if options["unit"]:
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("Unit dengan kode %(code)s tidak ada.") % {"code": options["unit"]})
        count = export_employees(output, unit=unit)
        self.stdout.write(_("%(n)d pegawai diekspor ke %(path)s.") % {"n": count, "path": output})
