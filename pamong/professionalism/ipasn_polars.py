"""The IP ASN rules vectorised with polars, and the ``pamong ipasn compute`` CSV contract. No Django.

:func:`score_frame` is :func:`pamong.professionalism.ipasn.score` over a whole
population: it reads its points from the same :class:`~.ipasn.Rules`, and
``tests/test_engine_vectorised_equality.py`` holds the two equal row for row.
Points are carried as integer hundredths (``cents``) so sums and the category
thresholds are exact, like the engine's ``Decimal``.

:func:`compute_csv` streams a CSV of any size: every column is read as text,
normalised and checked against its vocabulary with expressions, scored, and
written batch by batch to a temporary file that replaces the output only when
the whole input was valid. The first bad value stops the run with its row and
column (:class:`InputError`), and no output is written.

Row numbers count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl

from .ipasn import (
    CATEGORIES,
    DIMENSIONS,
    EDUCATION_LEVELS,
    EXCLUDED,
    FACT_FIELDS,
    INCOMPLETE,
    INDICATOR_FACT,
    POSITION_TYPES,
    PREDIKATS,
    SANCTION_LEVELS,
    SCORED,
    Facts,
    Rules,
    Score,
    gettext_noop,
    score,
)

RESULT_COLUMNS = ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total", "category", "missing")
INPUT_COLUMNS = ("nip", *FACT_FIELDS)
BOOL_FACTS = (
    "leadership_training_matches_position",
    "functional_training_matches_position",
    "seminar_last_2_years",
)
# Each text column's vocabulary as written in the CSV (matched case-insensitively) → the engine's value.
VOCABULARY: dict[str, dict[str, str]] = {
    "status": {"PNS": "pns", "CPNS": "cpns", "PPPK": "pppk"},
    "position_type": {p: p for p in POSITION_TYPES},
    "education_level": {e: e for e in EDUCATION_LEVELS},
    "predikat_last_year": {p: p for p in PREDIKATS},
    "sanction_level": {s: s for s in SANCTION_LEVELS},
    **{b: {"true": "true", "false": "false"} for b in BOOL_FACTS},
}
UPPER_CASE = {"status", "education_level"}
JP_PATTERN = r"^[0-9]{1,9}(\.[0-9]{1,6})?$"  # ≤ 15 significant digits: exact as Float64
_JP_RE = re.compile(JP_PATTERN)
MISSING_SEPARATOR = ";"


def cents(value: Decimal) -> int:
    return int(value * 100)


# --- Errors ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputError(Exception):
    """A problem with the input file; ``row`` counts the header as row 1 (0 = the file as a whole)."""

    row: int
    column: str
    message: str  # Indonesian source text with %(…)s placeholders
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, translate: Any = None) -> str:
        message = translate(self.message) if translate else self.message
        return message % {"row": self.row, "column": self.column, **self.params}


def _vocabulary_error(row: int, column: str, value: str) -> InputError:
    if column == "technical_jp_last_year":
        return InputError(
            row,
            column,
            gettext_noop("Baris %(row)s, kolom %(column)s: '%(value)s' bukan angka JP (contoh: 20 atau 12.5)."),
            {"value": value},
        )
    choices = " | ".join(VOCABULARY[column])
    return InputError(
        row,
        column,
        gettext_noop("Baris %(row)s, kolom %(column)s: nilai '%(value)s' tidak dikenal; pilihan: %(choices)s."),
        {"value": value, "choices": choices},
    )


# --- The vectorised engine ---------------------------------------------------------------------------------


def mapped(expr: pl.Expr, mapping: dict[str, Any], dtype: Any) -> pl.Expr:
    """``mapping[value]`` per row, null for anything else.

    A chain of ``when(is_in(keys)).then(value)``, one branch per distinct value: unlike ``replace_strict``
    it runs in polars' streaming engine, so a file of millions of rows never sits in memory whole."""
    by_value: dict[Any, list[str]] = {}
    for key, value in mapping.items():
        by_value.setdefault(value, []).append(key)
    chain: Any = pl
    for value, keys in by_value.items():
        test = expr == keys[0] if len(keys) == 1 else expr.is_in(keys)
        chain = chain.when(test).then(pl.lit(value, dtype=dtype))
    return chain.otherwise(pl.lit(None, dtype=dtype)) if by_value else pl.lit(None, dtype=dtype)


def _lookup(column: str, mapping: dict[str, Any], dtype: Any = pl.Int64) -> pl.Expr:
    return mapped(pl.col(column), mapping, dtype)


def _required_types(indicator: str, rules: Rules) -> list[str]:
    return [p for p in POSITION_TYPES if rules.row(p, indicator) is not None]


def _required(fact: str, rules: Rules) -> pl.Expr:
    """Whether ``fact`` is required for the row's position type (mirrors ``Rules.required_facts``)."""
    pt = pl.col("position_type")
    indicator = next((i for i, f in INDICATOR_FACT.items() if f == fact), None)
    if indicator is None:
        return pl.lit(True)
    known = pt.is_in(_required_types(indicator, rules))
    if indicator in ("technical", "seminar"):
        return known | pt.is_null()
    return known.fill_null(False)


def score_frame(frame: pl.LazyFrame, rules: Rules) -> pl.LazyFrame:
    """Add ``state``, the four dimensions and ``total`` (Int64 hundredths, null unless scored), ``category``
    and ``missing`` (fact names joined by ``;``, null unless incomplete) to a frame of facts.

    Expected columns: the text facts in the engine's vocabulary (``status`` lower case, education upper
    case), the three training facts as Boolean and ``technical_jp_last_year`` as Float64. (Float is exact
    here: the CSV allows at most 15 significant digits, and a value that short compares with a threshold
    of two decimals exactly as its Decimal does.) Steps as :func:`pamong.professionalism.ipasn.score`;
    every table lookup is a short ``when`` chain (:func:`mapped`), cheap on the CSV path's Enum columns.
    """
    mx = {d: cents(v) for d, v in rules.dimension_max.items()}
    status = pl.col("status")
    excluded = (status == "cpns") | ((status == "pppk") & pl.lit(not rules.include_pppk))
    mask = pl.sum_horizontal(
        [
            pl.when(_required(f, rules) & pl.col(f).is_null()).then(pl.lit(1 << i, pl.Int32)).otherwise(0)
            for i, f in enumerate(FACT_FIELDS)
        ]
    )
    state = pl.when(excluded).then(pl.lit(EXCLUDED)).when(mask > 0).then(pl.lit(INCOMPLETE)).otherwise(pl.lit(SCORED))

    def row_points(indicator: str) -> pl.Expr:
        points = {p: cents(r.points) for p in POSITION_TYPES if (r := rules.row(p, indicator)) is not None}
        return _lookup("position_type", points).fill_null(0)

    min_jp = {p: float(r.min_jp or 0) for p in POSITION_TYPES if (r := rules.row(p, "technical")) is not None}
    technical = pl.col("technical_jp_last_year") >= _lookup("position_type", min_jp, pl.Float64)
    raw = (
        row_points("leadership") * pl.col("leadership_training_matches_position").fill_null(False).cast(pl.Int64)
        + row_points("functional") * pl.col("functional_training_matches_position").fill_null(False).cast(pl.Int64)
        + row_points("technical") * technical.fill_null(False).cast(pl.Int64)
        + row_points("seminar") * pl.col("seminar_last_2_years").fill_null(False).cast(pl.Int64)
    )
    dims = {
        "kualifikasi": _lookup("education_level", {k: cents(v) for k, v in rules.education_points.items()}),
        "kompetensi": raw,
        "kinerja": _lookup("predikat_last_year", {k: cents(v) for k, v in rules.predikat_points.items()}),
        "disiplin": _lookup("sanction_level", {k: cents(v) for k, v in rules.sanction_points.items()}),
    }
    frame = frame.with_columns(state.alias("state"), mask.alias("_mask"))
    scored = pl.col("state") == SCORED
    frame = frame.with_columns(
        *[pl.when(scored).then(pl.min_horizontal(e, pl.lit(mx[d]))).alias(d) for d, e in dims.items()],
        pl.when(pl.col("state") == INCOMPLETE)
        .then(
            pl.concat_str(
                [pl.when((pl.col("_mask") & (1 << i)) > 0).then(pl.lit(f)) for i, f in enumerate(FACT_FIELDS)],
                separator=MISSING_SEPARATOR,
                ignore_nulls=True,
            )
        )
        .alias("missing"),
    )
    frame = frame.with_columns(
        (pl.col("kualifikasi") + pl.col("kompetensi") + pl.col("kinerja") + pl.col("disiplin")).alias("total")
    )
    category: Any = pl.when(~scored).then(pl.col("state"))
    for band in rules.categories:
        if band.above is None:
            category = category.otherwise(pl.lit(band.key))
        else:
            category = category.when(pl.col("total") > cents(band.above)).then(pl.lit(band.key))
    return frame.with_columns(category.alias("category")).drop("_mask")


def facts_frame(facts: Iterable[Facts]) -> pl.DataFrame:
    """A frame of :class:`Facts` in :func:`score_frame`'s columns (tests and the app)."""
    rows = list(facts)
    data: dict[str, list[Any]] = {f: [getattr(x, f) for x in rows] for f in FACT_FIELDS}
    data["technical_jp_last_year"] = [None if v is None else float(v) for v in data["technical_jp_last_year"]]
    schema: dict[str, Any] = {f: (pl.Boolean if f in BOOL_FACTS else pl.String) for f in FACT_FIELDS}
    schema["technical_jp_last_year"] = pl.Float64
    return pl.DataFrame(data, schema=schema)


def score_rows(frame: pl.DataFrame) -> list[tuple[Any, ...]]:
    """``(state, kualifikasi, kompetensi, kinerja, disiplin, total, category, missing)`` per row, with the
    numbers as ``Decimal`` and ``missing`` as a tuple, comparable to :func:`score_tuple`."""
    out = []
    for row in frame.select("state", *DIMENSIONS, "total", "category", "missing").iter_rows():
        numbers = [None if v is None else Decimal(v) / 100 for v in row[1:6]]
        missing = tuple(row[7].split(MISSING_SEPARATOR)) if row[7] else ()
        out.append((row[0], *numbers, row[6], missing))
    return out


def score_tuple(result: Score) -> tuple[Any, ...]:
    return (
        result.state,
        *[result.dimension(d) for d in DIMENSIONS],
        result.total,
        result.category,
        result.missing,
    )


# --- Normalising the CSV's text ----------------------------------------------------------------------------


def _in(column: str) -> pl.Expr:
    """An input column as read (input columns are renamed ``_in_<name>`` while the plan runs)."""
    return pl.col(f"_in_{column}")


def spellings(column: str) -> dict[str, str]:
    """The accepted spellings of a column's values → the engine's value: as documented, lower case,
    upper case and capitalised (``PNS``, ``pns``, ``Pns``; ``true``, ``TRUE``, ``True``). Nothing else:
    surrounding spaces are an error, like any other value outside the vocabulary."""
    accepted: dict[str, str] = {}
    for written, value in VOCABULARY[column].items():
        for variant in (written, written.lower(), written.upper(), written.capitalize()):
            accepted.setdefault(variant, value)
    return accepted


def _prepared(frame: pl.LazyFrame) -> pl.LazyFrame:
    """The facts in :func:`score_frame`'s columns, then one ``_bad_<column>`` flag per checked column
    (a value that is neither blank nor in the vocabulary)."""
    jp = "technical_jp_last_year"
    facts = []
    for column in VOCABULARY:
        # Text → an Enum of its accepted spellings (one hash lookup, streaming) → the engine's value.
        accepted = spellings(column)
        spelled = _in(column).cast(pl.Enum(list(accepted)), strict=False)
        value = mapped(spelled, accepted, pl.Enum(sorted(set(accepted.values()))))
        facts.append((value == "true").alias(column) if column in BOOL_FACTS else value.alias(column))
    facts.append(_in(jp).cast(pl.Float64, strict=False).alias(jp))
    frame = frame.with_columns(facts)
    flags = [(_in(c).is_not_null() & (_in(c) != "") & pl.col(c).is_null()).alias(f"_bad_{c}") for c in VOCABULARY]
    flags.append((_in(jp).is_not_null() & (_in(jp) != "") & ~_in(jp).str.contains(JP_PATTERN)).alias(f"_bad_{jp}"))
    return frame.with_columns(flags)


CHECKED_COLUMNS = (*VOCABULARY, "technical_jp_last_year")


@dataclass
class Summary:
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*CATEGORIES, INCOMPLETE, EXCLUDED), 0))


def _plan(path: Path, rules: Rules) -> tuple[pl.LazyFrame, list[str]]:
    frame = pl.scan_csv(path, infer_schema=False, row_index_name="_row", row_index_offset=2)
    try:
        names = [n for n in frame.collect_schema().names() if n != "_row"]
    except pl.exceptions.NoDataError:
        raise InputError(0, "", gettext_noop("Berkas masukan kosong; baris pertama harus berisi nama kolom.")) from None
    except pl.exceptions.ComputeError as exc:
        raise InputError(
            0, "", gettext_noop("Berkas masukan bukan CSV yang dapat dibaca: %(reason)s"), {"reason": str(exc)[:200]}
        ) from None
    for column in INPUT_COLUMNS:
        if column not in names:
            raise InputError(1, column, gettext_noop("Kolom wajib %(column)s tidak ada di baris judul."))
    for column in RESULT_COLUMNS:
        if column in names:
            raise InputError(
                1, column, gettext_noop("Masukan sudah berisi kolom hasil %(column)s; hapus dulu kolom itu.")
            )
    internal = [n for n in names if n.startswith("_")]
    if internal:
        raise InputError(1, internal[0], gettext_noop("Nama kolom %(column)s tidak boleh diawali garis bawah."))
    frame = frame.rename({n: f"_in_{n}" for n in names})
    plan = score_frame(_prepared(frame), rules)
    return plan, names


def compute_csv(input_path: Path, output_path: Path, rules: Rules) -> Summary:
    """``pamong ipasn compute``: score every row of ``input_path`` and write ``output_path``.

    1. Read every column as text; the required columns must be there and no result column may be.
    2. One streaming pass (polars), three sinks sharing the scan: the output to a temporary file
       beside ``output_path``, the rows with a value outside its vocabulary to a second temporary
       file, and the count per category.
    3. Any bad row: remove both temporary files and raise :class:`InputError` naming the first bad
       row and column; ``output_path`` is left untouched.
    4. Else move the finished file over ``output_path`` (atomic on one file system). It holds the
       input's columns unchanged, then the results: numbers with two decimals, blank unless scored;
       ``category``; ``missing`` naming the blank required columns joined by ``;``.
    """
    plan, names = _plan(Path(input_path), rules)
    output_path = Path(output_path)
    bad_columns = [f"_bad_{c}" for c in CHECKED_COLUMNS]
    part = _temporary(output_path, ".part")
    bad = _temporary(output_path, ".errors.csv")
    try:
        out = plan.select(
            *[_in(n).alias(n) for n in names],
            *[(pl.col(c) / 100).alias(c) for c in (*DIMENSIONS, "total")],
            "category",
            "missing",
        ).sink_csv(part, float_precision=2, lazy=True)
        errors = (
            plan.filter(pl.any_horizontal(bad_columns))
            .select("_row", *bad_columns, *[_in(c) for c in CHECKED_COLUMNS])
            .sink_csv(bad, lazy=True)
        )
        counts = plan.group_by("category").len()
        counted = pl.collect_all([out, errors, counts])[2]
        first_bad = pl.read_csv(bad, infer_schema=False).sort(pl.col("_row").cast(pl.Int64)).head(1)
        if first_bad.height:
            row = first_bad.row(0, named=True)
            column = next(c.removeprefix("_bad_") for c in bad_columns if row[c] == "true")
            raise _vocabulary_error(int(row["_row"]), column, row[f"_in_{column}"] or "")
        os.replace(part, output_path)
    finally:
        part.unlink(missing_ok=True)
        bad.unlink(missing_ok=True)
    summary = Summary()
    for category, n in counted.iter_rows():
        summary.counts[category] = n
        summary.rows += n
    return summary


def _temporary(output_path: Path, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(dir=output_path.parent, prefix=f".{output_path.name}.", suffix=suffix)
    os.close(fd)
    return Path(name)


# --- The same contract, one row at a time (the reference for tests and the benchmark) -----------------------


def facts_from_row(row: Mapping[str, str | None], row_number: int) -> Facts:
    """One CSV row (text values) as :class:`Facts`; :class:`InputError` for a value outside its vocabulary."""
    values: dict[str, Any] = {}
    for column in FACT_FIELDS:
        raw = (row.get(column) or "").strip()
        if not raw:
            values[column] = None
            continue
        if column == "technical_jp_last_year":
            if not _JP_RE.match(raw):
                raise _vocabulary_error(row_number, column, raw)
            values[column] = Decimal(raw)
            continue
        key = raw.upper() if column in UPPER_CASE else raw.lower()
        mapping = {k.upper() if column in UPPER_CASE else k.lower(): v for k, v in VOCABULARY[column].items()}
        if key not in mapping:
            raise _vocabulary_error(row_number, column, raw)
        value = mapping[key]
        values[column] = (value == "true") if column in BOOL_FACTS else value
    return Facts(**values)


def result_cells(result: Score) -> list[str]:
    numbers = [result.dimension(d) for d in DIMENSIONS] + [result.total]
    return [
        *("" if n is None else f"{n:.2f}" for n in numbers),
        result.category,
        MISSING_SEPARATOR.join(result.missing),
    ]


def compute_csv_per_row(input_path: Path, output_path: Path, rules: Rules) -> Summary:
    """The plain Python loop over the same contract: ``csv`` module in, :func:`score` per row, ``csv`` out.

    Kept as the reference the vectorised path is measured against (``bench/bench_ipasn_cli.py``)."""
    summary = Summary()
    output_path = Path(output_path)
    part = output_path.with_name(f".{output_path.name}.part")
    try:
        with (
            open(input_path, newline="", encoding="utf-8") as src,
            open(part, "w", newline="", encoding="utf-8") as dst,
        ):
            reader = csv.DictReader(src)
            writer = csv.writer(dst, lineterminator="\n")
            writer.writerow([*(reader.fieldnames or []), *RESULT_COLUMNS])
            for number, row in enumerate(_rows(reader), start=2):
                result = score(facts_from_row(row, number), rules)
                summary.rows += 1
                summary.counts[result.category] += 1
                writer.writerow([*row.values(), *result_cells(result)])
        os.replace(part, output_path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return summary


def _rows(reader: csv.DictReader) -> Iterator[dict[str, str]]:
    yield from reader
