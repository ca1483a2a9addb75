"""National scale: ``pamong ipasn compute`` over 4.5 million synthetic employee rows.

    .venv/bin/python bench/bench_ipasn_cli.py [--rows 4500000] [--loop-rows N] [--keep]

1. Write a synthetic CSV once (fixed seed, polars; cached in the temp directory): every vocabulary
   value, blanks for missing data, CPNS and PPPK, spellings such as ``pns``/``TRUE``, an extra column.
2. Timed: ``pamong ipasn compute --input … --output …`` in a child process (a fresh database holds
   the default rule set); print wall time, rows/s and the child's peak resident memory beside the
   targets (< 20 s, < 3 GiB on this 2-core machine).
3. For reference: the plain per-row Python loop over the same contract
   (``ipasn_polars.compute_csv_per_row``: ``csv`` in, ``ipasn.score`` per row, ``csv`` out) over the
   first ``--loop-rows`` rows (default: all), extrapolated to the whole file, and the ratio.
4. Check that both wrote the same values for the rows the loop covered.
Prints figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261128
TARGET_SECONDS = 20.0
TARGET_MEMORY_GIB = 3.0


def make_file(rows: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"pamong-bench-ipasn-{rows}-{SEED}.csv"
    if path.exists():
        return path
    import numpy as np
    import polars as pl

    started = time.perf_counter()
    rng = np.random.default_rng(SEED)

    def pick(values: list[str], weights: list[float] | None = None) -> np.ndarray:
        p = None if weights is None else np.array(weights) / sum(weights)
        return np.array(values, dtype=object)[rng.choice(len(values), rows, p=p)]

    frame = pl.DataFrame(
        {
            "nip": (np.arange(rows, dtype=np.int64) + 198001012005011000).astype(str),
            "status": pick(["PNS", "CPNS", "PPPK", "pns"], [60, 4, 35, 1]),
            "position_type": pick(
                ["jpt", "administrator", "pengawas", "pelaksana", "fungsional", ""], [1, 4, 10, 35, 49, 1]
            ),
            "education_level": pick(
                ["SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3", ""],
                [1, 2, 20, 2, 2, 12, 5, 40, 12, 1, 3],
            ),
            "leadership_training_matches_position": pick(["true", "false", "TRUE", ""], [40, 30, 5, 25]),
            "functional_training_matches_position": pick(["true", "false", "True", ""], [40, 30, 5, 25]),
            "technical_jp_last_year": pick(
                ["0", "8", "12", "19.99", "20", "24.5", "32", "40", ""], [15, 10, 10, 5, 15, 10, 15, 15, 5]
            ),
            "seminar_last_2_years": pick(["true", "false"], [60, 40]),
            "predikat_last_year": pick(
                ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang", ""], [15, 70, 5, 3, 2, 5]
            ),
            "sanction_level": pick(["none", "ringan", "sedang", "berat"], [970, 15, 10, 5]),
            "instansi": pick(["Kabupaten A", "Kota B", "Provinsi C, Biro D"]),
        }
    )
    partial = path.with_suffix(".partial.csv")
    frame.with_columns(pl.all().replace("", None)).write_csv(partial)
    partial.rename(path)
    print(
        f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB, {rows:,} rows) in {time.perf_counter() - started:.1f} s"
    )
    return path


def run_command(source: Path, output: Path) -> tuple[float, float]:
    data_dir = tempfile.mkdtemp(prefix="pamong-bench-ipasn-")
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="pamong.test_settings",
        PAMONG_DATA_DIR=data_dir,
        PAMONG_DATABASE_URL=f"sqlite:///{data_dir}/bench.sqlite3",
    )
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [python, "manage.py", "ipasn", "compute", "--input", str(source), "--output", str(output)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(done.stdout.strip())
    return seconds, max(peak_kib, before) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4_500_000)
    parser.add_argument("--loop-rows", type=int, default=0, help="rows for the per-row loop (0: all)")
    parser.add_argument("--keep", action="store_true", help="keep the output files")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    source = make_file(args.rows)
    out_dir = Path(tempfile.mkdtemp(prefix="pamong-bench-ipasn-out-"))
    output = out_dir / "hasil.csv"

    seconds, peak_gib = run_command(source, output)
    time_ok = "met" if seconds < TARGET_SECONDS else "NOT met"
    memory_ok = "met" if peak_gib < TARGET_MEMORY_GIB else "NOT met"
    print(
        f"pamong ipasn compute: {args.rows:,} rows in {seconds:.2f} s = {args.rows / seconds:,.0f} rows/s, "
        f"peak memory {peak_gib:.2f} GiB (targets < {TARGET_SECONDS:.0f} s: {time_ok}, "
        f"< {TARGET_MEMORY_GIB:.0f} GiB: {memory_ok}; "
        "includes process start, Django setup and reading the rule set)"
    )

    from pamong.professionalism.ipasn import DEFAULT_RULES
    from pamong.professionalism.ipasn_polars import compute_csv_per_row

    loop_rows = args.loop_rows or args.rows
    loop_source = source
    if loop_rows < args.rows:
        loop_source = out_dir / "head.csv"
        with open(source, encoding="utf-8") as src, open(loop_source, "w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, loop_rows + 1))
    started = time.perf_counter()
    compute_csv_per_row(loop_source, out_dir / "loop.csv", DEFAULT_RULES)
    loop_seconds = time.perf_counter() - started
    whole = loop_seconds * args.rows / loop_rows
    label = "" if loop_rows == args.rows else f" (measured on {loop_rows:,} rows, extrapolated)"
    print(
        f"plain per-row Python loop: {whole:.1f} s for {args.rows:,} rows = {args.rows / whole:,.0f} rows/s{label}; "
        f"vectorised is {whole / seconds:.1f}x faster"
    )

    with open(output, encoding="utf-8") as a, open(out_dir / "loop.csv", encoding="utf-8") as b:
        same = all(x == y for x, y in zip(csv.reader(a), csv.reader(b), strict=False))
    print(f"same values in both outputs for the {loop_rows:,} rows compared: {same}")
    if not args.keep:
        for path in out_dir.iterdir():
            path.unlink()
        out_dir.rmdir()


if __name__ == "__main__":
    main()
