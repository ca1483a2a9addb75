"""IP ASN in the app: the whole demo regency (10,000 employees) measured and stored.

    .venv/bin/python bench/bench_ipasn_app.py [--employees 10000] [--postgres]

1. A scratch SQLite database (or, with ``--postgres``, a throwaway database on the pgtest cluster)
   is migrated and filled with the deterministic demo regency (``pamong demo``), once; that part is not timed.
2. Timed: ``measurement_run`` for the current year: gather the facts of every employee from their
   histories (5 queries), score them with the pure engine, store one result row each, audit.
3. Timed again: the same run (same inputs and rule set): same digest, rows kept.
4. Timed: recompute the stored snapshot from its facts (``measurement_verify``) and the regency page's
   figures (``figures.unit_page`` for the root).
Prints seconds and rows/s beside the target (< 2 s for the measurement). Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="use a throwaway database on the scripts/pgtest.sh cluster (left running) instead of SQLite",
    )
    args = parser.parse_args()
    url, base = "", ""
    if args.postgres:
        import uuid

        import psycopg

        base = (
            subprocess.run([str(ROOT / "scripts" / "pgtest.sh"), "start"], capture_output=True, text=True, check=True)
            .stdout.strip()
            .rpartition("/")[0]
        )
        url = f"{base}/pamong_bench_ipasn_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{url.rpartition("/")[2]}"')
    try:
        run(args, url)
    finally:
        if base:
            import psycopg
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{url.rpartition("/")[2]}" WITH (FORCE)')


def run(args: argparse.Namespace, url: str) -> None:
    data_dir = tempfile.mkdtemp(prefix="pamong-bench-ipasn-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "pamong.test_settings"
    os.environ["PAMONG_DATA_DIR"] = data_dir
    os.environ["PAMONG_DATABASE_URL"] = url or f"sqlite:///{data_dir}/bench.sqlite3"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from pamong.people.models import OrgUnit
    from pamong.professionalism import figures, services
    from pamong.professionalism.models import Result

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command(
        "demo", "--employees", str(args.employees), "--password", "bench-demo-2026", verbosity=0, stdout=io.StringIO()
    )
    setup = time.perf_counter() - started
    print(f"setup: migrate + demo {args.employees:,} employees in {setup:.1f} s ({connection.vendor})")

    year = timezone.localdate().year
    started = time.perf_counter()
    m = services.measurement_run(actor=None, year=year)
    first = time.perf_counter() - started
    rows = Result.objects.filter(measurement=m).count()
    print(
        f"measurement {year}: {rows:,} results ({m.scored:,} scored, {m.incomplete:,} incomplete, "
        f"{m.excluded:,} excluded; mean {m.mean_total}) in {first:.2f} s = {rows / first:,.0f} employees/s "
        f"(target < {TARGET_SECONDS:.0f} s: {'met' if first < TARGET_SECONDS else 'NOT met'})"
    )
    started = time.perf_counter()
    again = services.measurement_run(actor=None, year=year)
    second = time.perf_counter() - started
    print(f"re-run, same inputs: {second:.2f} s, same digest: {again.result_digest == m.result_digest}")
    started = time.perf_counter()
    mismatches = services.measurement_verify(again)
    seconds = time.perf_counter() - started
    print(f"recompute the stored snapshot from its facts: {seconds:.2f} s, mismatches: {len(mismatches)}")
    root = OrgUnit.objects.get(parent__isnull=True)
    started = time.perf_counter()
    page = figures.unit_page(root, again)
    print(
        f"regency page figures: {time.perf_counter() - started:.2f} s "
        f"({len(page['comparison'])} OPD compared, {len(page['trend'])} year(s) of trend)"
    )


if __name__ == "__main__":
    main()
