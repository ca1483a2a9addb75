"""pamong backup / restore: a snapshot taken while running comes back whole, audit chain included."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from pamong.core.audit import audit_record, audit_verify
from pamong.core.models import AuditEntry, Source
from pamong.core.ops import backup_default_path, pg_tool

pytestmark = pytest.mark.django_db(transaction=True)


def _backup_name() -> str:
    return "snapshot.sqlite3" if connection.vendor == "sqlite" else "snapshot.dump"


def _raw(sql: str, params: list) -> None:
    # Raw SQL only here: the ORM refuses to change audit rows, and this test simulates damage.
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def test_restore_brings_back_data_and_an_intact_audit_chain(personas, tmp_path, capsys):
    from pamong.people.models import Employee

    nurse = personas.nurse_employee
    for golongan in ("VIII", "IX"):
        audit_record(
            actor=personas.ani,
            action="people.employee.updated",
            obj=nurse,
            source=Source.CLI,
            changes={"golongan": [nurse.golongan, golongan]},
        )
    audit_record(actor=personas.budi, action="people.employee.transferred", obj=personas.dodi_employee)
    hashes_before = list(AuditEntry.objects.order_by("seq").values_list("seq", "hash"))
    out = tmp_path / "backups" / _backup_name()

    call_command("backup", "--output", str(out))

    printed = capsys.readouterr().out
    assert str(out) in printed
    assert f"({out.stat().st_size} bytes)" in printed
    assert out.stat().st_size > 10_000
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not list(out.parent.glob(".*partial"))

    # Damage after the backup: a row deleted, one renamed, the audit log tampered with and extended.
    Employee.objects.filter(pk=nurse.pk).delete()
    Employee.objects.filter(pk=personas.citra_employee.pk).update(name="Nama Diubah")
    _raw("UPDATE {table} SET object_repr = %s WHERE seq = %s", ["diubah", 2])
    audit_record(actor=None, action="core.test.after_backup", source=Source.SYSTEM)
    assert audit_verify().first_broken_seq == 2

    call_command("restore", str(out), "--yes")

    printed = capsys.readouterr().out
    assert "3 entries checked, chain intact" in printed
    assert Employee.objects.filter(nip="199512122022212001").values_list("name", flat=True).get() == "Sri Wahyuni"
    assert Employee.objects.get(pk=personas.citra_employee.pk).name == "Citra Dewi"
    assert Employee.objects.count() == 4
    assert list(AuditEntry.objects.order_by("seq").values_list("seq", "hash")) == hashes_before
    report = audit_verify()
    assert report.ok
    assert report.checked == 3
    # The restored database takes writes and the chain goes on from its head.
    entry = audit_record(actor=None, action="core.test.after_restore", source=Source.SYSTEM)
    assert entry.seq == 4
    assert audit_verify().checked == 4


def test_restore_without_yes_refuses_and_changes_nothing(personas, tmp_path):
    from pamong.people.models import Employee

    out = tmp_path / _backup_name()
    call_command("backup", "--output", str(out))
    Employee.objects.filter(pk=personas.nurse_employee.pk).delete()

    with pytest.raises(CommandError, match="Stop running workers"):
        call_command("restore", str(out))

    assert Employee.objects.count() == 3


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("this is not a database\n" * 100)

    with pytest.raises(CommandError, match=r"restore (refused|failed)"):
        call_command("restore", str(bogus), "--yes")

    assert audit_verify().ok


def test_restore_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="backup file not found"):
        call_command("restore", str(tmp_path / "nothing-here"), "--yes")


def test_backup_goes_to_data_dir_backups_by_default(db, settings, tmp_path, capsys):
    settings.DATA_DIR = tmp_path

    call_command("backup")

    files = list((tmp_path / "backups").iterdir())
    assert len(files) == 1
    ext = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    assert files[0].name.startswith("pamong-") and files[0].suffix == ext
    assert len(files[0].stem) == len("pamong-20261128-114559")
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert str(files[0]) in capsys.readouterr().out


def test_default_backup_name_uses_jakarta_time(settings, tmp_path):
    import datetime as dt

    settings.DATA_DIR = tmp_path
    at = dt.datetime(2026, 11, 28, 20, 30, 5, tzinfo=dt.UTC)  # 03:30:05 on the 29th in Jakarta

    assert backup_default_path("sqlite", now=at) == tmp_path / "backups" / "pamong-20261129-033005.sqlite3"
    assert backup_default_path("postgresql", now=at).name == "pamong-20261129-033005.dump"


def test_pg_tool_finds_an_executable():
    if not any(Path(p).exists() for p in ("/usr/bin/pg_dump", "/usr/lib/postgresql")):
        pytest.skip("PostgreSQL client tools are not installed on this machine")
    path = pg_tool("pg_dump")
    assert Path(path).name == "pg_dump"
    assert os.access(path, os.X_OK)


def test_pg_tool_falls_back_to_the_newest_postgresql_bin(monkeypatch):
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_restore"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        pytest.skip("no PostgreSQL under /usr/lib/postgresql on this machine")
    monkeypatch.setenv("PATH", "/nonexistent")

    assert pg_tool("pg_restore") == found[-1]
