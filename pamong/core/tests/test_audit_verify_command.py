"""pamong audit_verify: says the chain is intact, or names the first broken entry and exits 1."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from pamong.core.audit import audit_record
from pamong.core.models import AuditEntry, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_entries(db):
    actions = ["people.employee.created", "people.employee.updated", "people.employee.transferred"]
    return [
        audit_record(
            actor=None,
            action=action,
            source=Source.SYSTEM,
            object_type="people.employee",
            object_id=7,
            changes={"golongan": ["III/b", "III/c"]},
        )
        for action in actions
    ]


def _raw(sql: str, params: list) -> None:
    # Raw SQL only in tests: the ORM refuses to change audit rows, and here we simulate tampering.
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), params)


def test_intact_chain_reports_the_number_checked(three_entries, capsys):
    call_command("audit_verify")

    assert capsys.readouterr().out.strip() == "3 entries checked, chain intact"


def test_empty_log_is_intact(db, capsys):
    call_command("audit_verify")

    assert capsys.readouterr().out.strip() == "0 entries checked, chain intact"


def test_tampered_changes_are_reported_with_seq_and_action(three_entries):
    _raw("UPDATE {table} SET changes = %s WHERE seq = %s", [json.dumps({"golongan": ["III/b", "IV/e"]}), 2])

    with pytest.raises(CommandError) as failure:
        call_command("audit_verify")

    assert str(failure.value) == (
        "chain broken at entry #2 (people.employee.updated): content does not match its hash; 1 entry before it intact"
    )
    assert failure.value.returncode == 1


def test_deleted_entry_is_reported_as_a_gap(three_entries):
    _raw("DELETE FROM {table} WHERE seq = %s", [2])

    with pytest.raises(CommandError) as failure:
        call_command("audit_verify")

    assert str(failure.value).startswith("chain broken at entry #2 (entry not found): entry missing")


def test_deleted_last_entry_is_reported_against_the_head(three_entries):
    _raw("DELETE FROM {table} WHERE seq = %s", [3])

    with pytest.raises(CommandError, match=r"#3 \(entry not found\): entries after this one are missing"):
        call_command("audit_verify")


def test_failure_is_logged_without_the_entry_contents(three_entries, caplog):
    _raw("UPDATE {table} SET object_repr = %s WHERE seq = %s", ["Sri Wahyuni 199512122022212001", 1])

    with pytest.raises(CommandError):
        call_command("audit_verify")

    assert "chain broken at entry #1" in caplog.text
    assert "Sri Wahyuni" not in caplog.text
    assert "199512122022212001" not in caplog.text
