"""Fast, idempotent batch inserts on both engines.

PostgreSQL: ``COPY`` into a temporary staging table, then
``INSERT … SELECT … ON CONFLICT DO NOTHING`` into the real table, so rows that
already exist (a re-run, or a concurrent import) are skipped by the database's
own unique constraints. SQLite: ``INSERT OR IGNORE`` with ``executemany``.

Both return how many rows were really inserted; the rest were already present.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, connection, models, transaction


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[str]:
    columns = []
    for name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field) and field.column
        columns.append(field.column)
    return columns


def insert_ignoring_duplicates(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> int:
    """Insert ``rows`` (tuples in ``fields`` order, DB-ready values); return the count inserted."""
    if not rows:
        return 0
    table = _quote(model._meta.db_table)
    cols = ", ".join(_quote(c) for c in _columns(model, fields))
    if connection.vendor == "postgresql":
        return _pg_copy_insert(table, cols, rows)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cur:
        cur.executemany(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({placeholders})", rows)  # noqa: S608
        return int(cur.rowcount)


def _pg_copy_insert(table: str, cols: str, rows: Sequence[tuple[Any, ...]]) -> int:
    """Fast path: COPY straight into the table. When any row already exists the COPY
    fails at once (on its first conflict); then the staging path skips the duplicates."""
    try:
        with transaction.atomic(), connection.cursor() as cur:
            with cur.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return len(rows)
    except (IntegrityError, connection.Database.IntegrityError):  # type: ignore[attr-defined]
        return _pg_staged_insert(table, cols, rows)


def _pg_staged_insert(table: str, cols: str, rows: Sequence[tuple[Any, ...]]) -> int:
    staging = "hrss_import_staging"
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {staging}")
        cur.execute(f"CREATE TEMP TABLE {staging} AS SELECT {cols} FROM {table} WITH NO DATA")  # noqa: S608
        raw = cur.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {staging} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cur.execute(
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging} ON CONFLICT DO NOTHING"  # noqa: S608
        )
        inserted = int(cur.rowcount)
        cur.execute(f"DROP TABLE {staging}")
        return inserted
