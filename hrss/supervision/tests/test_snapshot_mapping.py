"""The namespace's columns exist in the models that back it; a snapshot from the DB."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from hrss.analytics.schema import TABLES
from hrss.analytics.snapshot import snapshot_files
from hrss.supervision.snapshot import MODELS, take_snapshot
from hrss.supervision.tests.factories import ALIVE_ID, DEAD_ID, _pay, small_province


def test_every_namespace_column_is_a_database_column():
    assert set(MODELS) == set(TABLES)
    for name, spec in TABLES.items():
        columns = {f.column for f in MODELS[name]._meta.concrete_fields}
        missing = [c.db_column for c in spec.columns if c.db_column not in columns]
        assert not missing, (name, missing)


@pytest.mark.django_db
def test_snapshot_carries_the_blind_index_and_no_identifier(tmp_path):
    small = small_province()
    reports = {r.name: r for r in take_snapshot(tmp_path, chunk=2)}
    files = snapshot_files(tmp_path)
    persons = pq.read_table(files["persons"][0])

    assert reports["benefit_payments"].written == 8
    assert set(persons.column("id_number_index").to_pylist()) == {
        small.dead.id_number_index,
        small.alive.id_number_index,
    }
    assert not {"id_number_enc", "phone_enc", "name", "address"} & set(persons.column_names)
    cells = {
        str(v) for fs in files.values() for f in fs for col in pq.read_table(f).columns
        for v in col.to_pylist()
    }  # fmt: skip
    assert not {DEAD_ID, ALIVE_ID, "王老汉", "李大爷"} & cells


@pytest.mark.django_db
def test_second_snapshot_appends_only_new_rows(tmp_path):
    small = small_province()
    take_snapshot(tmp_path)
    _pay(small.alive, "2025-06")
    again = {r.name: r for r in take_snapshot(tmp_path)}

    assert (again["benefit_payments"].written, again["benefit_payments"].full) == (1, False)
    assert again["benefit_payments"].total == 9
    assert again["persons"].full  # a table whose rows change is exported whole
