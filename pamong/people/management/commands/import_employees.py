"""``pamong import_employees FILE``: import employees or one of their histories from XLSX or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from pamong.accounts.models import User
from pamong.people.importing import LAYOUTS, import_file, parse_mapping


class ProgressBar:
    """A plain text bar on the command's stderr, redrawn in place: ``[#####-----]  50% Memeriksa baris``."""

    def __init__(self, stream: Any, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.last = (-1, "")
        self.drawn = False

    def __call__(self, done: int, total: int, message: str) -> None:
        percent = int(100 * done / total) if total else 0
        if (percent, message) == self.last:
            return
        self.last = (percent, message)
        filled = self.width * percent // 100
        self.stream.write(f"\r[{'#' * filled}{'-' * (self.width - filled)}] {percent:3d}% {message:<30}", ending="")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("")
            self.stream.flush()


class Command(BaseCommand):
    help = _(
        "Impor pegawai atau riwayatnya dari berkas XLSX/CSV berkolom SIASN. Seluruh berkas diperiksa dulu; "
        "bila ada kesalahan, tidak ada yang disimpan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=_("berkas .xlsx atau .csv"))
        parser.add_argument(
            "--kind", choices=sorted(LAYOUTS), default="employees", help=_("jenis berkas (bawaan: employees)")
        )
        parser.add_argument(
            "--map",
            default="",
            metavar="KOLOM=FIELD,...",
            help=_('pemetaan judul kolom berkas ke nama kolom pamong, mis. "NIP=nip_baru,Nama=nama"'),
        )
        parser.add_argument("--dry-run", action="store_true", help=_("periksa saja, jangan simpan"))
        parser.add_argument(
            "--actor",
            default="",
            metavar="USERNAME",
            help=_("impor atas nama pengguna ini (dengan batas unitnya); bawaan: sistem"),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("tanpa bilah kemajuan"))

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("Berkas %(path)s tidak ada.") % {"path": path})
        try:
            mapping = parse_mapping(options["map"]) if options["map"] else None
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        actor = None
        if options["actor"]:
            actor = User.objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(_("Pengguna %(name)s tidak ada.") % {"name": options["actor"]})
        show = not options["no_progress"] and options["verbosity"] > 0
        bar = ProgressBar(self.stderr) if show else None
        try:
            result = import_file(
                actor=actor,
                path=path,
                kind=options["kind"],
                mapping=mapping,
                dry_run=options["dry_run"],
                progress=bar,
            )
        except PermissionDenied as exc:
            raise CommandError(
                _("Pengguna %(name)s tidak berwenang mengubah data pegawai.") % {"name": options["actor"]}
            ) from exc
        finally:
            if bar is not None:
                bar.close()

        if result.missing_columns:
            raise CommandError(
                _(
                    "Kolom wajib tidak ditemukan: %(missing)s. Kolom di berkas: %(headers)s. "
                    'Petakan dengan --map "kolom_berkas=kolom_pamong,...".'
                )
                % {"missing": ", ".join(result.missing_columns), "headers": ", ".join(result.headers)}
            )
        if result.errors:
            for error in result.errors:
                self.stderr.write(error.text())
            raise CommandError(
                _("Berkas %(name)s ditolak: %(n)d kesalahan di %(rows)d baris. Tidak ada data yang disimpan.")
                % {"name": result.name, "n": result.error_count, "rows": result.rows_with_errors}
            )
        summary = _("%(rows)d baris: %(created)d baru, %(updated)d diperbarui, %(unchanged)d tidak berubah.") % {
            "rows": result.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        if result.kind == "employees":
            summary += " " + _(
                "Jabatan baru: %(positions)d. Riwayat pendidikan: %(edu_new)d baru, %(edu_updated)d diperbarui."
            ) % {
                "positions": result.positions_created,
                "edu_new": result.education_created,
                "edu_updated": result.education_updated,
            }
        if result.dry_run:
            summary = _("Pemeriksaan saja, tidak ada yang disimpan.") + " " + summary
        self.stdout.write(summary)
