"""Parquet snapshots of the namespace tables, written incrementally.

A snapshot is a folder: one sub-folder per namespace table holding part files,
and ``manifest.json``, the one source of truth for which part files belong to
the snapshot (a reader never globs, so a half-written part is never read)::

    snapshots/
      manifest.json       {"format": 1, "run": 3, "tables": {"claims": {...}}}
      claims/part-00001.parquet
      claims/part-00003.parquet

Rows are read through any DB-API cursor (the caller passes Django's) with plain
SQL, keyset-paginated by ``id`` in chunks, and written batch by batch, so memory
stays flat whatever the table size. ``append`` tables get a new part holding
the rows with ``id`` above the manifest's ``max_id``; if the rows at or below it
no longer match (count or maximum changed: a deletion, a late commit) the table
is exported again in full. ``replace`` tables are exported in full every run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.parquet as pq

from hrss.analytics.schema import TABLES, TableSpec
from hrss.core import clock
from hrss.core.errors import DomainError

FORMAT = 1
MANIFEST = "manifest.json"
DEFAULT_CHUNK = 50_000


class SnapshotError(DomainError):
    default_code = "analytics.snapshot_invalid"
    default_message = "快照不存在或已损坏,请先运行 hrss snapshot"


class Cursor(Protocol):
    """The part of DB-API 2.0 a snapshot needs (``%s`` placeholders, as Django's)."""

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...

    def fetchall(self) -> Sequence[Sequence[Any]]: ...


@dataclass
class TableState:
    """What the manifest knows of one table."""

    db_table: str
    mode: str
    rows: int = 0
    max_id: int = 0
    files: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    run: int = 0
    taken_at: str = ""
    tables: dict[str, TableState] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        path = folder / MANIFEST
        if not path.exists():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise SnapshotError(extra={"format": raw.get("format")})
        tables = {name: TableState(**state) for name, state in raw["tables"].items()}
        return cls(run=raw["run"], taken_at=raw["taken_at"], tables=tables)

    def save(self, folder: Path) -> None:
        """Write atomically: a reader sees the old manifest or the new one."""
        body = {"format": FORMAT, "run": self.run, "taken_at": self.taken_at}
        body["tables"] = {name: asdict(state) for name, state in self.tables.items()}
        tmp = folder / f"{MANIFEST}.tmp"
        tmp.write_text(json.dumps(body, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder / MANIFEST)


@dataclass(frozen=True)
class TableReport:
    """What one run did to one table."""

    name: str
    written: int
    total: int
    full: bool


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _decimal_converter(scale: int) -> Callable[[Any], Decimal | None]:
    quantum = Decimal(1).scaleb(-scale)

    def convert(value: Any) -> Decimal | None:
        # SQLite hands NUMERIC columns back as float: repr() is the shortest exact text.
        if value is None:
            return None
        text = repr(value) if isinstance(value, float) else str(value)
        return Decimal(text).quantize(quantum, rounding=ROUND_HALF_UP)

    return convert


def _column_array(values: Sequence[Any], kind: pa.DataType) -> pa.Array:
    if pa.types.is_date(kind):
        return pa.array([_to_date(v) for v in values], type=kind)
    if pa.types.is_decimal(kind):
        convert = _decimal_converter(kind.scale)
        return pa.array([convert(v) for v in values], type=kind)
    return pa.array(list(values), type=kind)


def rows_to_batch(spec: TableSpec, rows: Sequence[Sequence[Any]]) -> pa.RecordBatch:
    """Database rows (in the spec's column order) as one Arrow batch."""
    schema = spec.arrow_schema()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in spec.columns]
    arrays = [_column_array(v, c.type) for v, c in zip(columns, spec.columns, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _quote(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise SnapshotError("analytics.bad_identifier", f"不安全的表名或列名: {name}")
    return f'"{name}"'


def read_chunks(
    cursor: Cursor, spec: TableSpec, db_table: str, *, after: int, chunk: int
) -> Iterator[pa.RecordBatch]:
    """Rows with ``id > after`` in id order, ``chunk`` at a time (keyset pagination)."""
    columns = ", ".join(
        f"{_quote(c.db_column)} AS {_quote(c.name)}" if c.source else _quote(c.name)
        for c in spec.columns
    )
    sql = f"SELECT {columns} FROM {_quote(db_table)} WHERE id > %s ORDER BY id LIMIT %s"
    while True:
        cursor.execute(sql, [after, chunk])
        rows = cursor.fetchall()
        if not rows:
            return
        yield rows_to_batch(spec, rows)
        after = int(rows[-1][0])
        if len(rows) < chunk:
            return


def _unchanged(cursor: Cursor, db_table: str, state: TableState) -> bool:
    """Do the rows already in the snapshot still match the table (count and maximum id)?"""
    sql = f"SELECT COUNT(*), MAX(id) FROM {_quote(db_table)} WHERE id <= %s"
    cursor.execute(sql, [state.max_id])
    count, top = cursor.fetchall()[0]
    return int(count) == state.rows and int(top or 0) == state.max_id


class SnapshotWriter:
    """Refresh a snapshot folder table by table; the manifest is saved after each."""

    def __init__(self, folder: Path, *, chunk: int = DEFAULT_CHUNK) -> None:
        self.folder = folder
        self.chunk = chunk
        folder.mkdir(parents=True, exist_ok=True)
        self.manifest = Manifest.load(folder)
        self.manifest.run += 1
        self.manifest.taken_at = clock.now().isoformat()
        self._remove_orphans()

    def _remove_orphans(self) -> None:
        """Part files a crashed run left behind, not listed in the manifest."""
        listed = {f for s in self.manifest.tables.values() for f in s.files}
        for path in self.folder.glob("*/*.parquet*"):
            if str(path.relative_to(self.folder)) not in listed:
                path.unlink()

    def refresh(
        self,
        cursor: Cursor,
        name: str,
        db_table: str,
        *,
        full: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> TableReport:
        """Bring one table up to date; ``full`` forces a complete export."""
        spec = TABLES[name]
        old = self.manifest.tables.get(name)
        incremental = (
            not full
            and spec.mode == "append"
            and old is not None
            and old.db_table == db_table
            and _unchanged(cursor, db_table, old)
        )
        state = old if incremental and old else TableState(db_table=db_table, mode=spec.mode)
        after = state.max_id if incremental else 0
        written, part = self._write_part(cursor, spec, db_table, after, state, progress)
        stale = [] if incremental or old is None else old.files
        if part is not None:
            state.files.append(part)
        self.manifest.tables[name] = state
        self.manifest.save(self.folder)
        for rel in stale:
            (self.folder / rel).unlink(missing_ok=True)
        return TableReport(name, written, state.rows, not incremental)

    def _write_part(
        self,
        cursor: Cursor,
        spec: TableSpec,
        db_table: str,
        after: int,
        state: TableState,
        progress: Callable[[int], None] | None,
    ) -> tuple[int, str | None]:
        """Stream new rows into one part file; none is kept when nothing was new
        (except the first, empty part of a table, which gives readers its schema)."""
        rel = f"{spec.name}/part-{self.manifest.run:05d}.parquet"
        path = self.folder / rel
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        written = 0
        with pq.ParquetWriter(tmp, spec.arrow_schema(), compression="zstd") as out:
            for batch in read_chunks(cursor, spec, db_table, after=after, chunk=self.chunk):
                out.write_batch(batch)
                written += batch.num_rows
                state.max_id = max(state.max_id, int(batch.column(0)[-1].as_py()))
                if progress:
                    progress(batch.num_rows)
        if written == 0 and state.files:
            tmp.unlink()
            return 0, None
        os.replace(tmp, path)
        state.rows += written
        return written, rel


def write_tables(folder: Path, tables: Mapping[str, pa.Table]) -> None:
    """A whole snapshot from Arrow tables (tests, data from elsewhere); a namespace
    table not given is written empty. Columns are conformed to the spec."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(run=1, taken_at=clock.now().isoformat())
    for name, spec in TABLES.items():
        schema = spec.arrow_schema()
        given = tables.get(name)
        table = schema.empty_table() if given is None else _conformed(given, schema)
        rel = f"{name}/part-00001.parquet"
        (folder / name).mkdir(exist_ok=True)
        pq.write_table(table, folder / rel)
        top = max((v for v in table.column("id").to_pylist() if v is not None), default=0)
        manifest.tables[name] = TableState(name, spec.mode, table.num_rows, top, [rel])
    manifest.save(folder)


def _conformed(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with exactly ``schema``'s columns; absent nullable columns are null."""
    columns = []
    for f in schema:
        if f.name in table.column_names:
            columns.append(table.column(f.name).cast(f.type))
        else:
            columns.append(pa.nulls(table.num_rows, f.type))
    return pa.Table.from_arrays(columns, schema=schema)


def snapshot_files(folder: Path) -> dict[str, list[Path]]:
    """The part files of every namespace table, from the manifest."""
    manifest = Manifest.load(folder)
    missing = [name for name in TABLES if name not in manifest.tables]
    if missing:
        raise SnapshotError(extra={"folder": str(folder), "missing": missing})
    return {name: [folder / rel for rel in manifest.tables[name].files] for name in TABLES}
