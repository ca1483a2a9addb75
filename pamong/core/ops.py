"""Backing up and restoring the database while pamong runs.

SQLite: the online backup API copies a consistent snapshot page by page while
other connections keep reading and writing. PostgreSQL: ``pg_dump
--format=custom`` and ``pg_restore``. Backups hold personal data, so files
and the backup directory are created readable by their owner only.

Errors name the operation and the error class; the tools' own messages can
quote rows (a failed COPY prints the key), so they are not logged.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone

from .audit import ChainReport
from .models import AuditEntry


class BackupError(Exception):
    """A backup or restore failed; the message is safe to log and show."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        # The tool's own output: shown to the operator on request, never logged.
        self.detail = detail


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    vendor: str


def backup_default_path(vendor: str, *, now: dt.datetime | None = None) -> Path:
    """``DATA_DIR/backups/pamong-YYYYmmdd-HHMMSS.<ext>`` in the deployment's time zone."""
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    ext = "sqlite3" if vendor == "sqlite" else "dump"
    return Path(settings.DATA_DIR) / "backups" / f"pamong-{stamp}.{ext}"


def pg_tool(name: str) -> str:
    """``pg_dump``/``pg_restore`` from PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    candidates = [Path(p) for p in glob.glob(f"/usr/lib/postgresql/*/bin/{name}")]
    candidates = [p for p in candidates if os.access(p, os.X_OK)]
    if not candidates:
        raise BackupError(f"{name} not found on PATH or under /usr/lib/postgresql/*/bin")

    def version(path: Path) -> tuple[int, ...]:
        raw = path.parent.parent.name
        return tuple(int(part) for part in raw.split(".") if part.isdigit())

    return str(max(candidates, key=version))


def _private_file(path: Path) -> None:
    """Create an empty file only its owner can read, in a directory only its owner can enter."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _sqlite_connect(name: str) -> sqlite3.Connection:
    # Django opens SQLite with uri=True; the test database is "file:memorydb_...?mode=memory&cache=shared".
    return sqlite3.connect(name, uri=name.startswith("file:"), timeout=30)


def _sqlite_copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    # One step: the copy reads a single snapshot of the source. In WAL mode that
    # read does not block writers, and a stepwise copy would restart on every write.
    source.backup(target)


def _pg_env_and_args(settings_dict: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """Connection arguments for the PostgreSQL tools; the password goes in the environment only."""
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    args = ["--no-password"]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    return env, args


def _run(operation: str, argv: list[str], env: dict[str, str]) -> None:
    try:
        completed = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BackupError(f"{operation} failed to start ({type(exc).__name__})")
    if completed.returncode != 0:
        raise BackupError(
            f"{operation} failed: {Path(argv[0]).name} exited with status {completed.returncode}",
            detail=completed.stderr.strip(),
        )


def backup_create(*, output: Path | None = None, using: str = "default") -> BackupResult:
    """Write a consistent snapshot of the database to ``output`` (default under DATA_DIR/backups).

    The snapshot is written next to ``output`` under a temporary name and renamed
    when complete, so a file with the final name is always a whole backup.
    """
    conn = connections[using]
    vendor = conn.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"backup is not supported for the {vendor} database backend")
    path = Path(output) if output else backup_default_path(vendor)
    partial = path.with_name(f".{path.name}.partial")
    _private_file(partial)
    try:
        if vendor == "sqlite":
            source = _sqlite_connect(str(conn.settings_dict["NAME"]))
            target = sqlite3.connect(partial)
            try:
                _sqlite_copy(source, target)
                # The copied header says WAL; make the backup one self-contained file.
                target.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.Error as exc:
                raise BackupError(f"backup failed ({type(exc).__name__})")
            finally:
                target.close()
                source.close()
        else:
            env, args = _pg_env_and_args(conn.settings_dict)
            argv = [pg_tool("pg_dump"), "--format=custom", "--file", str(partial), *args]
            _run("backup", [*argv, "--dbname", str(conn.settings_dict["NAME"])], env)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(path=path, size=path.stat().st_size, vendor=vendor)


def _sqlite_backup_looks_right(path: Path) -> None:
    """Refuse a file that is not a whole pamong SQLite database before touching the live one."""
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            integrity = probe.execute("PRAGMA quick_check").fetchone()[0]
            has_migrations = probe.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'django_migrations'"
            ).fetchone()[0]
        finally:
            probe.close()
    except sqlite3.Error as exc:
        raise BackupError(f"restore refused: not a readable SQLite database ({type(exc).__name__})")
    if integrity != "ok":
        raise BackupError("restore refused: the backup file fails SQLite's integrity check")
    if not has_migrations:
        raise BackupError("restore refused: the file is not a pamong database (no django_migrations table)")


def backup_restore(*, path: Path, using: str = "default") -> None:
    """Replace the live database's contents with the backup at ``path``.

    Workers and web processes should be stopped first: SQLite lets them keep
    their connections, but they would work on the old data until they reread.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError("restore refused: backup file not found")
    conn = connections[using]
    vendor = conn.vendor
    settings_dict = dict(conn.settings_dict)
    # Our own connections must not hold locks (or, on PostgreSQL, block DROP TABLE).
    connections.close_all()
    if vendor == "sqlite":
        _sqlite_backup_looks_right(path)
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        target = _sqlite_connect(str(settings_dict["NAME"]))
        try:
            _sqlite_copy(source, target)
        except sqlite3.Error as exc:
            raise BackupError(f"restore failed ({type(exc).__name__})")
        finally:
            target.close()
            source.close()
    elif vendor == "postgresql":
        env, args = _pg_env_and_args(settings_dict)
        argv = [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            # All or nothing: a failed restore leaves the database as it was.
            "--single-transaction",
            *args,
            "--dbname",
            str(settings_dict["NAME"]),
            str(path),
        ]
        _run("restore", argv, env)
    else:
        raise BackupError(f"restore is not supported for the {vendor} database backend")
    connections.close_all()


def audit_chain_summary(report: ChainReport) -> str:
    """One line for an operator: how many entries were checked, or the first broken one."""
    seq = report.first_broken_seq
    if seq is None:
        return f"{_entries(report.checked)} checked, chain intact"
    action = AuditEntry.objects.filter(seq=seq).values_list("action", flat=True).first() or "entry not found"
    return f"chain broken at entry #{seq} ({action}): {report.reason}; {_entries(report.checked)} before it intact"


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"
