"""Engines: where the rules run. Each gives the same namespace of Ibis tables.

* ``duckdb`` (default) — embedded, over a Parquet snapshot;
* ``pyspark`` — Spark (``local[2]`` here, a cluster in production) over the same
  snapshot files;
* ``postgres`` — straight on the live PostgreSQL tables, for small runs; the
  caller maps each namespace table to its database table name.

Ibis 12 needs pyspark < 4.1. Spark starts in 8–11 s: create one session per
process (:func:`spark_session`) and reuse it.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from hrss.analytics.schema import TABLES, TableSpec
from hrss.analytics.snapshot import snapshot_files

ENGINES = ("duckdb", "pyspark", "postgres")


@dataclass
class Engine:
    """A connected backend and the rule namespace on it."""

    name: str
    backend: Any
    tables: dict[str, ir.Table] = field(default_factory=dict)

    def execute(self, expr: ir.Table) -> pa.Table:
        """Run an expression to an Arrow table."""
        with _library_deprecations_silenced():
            return self.backend.to_pyarrow(expr)

    def close(self) -> None:
        """Release the connection (a shared Spark session is left running)."""
        if self.name != "pyspark":
            self.backend.disconnect()


@contextlib.contextmanager
def _library_deprecations_silenced() -> Iterator[None]:
    """Ibis 12 still calls DuckDB 2's deprecated ``fetch_arrow_table``: a library
    matter, not ours, so that one warning is silenced (the test suite errors on any)."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"fetch_arrow_table\(\) is deprecated", category=DeprecationWarning
        )
        yield


def _conform(table: ir.Table, spec: TableSpec, *, live: bool = False) -> ir.Table:
    """Exactly the spec's columns, in order, with the spec's types; ``live``: the
    table has database column names (renamed here), not the snapshot's."""
    return table.select(
        **{
            c.name: table[c.db_column if live else c.name].cast(ibis.dtype(c.type))
            for c in spec.columns
        }
    )


def duckdb_engine(folder: Path, *, threads: int | None = None) -> Engine:
    """DuckDB in memory, reading the snapshot's part files as views."""
    con = ibis.duckdb.connect(threads=threads) if threads else ibis.duckdb.connect()
    engine = Engine("duckdb", con)
    with _library_deprecations_silenced():
        for name, files in snapshot_files(folder).items():
            table = con.read_parquet([str(f) for f in files], table_name=f"ns_{name}")
            engine.tables[name] = _conform(table, TABLES[name])
    return engine


def spark_session(app: str = "hrss-screening", master: str = "local[2]") -> Any:
    """A Spark session for local runs: no web UI, no progress bars, quiet logs."""
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.appName(app)
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    logging.getLogger("py4j").setLevel(logging.WARNING)  # no "closing connection" chatter
    return session


def pyspark_engine(folder: Path, *, session: Any = None) -> Engine:
    """PySpark over the snapshot (the manifest's files only, never a glob)."""
    session = session or spark_session()
    con = ibis.pyspark.connect(session)
    engine = Engine("pyspark", con)
    for name, files in snapshot_files(folder).items():
        view = f"hrss_ns_{name}"
        session.read.parquet(*[str(f) for f in files]).createOrReplaceTempView(view)
        engine.tables[name] = _conform(con.table(view), TABLES[name])
    return engine


def postgres_engine(*, db_tables: Mapping[str, str], **connect: Any) -> Engine:
    """PostgreSQL on the live tables; ``db_tables`` maps namespace → database table,
    ``connect`` are ``ibis.postgres.connect`` arguments (host, port, user, ...)."""
    con = ibis.postgres.connect(**connect)
    engine = Engine("postgres", con)
    for name, spec in TABLES.items():
        engine.tables[name] = _conform(con.table(db_tables[name]), spec, live=True)
    return engine
