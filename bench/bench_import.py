"""Employee import speed: 100,000 SIASN-layout rows from XLSX into SQLite and PostgreSQL.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--skip-postgres]

1. Write a synthetic XLSX once (fixed seed; cached in the temp directory).
2. For each database, in a fresh child process with a fresh database:
   migrate, create the regency's units, import the file as the system,
   then import it again (nothing changes the second time).
3. Print rows/s and the child's peak resident memory beside the targets.

PostgreSQL uses the test cluster of ``scripts/pgtest.sh start`` (left running)
and a database created and dropped for the run. Prints figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261128
TARGETS = {"sqlite": 5_000, "postgresql": 10_000}
MEMORY_TARGET_MIB = 1024


def units() -> list[tuple[str, str, str]]:
    """(code, name, kind): 30 OPDs with 4 bidang each, as (code, name) pairs under one regency."""
    out = []
    for i in range(1, 31):
        out.append((f"35.99.{i:02d}", f"Dinas Contoh {i:02d}", "dinas"))
        for j in range(1, 5):
            out.append((f"35.99.{i:02d}.{j:02d}", f"Bidang {j} Dinas Contoh {i:02d}", "bidang"))
    return out


def make_file(rows: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"pamong-bench-import-{rows}-{SEED}.xlsx"
    if path.exists():
        return path
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pamong.test_settings")
    os.environ.setdefault("PAMONG_DATA_DIR", tempfile.mkdtemp(prefix="pamong-bench-"))
    import django

    django.setup()
    from pamong.people.importing.synthetic import EMPLOYEE_HEADERS, employee_rows, write_xlsx

    started = time.perf_counter()
    partial = path.with_suffix(".partial.xlsx")
    write_xlsx(partial, employee_rows(rows, [(c, n) for c, n, _k in units()], seed=SEED), EMPLOYEE_HEADERS)
    partial.rename(path)
    print(f"wrote {path} ({path.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - started:.1f} s")
    return path


def child(vendor: str, path: Path, database_url: str) -> None:
    """Runs in its own process: one database, one import, figures on stdout."""
    data_dir = tempfile.mkdtemp(prefix="pamong-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "pamong.test_settings"
    os.environ["PAMONG_DATA_DIR"] = data_dir
    os.environ["PAMONG_DATABASE_URL"] = database_url or f"sqlite:///{data_dir}/bench.sqlite3"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from pamong.people.models import Employee, OrgUnit, UnitKind

    root = OrgUnit.objects.create(code="35.99", name="Kabupaten Contoh", kind=UnitKind.PEMDA)
    by_code = {}
    for code, name, kind in units():
        parent = by_code.get(code.rsplit(".", 1)[0], root)
        unit = OrgUnit.objects.create(code=code, name=name, kind=kind, parent=parent)
        unit.opd = unit if parent is root else parent
        unit.save(update_fields=["opd"])
        by_code[code] = unit

    from pamong.people.importing import import_file

    phases: dict[str, float] = {}

    def progress(done: int, total: int, message: str) -> None:
        phases.setdefault(message, time.perf_counter())

    started = time.perf_counter()
    first = import_file(actor=None, path=path, kind="employees", progress=progress)
    seconds = time.perf_counter() - started
    # Reading runs until the first row check; checking until the first write; "Selesai" is the end.
    marks = [*phases.values(), started + seconds]
    names = list(phases)
    split = ", ".join(f"{names[k].lower()} {marks[k + 1] - marks[k]:.1f} s" for k in range(len(names) - 1))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not first.ok:
        print(f"{vendor}: import FAILED: {[e.text() for e in first.errors[:5]]} {first.missing_columns}")
        return
    started = time.perf_counter()
    second = import_file(actor=None, path=path, kind="employees")
    again = time.perf_counter() - started
    peak2 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = first.rows / seconds
    print(
        f"{vendor}: {first.rows} rows in {seconds:.2f} s = {rate:,.0f} rows/s (target >= {TARGETS[vendor]:,}); "
        f"peak memory {peak:,.0f} MiB (target < {MEMORY_TARGET_MIB:,} MiB); "
        f"created {first.created}, positions {first.positions_created}, stored {Employee.objects.count()}"
    )
    print(f"{vendor}: phases: {split}")
    print(
        f"{vendor}: same file again in {again:.2f} s = {second.rows / again:,.0f} rows/s; "
        f"created {second.created}, updated {second.updated}, unchanged {second.unchanged}; "
        f"peak memory {peak2:,.0f} MiB"
    )


def postgres_database() -> tuple[str, str] | None:
    """A fresh database on the pgtest cluster: (url, admin url)."""
    try:
        url = subprocess.run(
            [str(ROOT / "scripts" / "pgtest.sh"), "start"], check=True, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"postgresql: skipped, cluster did not start ({exc})")
        return None
    base, _slash, _name = url.rpartition("/")
    name = f"pamong_bench_{uuid.uuid4().hex[:8]}"
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}", base


def drop_postgres(base: str, url: str) -> None:
    import psycopg

    name = url.rpartition("/")[2]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--child", choices=sorted(TARGETS), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file, args.database_url)
        return

    path = make_file(args.rows)
    run = [sys.executable, __file__, "--file", str(path)]
    subprocess.run([*run, "--child", "sqlite"], check=True)
    if args.skip_postgres:
        return
    database = postgres_database()
    if database is None:
        return
    url, base = database
    try:
        subprocess.run([*run, "--child", "postgresql", "--database-url", url], check=True)
    finally:
        drop_postgres(base, url)


if __name__ == "__main__":
    main()
