"""A first load into an empty table builds the indexes after the rows (PostgreSQL), in
one transaction: the indexes come back exactly as they were, a failure leaves the
table as it was, and a table that already has rows is loaded batch by batch."""

import pytest
from django.db import connection

from hrss.audit.models import AuditEntry
from hrss.audit.selectors import audit_verify
from hrss.core.actors import SystemActor
from hrss.core.bulk import run_import
from hrss.core.bulkwrite import initial_load
from hrss.interop.tests.files import HEADER, good_person, rejects_of, write_csv
from hrss.registry.importers import PersonImporter
from hrss.registry.models import Person

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="index definitions are read from PostgreSQL"
)


def person_indexes() -> set[tuple[str, str]]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'registry_person'"
        )
        return set(cur.fetchall())


class WatchedImporter(PersonImporter):
    """Records, at each batch write, which indexes the writing transaction sees."""

    fail_at_batch = 0

    def __init__(self) -> None:
        super().__init__(actor=SystemActor("test"), source_name="persons.csv")
        self.batch_size = 7
        self.seen: list[set[str]] = []

    def write(self, items):  # type: ignore[no-untyped-def]
        self.seen.append({name for name, _ in person_indexes()})
        if len(self.seen) == self.fail_at_batch:
            raise RuntimeError("the disk is full")
        return super().write(items)


def persons_file(tmp_path, first: int, count: int):
    rows = [good_person(i) for i in range(first, first + count)]
    return write_csv(tmp_path / f"persons-{first}.csv", HEADER, rows)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_first_load_builds_indexes_after_the_rows_and_restores_them(corrupted):
    before = person_indexes()
    importer = WatchedImporter()
    summary = run_import(importer, corrupted, workers=2, pipelined=True)

    assert (summary.written, summary.rejected) == (40, 5)
    assert set(rejects_of(corrupted)) == {7, 12, 22, 27, 46}
    assert all(seen == {"registry_person_pkey"} for seen in importer.seen)
    assert person_indexes() == before
    assert audit_verify().ok


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_failed_first_load_leaves_the_table_as_it_was(tmp_path):
    before = person_indexes()
    importer = WatchedImporter()
    importer.fail_at_batch = 3
    with pytest.raises(RuntimeError, match="disk is full"):
        run_import(importer, persons_file(tmp_path, 0, 30), workers=2, pipelined=True)

    assert Person.objects.count() == 0
    assert not AuditEntry.objects.filter(action="import.persons").exists()
    assert person_indexes() == before


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_table_with_rows_keeps_its_indexes_while_loading(tmp_path):
    first = run_import(WatchedImporter(), persons_file(tmp_path, 0, 10), pipelined=True)
    before = person_indexes()
    importer = WatchedImporter()
    summary = run_import(importer, persons_file(tmp_path, 5, 20), workers=2, pipelined=True)

    assert (first.written, summary.written, summary.present) == (10, 15, 5)
    assert all(seen == {name for name, _ in before} for seen in importer.seen)
    assert Person.objects.count() == 25


@pytest.mark.django_db(transaction=True)
def test_only_an_empty_postgresql_table_is_loaded_with_deferred_indexes(tmp_path):
    with initial_load(Person) as deferred:
        assert deferred is (connection.vendor == "postgresql")
    run_import(
        PersonImporter(actor=SystemActor("test"), source_name="p.csv"), persons_file(tmp_path, 0, 1)
    )
    with initial_load(Person) as deferred:
        assert deferred is False


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_table_with_rows_is_not_locked_while_a_long_query_reads_it(tmp_path):
    """A daily feed must not queue every reader behind an exclusive lock request."""
    import psycopg

    run_import(
        PersonImporter(actor=SystemActor("t"), source_name="p.csv"), persons_file(tmp_path, 0, 1)
    )
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    ) as reader:
        reader.execute("SELECT count(*) FROM registry_person")  # its lock lasts the transaction
        with connection.cursor() as cur:
            cur.execute("SET lock_timeout = '2s'")  # a lock request would fail, not hang
        with initial_load(Person) as deferred:
            assert deferred is False
        reader.rollback()
