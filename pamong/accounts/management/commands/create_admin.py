"""``pamong create_admin``: the first BKD administrator of a new installation."""

from __future__ import annotations

import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pamong.accounts.models import Role, User
from pamong.accounts.services import role_assign
from pamong.core.models import Source


class Command(BaseCommand):
    help = "Create a BKD administrator (regency-wide, Django admin access). TOTP is set up at first log-in."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"user {options['username']!r} already exists")
        if options["password_stdin"]:
            password = input().strip()
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("the passwords differ")
        user = User(username=options["username"], email=options["email"], is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            role_assign(actor=None, user=user, role=Role.BKD_ADMIN, source=Source.CLI)
        self.stdout.write(f"{user.username}: BKD administrator created; TOTP is required at the first log-in.")
