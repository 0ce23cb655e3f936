"""Fast, idempotent batch inserts on both engines.

PostgreSQL: ``COPY`` into a temporary staging table, then
``INSERT … SELECT … ON CONFLICT DO NOTHING`` into the real table, so rows that
already exist (a re-run, or a concurrent import) are skipped by the database's
own unique constraints. SQLite: ``INSERT OR IGNORE`` with ``executemany``.

Both return how many rows were really inserted; the rest were already present.
Rows come as tuples of DB-ready values, or — on PostgreSQL — already rendered as
``COPY`` text lines (:func:`encode_copy_rows`, run where the rows are prepared, so
that a parallel import renders them in its worker processes).

:func:`initial_load`: into an empty table, PostgreSQL builds the secondary indexes
once after the load instead of row by row, inside the load's one transaction.
"""

from __future__ import annotations

from binascii import hexlify
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, connection, models, transaction

# COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class CopyRows:
    """Rows rendered for PostgreSQL ``COPY … FROM STDIN`` (text format): one UTF-8
    payload, a line per row. Cheap to pass between processes and to write."""

    __slots__ = ("count", "payload")

    def __init__(self, lines: Sequence[bytes]) -> None:
        self.count = len(lines)
        self.payload = b"\n".join(lines) + b"\n" if lines else b""

    def __len__(self) -> int:
        return self.count

    def without(self, positions: Collection[int]) -> CopyRows:
        """These rows less the ones at ``positions`` (line breaks inside values are
        escaped, so a payload splits at its line ends)."""
        lines = self.payload.split(b"\n")[: self.count]
        return CopyRows([line for i, line in enumerate(lines) if i not in positions])


def encode_copy_rows(rows: Sequence[Sequence[Any]]) -> CopyRows:
    """Render DB-ready tuples as COPY text (str, bytes, int, Decimal, bool, date,
    datetime, None), column by column: a column of one type is rendered in one pass,
    and text that needs no escape (the usual case) is encoded as it is."""
    if not rows:
        return CopyRows([])
    columns = [_render_column(column) for column in zip(*rows, strict=True)]
    return CopyRows(list(map(b"\t".join, zip(*columns, strict=True))))


def _render_column(column: tuple[Any, ...]) -> Sequence[bytes]:
    kinds = set(map(type, column))
    kind = kinds.pop() if len(kinds) == 1 else None
    if kind is str:
        return _text_column(column)
    if kind is bytes:
        return [b"\\\\x" + hexlify(value) for value in column]
    if kind is int:
        return _encoded(map(str, column))
    if kind is date or kind is datetime:  # a batch repeats a few dates: each rendered once
        rendered = {value: value.isoformat().encode() for value in set(column)}
        return list(map(rendered.__getitem__, column))
    return _encoded(map(_render_value, column))


def _text_column(column: tuple[str, ...]) -> list[bytes]:
    text = "\n".join(column)
    if text.count("\n") != len(column) - 1 or "\\" in text or "\t" in text or "\r" in text:
        text = "\n".join(value.translate(_COPY_ESCAPES) for value in column)
    return text.encode().split(b"\n")


def _encoded(values: Iterable[str]) -> list[bytes]:
    """Rendered values (none holds a raw line break) as UTF-8, in one pass."""
    return "\n".join(values).encode().split(b"\n")


def _render_value(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value.translate(_COPY_ESCAPES)
    if kind is bytes:
        return "\\\\x" + value.hex()
    if value is None:
        return "\\N"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):  # an IntEnum member
        return str(int(value))
    if isinstance(value, Decimal | float):
        return str(value)
    if isinstance(value, date):  # datetimes too: ISO 8601 with the offset
        return value.isoformat()
    if isinstance(value, bytearray | memoryview):
        return "\\\\x" + bytes(value).hex()
    if isinstance(value, str):  # a str subclass (an enum member's value)
        return str.translate(value, _COPY_ESCAPES)
    raise TypeError(f"cannot render {type(value).__name__} for COPY")


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
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple[Any, ...]] | CopyRows,
) -> int:
    """Insert ``rows`` (tuples in ``fields`` order, DB-ready values, or their COPY lines
    on PostgreSQL); return the count inserted."""
    if not rows:
        return 0
    table = _quote(model._meta.db_table)
    cols = ", ".join(_quote(c) for c in _columns(model, fields))
    if connection.vendor == "postgresql":
        encoded = rows if isinstance(rows, CopyRows) else encode_copy_rows(rows)
        return _pg_copy_insert(table, cols, encoded)
    if isinstance(rows, CopyRows):
        raise TypeError("COPY lines can only be written to PostgreSQL")
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cur:
        cur.executemany(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({placeholders})", rows)  # noqa: S608
        return int(cur.rowcount)


def _pg_copy_insert(table: str, cols: str, rows: CopyRows) -> int:
    """Fast path: COPY straight into the table. When any row already exists the COPY
    fails at once (on its first conflict); then the staging path skips the duplicates."""
    try:
        with transaction.atomic(), connection.cursor() as cur:
            with cur.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                copy.write(rows.payload)
            return len(rows)
    except (IntegrityError, connection.Database.IntegrityError):  # type: ignore[attr-defined]
        return _pg_staged_insert(table, cols, rows.payload)


def _pg_staged_insert(table: str, cols: str, payload: bytes) -> int:
    staging = "hrss_import_staging"
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {staging}")
        cur.execute(f"CREATE TEMP TABLE {staging} AS SELECT {cols} FROM {table} WITH NO DATA")  # noqa: S608
        raw = cur.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {staging} ({cols}) FROM STDIN") as copy:
            copy.write(payload)
        cur.execute(
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging} ON CONFLICT DO NOTHING"  # noqa: S608
        )
        inserted = int(cur.rowcount)
        cur.execute(f"DROP TABLE {staging}")
        return inserted


@contextmanager
def initial_load(model: type[models.Model]) -> Iterator[bool]:
    """Load into ``model``'s table with its secondary indexes built afterwards, when
    the table is empty and the engine is PostgreSQL (its "Populating a Database"
    advice): one sorted build instead of a B-tree insert per row.

    The table is locked, its indexes other than the primary key are dropped, and on
    leaving they are created again from their saved definitions — all in one
    transaction with what is written inside, so an error or a crash leaves the table
    as it was, indexes included. A unique index that the loaded rows break fails the
    whole load. Yields True in that case; otherwise (rows present, other engines)
    it changes and holds nothing and yields False."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            definitions = _drop_indexes_if_empty(model._meta.db_table)
            if definitions is not None:
                yield True
                with connection.cursor() as cur:
                    for definition in definitions:
                        cur.execute(definition)
                return
    yield False


def _drop_indexes_if_empty(table: str) -> list[str] | None:
    """The definitions of the dropped indexes, or None when the table has rows.

    A table with rows (every daily feed) is never locked here: the exclusive lock,
    which would queue every reader behind any long query, is taken only once the
    table is seen empty, and the check is then repeated under it."""
    with connection.cursor() as cur:
        if _has_rows(cur, table):
            return None
        cur.execute(f"LOCK TABLE {_quote(table)} IN ACCESS EXCLUSIVE MODE")
        if _has_rows(cur, table):
            return None
        cur.execute(
            "SELECT x.indexrelid::regclass::text, pg_get_indexdef(x.indexrelid) FROM pg_index x"
            " WHERE x.indrelid = %s::regclass AND NOT x.indisprimary"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
            [_quote(table)],
        )
        indexes = cur.fetchall()
        for name, _ in indexes:
            cur.execute(f"DROP INDEX {name}")  # regclass text: quoted as needed
    return [definition for _, definition in indexes]


def _has_rows(cur: Any, table: str) -> bool:
    cur.execute(f"SELECT EXISTS (SELECT 1 FROM {_quote(table)})")  # noqa: S608
    return bool(cur.fetchone()[0])
