"""Fast, idempotent batch inserts on both engines.

PostgreSQL: ``COPY`` into a temporary staging table, then
``INSERT … SELECT … ON CONFLICT DO NOTHING`` into the real table, so rows that
already exist (a re-run, or a concurrent import) are skipped by the database's
own unique constraints. SQLite: ``INSERT OR IGNORE`` with ``executemany``.

Both return how many rows were really inserted; the rest were already present.
Rows come as tuples of DB-ready values, or — on PostgreSQL — already rendered as
``COPY`` text lines (:func:`encode_copy_rows`, run where the rows are prepared, so
that a parallel import renders them in its worker processes).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
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

    def __init__(self, lines: Sequence[str]) -> None:
        self.count = len(lines)
        self.payload = "".join(line + "\n" for line in lines).encode()

    def __len__(self) -> int:
        return self.count

    def without(self, positions: Collection[int]) -> CopyRows:
        """These rows less the ones at ``positions`` (line breaks inside values are
        escaped, so a payload splits at its line ends)."""
        lines = self.payload.decode().split("\n")[: self.count]
        return CopyRows([line for i, line in enumerate(lines) if i not in positions])


def encode_copy_rows(rows: Iterable[Sequence[Any]]) -> CopyRows:
    """Render DB-ready tuples as COPY text (str, bytes, int, Decimal, bool, date,
    datetime, None). Dates and times repeat within a batch: each is rendered once."""
    memo: dict[Any, str] = {}
    lines: list[str] = []
    for row in rows:
        parts = []
        for value in row:
            kind = type(value)
            if kind is str:  # tab, newline and CR are not printable: escape only then
                escape = "\\" in value or not value.isprintable()
                parts.append(value.translate(_COPY_ESCAPES) if escape else value)
            elif kind is bytes:
                parts.append("\\\\x" + value.hex())
            elif value is None:
                parts.append("\\N")
            elif kind is int:
                parts.append(str(value))
            elif kind is datetime or kind is date:
                parts.append(memo.get(value) or memo.setdefault(value, value.isoformat()))
            else:
                parts.append(_scalar(value))
        lines.append("\t".join(parts))
    return CopyRows(lines)


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
