"""``pamong demo``: fill an empty database with the synthetic regency."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from pamong.accounts.models import Role, RoleAssignment, User
from pamong.people import demo
from pamong.people.demo.load import DemoDataExists
from pamong.people.demo.staff import DemoTooSmall
from pamong.people.models import OrgUnit

DEMO_USERNAMES = (
    "admin",
    "operator.dinkes",
    "operator.bkd",
    "sekda",
    "kadis.pendidikan",
    "fasilitator",
    "pegawai",
    "peserta",
)
NO_ROLE = {
    "pegawai": _lazy("pegawai tanpa peran (guru)"),
    "peserta": _lazy("pegawai tanpa peran (peserta Program Transformasi Personal)"),
}


class Command(BaseCommand):
    help = _("Isi basis data kosong dengan kabupaten contoh (data sintetis) dan log-in demo untuk setiap peran.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed",
            type=int,
            default=demo.DEFAULT_SEED,
            help=_("benih acak; benih yang sama menghasilkan data yang sama (bawaan 2026)"),
        )
        parser.add_argument(
            "--employees",
            type=int,
            default=demo.DEFAULT_EMPLOYEES,
            help=_("jumlah pegawai (bawaan 10000, minimal 200); struktur ikut diskalakan"),
        )
        parser.add_argument(
            "--if-empty", action="store_true", help=_("tidak melakukan apa pun bila sudah ada unit organisasi")
        )
        parser.add_argument(
            "--password",
            default=demo.DEFAULT_PASSWORD,
            help=_("kata sandi semua log-in demo (bawaan pamong-demo-2026)"),
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help=_("tanggal pembuatan (YYYY-MM-DD); NIP dan umur dihitung terhadapnya"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["employees"] < demo.MIN_EMPLOYEES:
            raise CommandError(_("--employees minimal %(n)d.") % {"n": demo.MIN_EMPLOYEES})
        if OrgUnit.objects.exists():
            if not options["if_empty"]:
                raise CommandError(
                    _("Basis data sudah berisi unit organisasi; data demo hanya dibuat di basis data kosong.")
                )
            self.stdout.write(_("Data sudah ada; data demo tidak dibuat."))
            self._print_logins(options["password"])
            self.stdout.write(
                _(
                    "Kata sandi di atas berlaku bila data demo dibuat dengan --password yang sama dan "
                    "kata sandinya belum diganti."
                )
            )
            return
        started = time.monotonic()
        try:
            plan, counts = demo.generate(
                seed=options["seed"],
                employees=options["employees"],
                today=options["today"],
                password=options["password"],
            )
        except (DemoDataExists, DemoTooSmall) as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Kabupaten contoh dibuat dalam %(s).1f detik: %(units)d unit (%(opd)d OPD), %(pos)d jabatan "
                    "(%(struct)d struktural), %(emp)d pegawai (%(pns)d PNS, %(cpns)d CPNS, %(pppk)d PPPK; "
                    "%(inactive)d tidak aktif)."
                )
                % {
                    "s": seconds,
                    "units": counts["org_units"],
                    "opd": counts["opd"],
                    "pos": counts["positions"],
                    "struct": counts["structural_positions"],
                    "emp": counts["employees"],
                    "pns": counts["pns"],
                    "cpns": counts["cpns"],
                    "pppk": counts["pppk"],
                    "inactive": counts["inactive"],
                }
            )
        )
        self.stdout.write(
            _("Riwayat: %(edu)d pendidikan, %(tr)d pelatihan, %(sa)d hukuman disiplin, %(pf)d kinerja.")
            % {
                "edu": counts["education_records"],
                "tr": counts["training_records"],
                "sa": counts["sanction_records"],
                "pf": counts["performance_records"],
            }
        )
        self.stdout.write(
            _(
                "Program Transformasi Personal angkatan I: %(n)d administrator dari %(opd)d OPD "
                "(lihat pamong.people.demo.transformation_batch)."
            )
            % {
                "n": len(plan.batch),
                "opd": len({plan.org.units[p.unit].opd for p in plan.people if p.nip in set(plan.batch)}),
            }
        )
        self._print_logins(options["password"])

    def _print_logins(self, password: str) -> None:
        """The demo log-ins found in the database, as a table."""
        users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES).select_related("employee")}
        roles: dict[int, list[str]] = {}
        for ra in RoleAssignment.objects.filter(user__username__in=DEMO_USERNAMES).select_related("org_unit"):
            where = ra.org_unit.name if ra.org_unit else _("seluruh kabupaten")
            if ra.org_unit and ra.include_subtree:
                where = _("%(unit)s dan unit di bawahnya") % {"unit": where}
            roles.setdefault(ra.user_id, []).append(f"{Role(ra.role).label} — {where}")
        rows = [(_("Nama pengguna"), _("Peran"), _("Kata sandi"), _("Pegawai"))]
        for username in DEMO_USERNAMES:
            user = users.get(username)
            if user is None:
                continue
            employee = getattr(user, "employee", None)
            role = "; ".join(roles.get(user.pk, [])) or str(NO_ROLE.get(username, _("pegawai tanpa peran")))
            rows.append((username, str(role), password, employee.full_name if employee else ""))
        if len(rows) == 1:
            self.stdout.write(_("Tidak ada log-in demo di basis data ini."))
            return
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        line = "+-" + "-+-".join("-" * w for w in widths) + "-+"
        self.stdout.write("")
        self.stdout.write(_("Log-in demo:"))
        self.stdout.write(line)
        for n, row in enumerate(rows):
            self.stdout.write("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
            if n == 0:
                self.stdout.write(line)
        self.stdout.write(line)
        self.stdout.write(
            _(
                "admin adalah Administrator BKD: pada log-in pertama ia wajib memasang autentikasi dua "
                "langkah (TOTP) dengan aplikasi autentikator."
            )
        )
