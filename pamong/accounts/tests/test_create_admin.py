import io

import pytest
from django.core.management import CommandError, call_command

from pamong.accounts.models import Role, User
from pamong.accounts.scope import scope_for
from pamong.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_create_admin_makes_a_regency_wide_bkd_administrator(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-yang-panjang-2026\n"))
    out = io.StringIO()
    call_command(
        "create_admin", "--username", "kepala.bkd", "--email", "bkd@contoh.go.id", "--password-stdin", stdout=out
    )
    user = User.objects.get(username="kepala.bkd")
    assert user.check_password("sandi-yang-panjang-2026") and user.is_staff
    scope = scope_for(user)
    assert scope.is_bkd_admin and scope.regency_write
    assert user.role_assignments.get().role == Role.BKD_ADMIN
    assert AuditEntry.objects.filter(source="cli").exists()


def test_create_admin_refuses_a_weak_password(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("12345\n"))
    with pytest.raises(CommandError):
        call_command("create_admin", "--username", "x", "--email", "x@contoh.go.id", "--password-stdin")
    assert not User.objects.filter(username="x").exists()
