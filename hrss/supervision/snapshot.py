"""The database side of snapshots and engines: which model backs each namespace table.

:mod:`hrss.analytics` imports no Django model, so the mapping from the rule
namespace (``persons``, ``claims`` ...) to database tables lives here, above the
areas that own the models; analytics gets plain table names and a DB-API cursor.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction

from hrss.analytics.engines import Engine, duckdb_engine, postgres_engine, pyspark_engine
from hrss.analytics.schema import TABLES
from hrss.analytics.snapshot import DEFAULT_CHUNK, SnapshotWriter, TableReport
from hrss.cards.models import Card
from hrss.core.errors import DomainError
from hrss.insurance.models import BenefitPayment, Contribution, Enrolment, Parameter
from hrss.registry.models import Employer, Employment, LifeEvent, Person
from hrss.supervision.models import Claim, ClaimItem

MODELS: dict[str, type[models.Model]] = {
    "persons": Person,
    "employers": Employer,
    "employment": Employment,
    "life_events": LifeEvent,
    "enrolments": Enrolment,
    "contributions": Contribution,
    "benefit_payments": BenefitPayment,
    "cards": Card,
    "claims": Claim,
    "claim_items": ClaimItem,
    "parameters": Parameter,
}


def db_tables() -> dict[str, str]:
    """Namespace table → database table (Django's ``db_table``)."""
    return {name: model._meta.db_table for name, model in MODELS.items()}


def default_folder() -> Path:
    return Path(settings.VAR_DIR) / "snapshots"


def take_snapshot(
    folder: Path | None = None,
    *,
    full: bool = False,
    chunk: int = DEFAULT_CHUNK,
    progress: Callable[[str, int], None] | None = None,
) -> list[TableReport]:
    """Refresh the Parquet snapshot in ``folder`` (default ``VAR_DIR/snapshots``).

    On PostgreSQL all tables are read in one REPEATABLE READ, READ ONLY transaction,
    so the snapshot is consistent across tables. On SQLite no transaction is held
    (Django opens SQLite transactions IMMEDIATE, which would block every writer).
    """
    writer = SnapshotWriter(folder or default_folder(), chunk=chunk)
    tables = db_tables()
    reports = []
    with _consistent_read(), connection.cursor() as cursor:
        for name in TABLES:
            step = (lambda n, _name=name: progress(_name, n)) if progress else None
            reports.append(writer.refresh(cursor, name, tables[name], full=full, progress=step))
    return reports


@contextlib.contextmanager
def _consistent_read() -> Iterator[None]:
    """One snapshot-isolated read transaction on PostgreSQL (unless one is open)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def open_engine(name: str, *, snapshot: Path | None = None, session: Any = None) -> Engine:
    """An analytics engine: DuckDB or PySpark over the snapshot, or PostgreSQL live."""
    folder = snapshot or default_folder()
    if name == "duckdb":
        return duckdb_engine(folder)
    if name == "pyspark":
        return pyspark_engine(folder, session=session)
    if name == "postgres":
        if connection.vendor != "postgresql":
            raise DomainError(
                "supervision.engine_needs_postgres", "postgres 引擎需要数据库为 PostgreSQL"
            )
        db = connection.settings_dict
        return postgres_engine(
            db_tables=db_tables(), host=db["HOST"] or "127.0.0.1", port=int(db["PORT"] or 5432),
            user=db["USER"], password=db["PASSWORD"] or None, database=db["NAME"],
        )  # fmt: skip
    raise DomainError("supervision.unknown_engine", f"未知的计算引擎: {name}")
