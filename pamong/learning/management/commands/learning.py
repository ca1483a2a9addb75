"""``pamong learning <action>``: the JP ledger export and the XLSX imports of the learning app.

    pamong learning jp-ledger --year 2026 --output ledger.xlsx [--unit CODE]
    pamong learning import-attendance FILE --batch ID [--dry-run] [--actor USERNAME]
    pamong learning import-training FILE [--dry-run] [--actor USERNAME]

Imports check the whole file first; any bad row rejects the file (each error names its row
and column) and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from pamong.accounts.models import User
from pamong.core.formatting import number_id
from pamong.core.models import Source
from pamong.people.models import Employee, OrgUnit

from ... import services
from ...importing import FileError, plan_attendance, read_sheet
from ...ledger import ledger_xlsx, unit_compliance
from ...models import Batch


class Command(BaseCommand):
    help = _("Buku JP dan impor data pembelajaran (presensi, riwayat pelatihan).")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="AKSI")
        ledger = actions.add_parser("jp-ledger", help=_("ekspor buku JP setahun ke XLSX (bentuk rw-diklat SIASN)"))
        ledger.add_argument("--year", type=int, default=timezone.localdate().year, help=_("tahun (bawaan: tahun ini)"))
        ledger.add_argument("--output", type=Path, required=True, help=_("berkas .xlsx yang ditulis"))
        ledger.add_argument("--unit", default="", metavar="KODE", help=_("hanya unit ini beserta unit di bawahnya"))
        attendance = actions.add_parser("import-attendance", help=_("impor presensi satu angkatan dari XLSX"))
        attendance.add_argument("file", type=Path)
        attendance.add_argument("--batch", type=int, required=True, metavar="ID", help=_("id angkatan"))
        attendance.add_argument("--dry-run", action="store_true", help=_("periksa saja, jangan simpan"))
        attendance.add_argument("--actor", default="", metavar="USERNAME", help=_("dicatat atas nama pengguna ini"))
        training = actions.add_parser("import-training", help=_("impor riwayat pelatihan (JP eksternal) dari XLSX/CSV"))
        training.add_argument("file", type=Path)
        training.add_argument("--dry-run", action="store_true", help=_("periksa saja, jangan simpan"))
        training.add_argument("--actor", default="", metavar="USERNAME", help=_("impor atas nama pengguna ini"))
        demo = actions.add_parser("demo", help=_("buat Program Transformasi Personal angkatan I untuk regensi demo"))
        demo.add_argument("--seed", type=int, default=2026)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "jp-ledger":
            self.jp_ledger(options)
        elif action == "import-attendance":
            self.import_attendance(options)
        elif action == "demo":
            from ...demo import generate

            counts = generate(seed=options["seed"], today=timezone.localdate())
            self.stdout.write(_("Data demo pembelajaran: %(counts)s") % {"counts": counts})
        else:
            self.import_training(options)

    def _actor(self, username: str) -> User | None:
        if not username:
            return None
        actor = User.objects.filter(username=username).first()
        if actor is None:
            raise CommandError(_("Pengguna %(name)s tidak ada.") % {"name": username})
        return actor

    def jp_ledger(self, options: dict[str, Any]) -> None:
        employees = Employee.objects.all()
        if options["unit"]:
            unit = OrgUnit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("Unit dengan kode %(code)s tidak ada.") % {"code": options["unit"]})
            employees = employees.in_subtree(unit)
        year = options["year"]
        options["output"].write_bytes(ledger_xlsx(employees, year))
        result = unit_compliance(employees, year)
        share = f"{number_id(result.share)}%" if result.share is not None else "—"
        self.stdout.write(
            _("Buku JP %(year)d ditulis ke %(path)s: %(n)d pegawai aktif, %(ok)d memenuhi target (%(share)s).")
            % {"year": year, "path": options["output"], "n": result.count, "ok": result.compliant, "share": share}
        )

    def import_attendance(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Berkas %(path)s tidak ada.") % {"path": path})
        batch = Batch.objects.select_related("programme").filter(pk=options["batch"]).first()
        if batch is None:
            raise CommandError(_("Angkatan %(id)s tidak ada.") % {"id": options["batch"]})
        actor = self._actor(options["actor"])
        try:
            plan = plan_attendance(batch, read_sheet(path), file_name=path.name)
        except FileError as exc:
            raise CommandError(str(exc)) from exc
        if plan.errors:
            for error in plan.errors:
                self.stderr.write(error.text())
            raise CommandError(
                _("Berkas %(name)s ditolak: %(n)d kesalahan. Tidak ada data yang disimpan.")
                % {"name": path.name, "n": len(plan.errors)}
            )
        if options["dry_run"]:
            self.stdout.write(_("Pemeriksaan saja, tidak ada yang disimpan. %(n)d baris sah.") % {"n": len(plan.rows)})
            return
        try:
            counts = services.attendance_import(
                actor=actor, batch=batch, rows=plan.rows, file_name=path.name, source=Source.CLI
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            _("%(rows)d baris: %(added)d kehadiran ditambahkan, %(removed)d dihapus, %(unchanged)d tidak berubah.")
            % {"rows": len(plan.rows), **counts}
        )

    def import_training(self, options: dict[str, Any]) -> None:
        # The SIASN rw-diklat layout is the people app's "training" import: same checks, same audit.
        from pamong.people.importing import import_file

        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Berkas %(path)s tidak ada.") % {"path": path})
        actor = self._actor(options["actor"])
        try:
            result = import_file(actor=actor, path=path, kind="training", dry_run=options["dry_run"], source=Source.CLI)
        except PermissionDenied as exc:
            raise CommandError(
                _("Pengguna %(name)s tidak berwenang mengubah data pegawai.") % {"name": options["actor"]}
            ) from exc
        if result.missing_columns:
            raise CommandError(
                _("Kolom wajib tidak ditemukan: %(missing)s. Kolom di berkas: %(headers)s.")
                % {"missing": ", ".join(result.missing_columns), "headers": ", ".join(result.headers)}
            )
        if result.errors:
            for error in result.errors:
                self.stderr.write(error.text())
            raise CommandError(
                _("Berkas %(name)s ditolak: %(n)d kesalahan. Tidak ada data yang disimpan.")
                % {"name": result.name, "n": result.error_count}
            )
        summary = _("%(rows)d baris: %(created)d baru, %(updated)d diperbarui, %(unchanged)d tidak berubah.") % {
            "rows": result.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        if result.dry_run:
            summary = _("Pemeriksaan saja, tidak ada yang disimpan.") + " " + summary
        self.stdout.write(summary)
