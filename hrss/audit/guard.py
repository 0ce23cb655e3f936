"""The database guard that makes the audit log append-only (see migration 0002).

Only two callers may lift it: the test suite, to let Django flush tables
between transactional tests, and a future retention job that archives rows
older than the legal minimum (6 months, 网络安全法 第21条) after anchoring them.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

SQLITE_CREATE = (
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;""",
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;""",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_entry_no_update",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete",
)


def enable_guard(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            for sql in SQLITE_CREATE:
                cur.execute(sql)
        elif connection.vendor == "postgresql":
            cur.execute("SET session_replication_role = origin")


def disable_guard(connection: BaseDatabaseWrapper) -> None:
    """Lift the guard for this connection (PostgreSQL) or the database (SQLite)."""
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            for sql in SQLITE_DROP:
                cur.execute(sql)
        elif connection.vendor == "postgresql":
            cur.execute("SET session_replication_role = replica")
