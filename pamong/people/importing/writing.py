"""Bulk writes for the import, picked by database vendor.

PostgreSQL: ``COPY`` (psycopg 3) straight into the table, or into a temporary
table followed by one ``UPDATE … FROM``. Other databases (SQLite): prepared
``executemany``. Django's ``bulk_create`` on SQLite is held to 999 parameters
a statement, about 45 employee rows, and took 13.7 s for 100,000 rows on the
reference machine; ``executemany`` takes about 3 s.

This is the only module of pamong with raw SQL. Table and column names come
from model metadata and are quoted by the backend; every value is a query
parameter or a COPY row (hence the ``noqa: S608`` on the f-strings below).

simple_history does not see these writes. :func:`record_history` adds the
historical rows itself with one ``INSERT … SELECT`` from the rows just
written (``simple_history.utils.bulk_create_with_history`` took 33 s for
100,000 employees on SQLite, far over the import's budget).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from django.db import connection
from django.db.models import Field, Model

CHUNK = 5000
KEYS_TABLE = "pamong_import_keys"


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _field(model: type[Model], name: str) -> Field:
    return cast(Field, model._meta.get_field(name))


def _columns(model: type[Model], fields: Sequence[str]) -> list[str]:
    return [_field(model, f).column for f in fields]


def _chunks(rows: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


@contextmanager
def bulk_session() -> Iterator[None]:
    """Tune the connection for a bulk load and put it back afterwards.

    SQLite's default page cache (2 MiB) is far smaller than the indexes a
    100,000-row load touches; 128 MiB for the duration halves the insert time."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA cache_size = -131072")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {previous:d}")


def db_datetime(value: dt.datetime) -> Any:
    """A timezone-aware datetime as the backend stores it (SQLite wants naive UTC text)."""
    return connection.ops.adapt_datetimefield_value(value)


def select_all(model: type[Model], fields: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """Every row of the table as tuples of ``fields`` (attnames), read in batches.

    For comparing a whole-table file: the database driver already returns dates
    and booleans (Django registers SQLite converters for the declared types), so
    this skips the ORM's per-value converters, a third of the time for 100,000 rows."""
    columns = ", ".join(_q(c) for c in _columns(model, fields))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {_q(model._meta.db_table)}")  # noqa: S608
        while batch := cursor.fetchmany(CHUNK):
            yield from batch


def _defaults(model: type[Model], fields: Sequence[str], when: dt.datetime) -> tuple[list[str], tuple[Any, ...]]:
    """The other concrete fields and the value a plain ``save()`` would give them: the field
    default, or ``when`` for ``auto_now``/``auto_now_add``. A field added to the model later
    is then filled without touching the import."""
    names: list[str] = []
    values: list[Any] = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.attname in fields:
            continue
        names.append(field.attname)
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values.append(db_datetime(when))
        else:
            values.append(field.get_default())
    return names, tuple(values)


def insert_rows(
    model: type[Model], fields: Sequence[str], rows: Sequence[tuple[Any, ...]], *, when: dt.datetime
) -> int:
    """Insert ``rows`` (tuples in ``fields`` order, attnames) into the model's table; every
    other field gets its default (see :func:`_defaults`)."""
    if not rows:
        return 0
    extra, extra_values = _defaults(model, fields, when)
    all_fields = [*fields, *extra]
    table = _q(model._meta.db_table)
    columns = ", ".join(_q(c) for c in _columns(model, all_fields))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, *extra_values))
        else:
            sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(all_fields))})"  # noqa: S608
            for chunk in _chunks(rows):
                cursor.executemany(sql, [(*row, *extra_values) for row in chunk])
    return len(rows)


def update_rows(model: type[Model], fields: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> int:
    """Set ``fields`` on the rows ``(pk, *values)``."""
    if not rows:
        return 0
    meta = model._meta
    table = _q(meta.db_table)
    pk = _q(meta.pk.column)
    columns = _columns(model, fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            temp = _q("pamong_import_update")
            types = ", ".join(
                f"{_q(c)} {_field(model, f).db_type(connection)}" for f, c in zip(fields, columns, strict=True)
            )
            cursor.execute(f"DROP TABLE IF EXISTS {temp}")
            cursor.execute(f"CREATE TEMPORARY TABLE {temp} (pk bigint PRIMARY KEY, {types})")
            names = ", ".join(_q(c) for c in columns)
            with cursor.copy(f"COPY {temp} (pk, {names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            sets = ", ".join(f"{_q(c)} = s.{_q(c)}" for c in columns)
            cursor.execute(f"UPDATE {table} AS t SET {sets} FROM {temp} AS s WHERE t.{pk} = s.pk")  # noqa: S608
            cursor.execute(f"DROP TABLE {temp}")
        else:
            sets = ", ".join(f"{_q(c)} = %s" for c in columns)
            sql = f"UPDATE {table} SET {sets} WHERE {pk} = %s"  # noqa: S608
            for chunk in _chunks(rows):
                cursor.executemany(sql, [(*row[1:], row[0]) for row in chunk])
    return len(rows)


def stage_keys(keys: Sequence[tuple[str, str]]) -> None:
    """Fill a temporary table ``(nip, op)`` with the NIPs this import creates ('c') or updates ('u')."""
    temp = _q(KEYS_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {temp}")
        cursor.execute(f"CREATE TEMPORARY TABLE {temp} (nip varchar(18) NOT NULL, op varchar(1) NOT NULL)")
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {temp} (nip, op) FROM STDIN") as copy:
                for key in keys:
                    copy.write_row(key)
        else:
            for chunk in _chunks(keys):
                cursor.executemany(f"INSERT INTO {temp} (nip, op) VALUES (%s, %s)", chunk)  # noqa: S608


def drop_keys() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {_q(KEYS_TABLE)}")


def created_ids(model: type[Model], key_field: str = "nip") -> dict[str, int]:
    """``{nip: pk}`` of the staged rows marked 'c' (after :func:`insert_rows`)."""
    meta = model._meta
    column = _q(_field(model, key_field).column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.{column}, e.{_q(meta.pk.column)} FROM {_q(meta.db_table)} AS e "  # noqa: S608
            f"JOIN {_q(KEYS_TABLE)} AS k ON k.nip = e.{column} WHERE k.op = %s",
            ["c"],
        )
        return dict(cursor.fetchall())


def record_history(
    model: type[Model],
    *,
    when: dt.datetime,
    user_id: int | None,
    reason: str,
    key_field: str = "nip",
    ops: tuple[str, ...] = ("c", "u"),
) -> int:
    """One simple_history row per staged row: '+' for created, '~' for updated, copied from the table."""
    history = model.history.model  # type: ignore[attr-defined]
    meta = model._meta
    tracked = [f.column for f in history._meta.concrete_fields if not f.name.startswith("history_")]
    names = ", ".join(_q(c) for c in tracked)
    selected = ", ".join(f"e.{_q(c)}" for c in tracked)
    column = _q(_field(model, key_field).column)
    sql = (
        f"INSERT INTO {_q(history._meta.db_table)} ({names}, {_q('history_date')}, "  # noqa: S608
        f"{_q('history_change_reason')}, {_q('history_type')}, {_q('history_user_id')}) "
        f"SELECT {selected}, %s, %s, CASE k.op WHEN 'c' THEN '+' ELSE '~' END, %s "
        f"FROM {_q(meta.db_table)} AS e JOIN {_q(KEYS_TABLE)} AS k ON k.nip = e.{column} "
        f"WHERE k.op IN ({', '.join(['%s'] * len(ops))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [db_datetime(when), reason[:100], user_id, *ops])
        return cursor.rowcount
