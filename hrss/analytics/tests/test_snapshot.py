"""Snapshots: keyset chunks, incremental appends, full re-export on change, manifest."""

from __future__ import annotations

import sqlite3
from datetime import date

import pyarrow.parquet as pq
import pytest

from hrss.analytics.schema import TABLES
from hrss.analytics.snapshot import Manifest, SnapshotError, SnapshotWriter, snapshot_files


class Cursor:
    """sqlite3 with Django's ``%s`` placeholders."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.cur = con.cursor()

    def execute(self, sql, params=()):
        return self.cur.execute(sql.replace("%s", "?"), params)

    def fetchall(self):
        return self.cur.fetchall()


@pytest.fixture
def source():
    """A stand-in database (not Django's) with two tables and an extra column."""
    con = sqlite3.connect(":memory:")
    con.execute(
        "CREATE TABLE life (id INTEGER PRIMARY KEY, person_id INT, event TEXT, "
        "event_date TEXT, source TEXT, secret TEXT)"
    )
    con.execute(
        "CREATE TABLE pay (id INTEGER PRIMARY KEY, person_id INT, benefit TEXT, period TEXT, "
        "amount NUMERIC, region TEXT, paid_on TEXT)"
    )
    return con


def _add_events(con, ids):
    con.executemany(
        "INSERT INTO life VALUES (?, ?, 'death', '2025-03-01', 'health', 'x')",
        [(i, i) for i in ids],
    )


def _parts(folder, name):
    """One table's part files per the manifest (the snapshot is not complete here)."""
    return [folder / rel for rel in Manifest.load(folder).tables[name].files]


def _rows(folder, name):
    return sum(pq.read_table(f).num_rows for f in _parts(folder, name))


def test_append_table_grows_by_new_part_files(tmp_path, source):
    _add_events(source, range(1, 8))
    first = SnapshotWriter(tmp_path, chunk=3).refresh(Cursor(source), "life_events", "life")
    _add_events(source, range(8, 11))
    second = SnapshotWriter(tmp_path, chunk=3).refresh(Cursor(source), "life_events", "life")
    third = SnapshotWriter(tmp_path, chunk=3).refresh(Cursor(source), "life_events", "life")

    assert (first.written, first.full) == (7, True)
    assert (second.written, second.total, second.full) == (3, 10, False)
    assert (third.written, third.total) == (0, 10)
    assert len(Manifest.load(tmp_path).tables["life_events"].files) == 2
    assert _rows(tmp_path, "life_events") == 10
    part = _parts(tmp_path, "life_events")[0]
    assert pq.read_schema(part).names == TABLES["life_events"].names  # no "secret"


def test_changed_rows_below_the_mark_force_a_full_export(tmp_path, source):
    _add_events(source, range(1, 6))
    SnapshotWriter(tmp_path).refresh(Cursor(source), "life_events", "life")
    source.execute("DELETE FROM life WHERE id = 2")
    report = SnapshotWriter(tmp_path).refresh(Cursor(source), "life_events", "life")

    assert (report.full, report.total) == (True, 4)
    assert len(Manifest.load(tmp_path).tables["life_events"].files) == 1
    assert len(list((tmp_path / "life_events").glob("*.parquet"))) == 1


def test_only_the_namespace_columns_leave_the_database_with_exact_types(tmp_path, source):
    source.execute(
        "INSERT INTO pay VALUES (1, 5, 'pension_employee', '2025-03-01', 4494.1, '420106', NULL)"
    )
    SnapshotWriter(tmp_path).refresh(Cursor(source), "benefit_payments", "pay")
    (part,) = _parts(tmp_path, "benefit_payments")
    row = pq.read_table(part).to_pylist()[0]

    assert str(row["amount"]) == "4494.10"
    assert row["period"] == date(2025, 3, 1)
    assert row["paid_on"] is None


def test_orphan_parts_of_a_crashed_run_are_removed_and_never_read(tmp_path, source):
    _add_events(source, range(1, 3))
    SnapshotWriter(tmp_path).refresh(Cursor(source), "life_events", "life")
    orphan = tmp_path / "life_events" / "part-09999.parquet.tmp"
    orphan.write_bytes(b"half written")
    SnapshotWriter(tmp_path)

    assert not orphan.exists()


def test_reading_an_incomplete_snapshot_is_a_clear_error(tmp_path):
    with pytest.raises(SnapshotError):
        snapshot_files(tmp_path)
