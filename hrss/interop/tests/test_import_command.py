"""``hrss import``: good rows written, each bad row rejected with its row number and code,
re-runs write nothing, the exit status says whether anything was rejected."""

import pytest

from hrss.audit.models import AuditEntry
from hrss.audit.selectors import audit_verify
from hrss.interop.tests.files import HEADER, good_person, rejects_of, run, write_csv
from hrss.registry.models import Employment, Person
from hrss.registry.protection import reveal_id_number


@pytest.mark.django_db(transaction=True)
def test_bad_rows_are_rejected_and_good_rows_written(corrupted):
    status = run("persons", corrupted)

    assert status == 1
    assert rejects_of(corrupted) == {
        7: "id_number.bad_checksum",
        12: "id_number.bad_birth_date",
        22: "registry.unknown_region",
        27: "registry.gender_mismatch",
        46: "import.duplicate_key",
    }
    assert Person.objects.count() == 40
    assert audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_rerun_writes_nothing_new(tmp_path):
    path = write_csv(tmp_path / "persons.csv", HEADER, [good_person(i) for i in range(30)])
    assert run("persons", path) == 0
    first_ids = set(Person.objects.values_list("id", flat=True))

    assert run("persons", path) == 0

    assert set(Person.objects.values_list("id", flat=True)) == first_ids
    events = AuditEntry.objects.filter(action="import.persons").order_by("id")
    assert [e.extra["written"] for e in events] == [30, 0]
    assert [e.extra["present"] for e in events] == [0, 30]


@pytest.mark.django_db(transaction=True)
def test_unknown_column_refuses_the_whole_file(tmp_path):
    path = write_csv(tmp_path / "persons.csv", [*HEADER, "nmae"], [[*good_person(1), "x"]])
    with pytest.raises(Exception, match="file.unknown_column"):
        run("persons", path)
    assert Person.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_gbk_bytes_read_as_utf8_reject_only_that_row(tmp_path):
    path = tmp_path / "persons.csv"
    write_csv(path, HEADER, [good_person(1), good_person(2)])
    with path.open("ab") as fh:
        fh.write(
            ",".join(good_person(3)).replace(good_person(3)[1], "王小明").encode("gbk") + b"\r\n"
        )

    assert run("persons", path) == 1
    assert rejects_of(path) == {4: "file.bad_encoding"}
    assert Person.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_gb18030_option_reads_agency_exports(tmp_path):
    path = write_csv(tmp_path / "persons.csv", HEADER, [good_person(1)], encoding="gb18030")
    assert run("persons", path, "--encoding", "gb18030") == 0
    assert Person.objects.get().name == good_person(1)[1]


@pytest.mark.django_db(transaction=True)
def test_references_to_unknown_persons_are_rejected(tmp_path):
    people = write_csv(tmp_path / "persons.csv", HEADER, [good_person(1)])
    run("persons", people)
    employers = write_csv(
        tmp_path / "employers.csv",
        ["uscc", "name", "industry", "region", "risk_class", "registered_on"],
        [["91110108551385082Q", "某公司", "65", "420106", "1", "2020-01-01"]],
    )
    run("employers", employers)
    employment = write_csv(
        tmp_path / "employment.csv",
        ["id_number", "uscc", "start_date"],
        [
            [good_person(1)[0], "91110108551385082Q", "2021-01-01"],
            [good_person(9)[0], "91110108551385082Q", "2021-01-01"],
            [good_person(1)[0], "91110000600037341L", "2021-01-01"],
        ],
    )

    assert run("employment", employment) == 1
    assert rejects_of(employment) == {
        3: "registry.person_not_found",
        4: "registry.employer_not_found",
    }
    assert Employment.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_and_pipelined_path_gives_the_same_result(corrupted):
    from hrss.core.actors import SystemActor
    from hrss.core.bulk import run_import
    from hrss.registry.importers import PersonImporter

    importer = PersonImporter(actor=SystemActor("test"), source_name="persons.csv")
    importer.batch_size = 7
    summary = run_import(importer, corrupted, workers=2, pipelined=True)

    assert (summary.read, summary.written, summary.rejected) == (45, 40, 5)
    assert set(rejects_of(corrupted)) == {7, 12, 22, 27, 46}
    sample = Person.objects.order_by("id").first()
    assert reveal_id_number(bytes(sample.id_number_enc)) == good_person(0)[0]
    assert audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_contributions_prepared_in_workers_reject_repeats_in_file_order(tmp_path):
    """The workers read persons and employers themselves; a repeat is rejected as the
    later row even when the two rows were prepared by different workers."""
    from hrss.core.actors import SystemActor
    from hrss.core.bulk import run_import
    from hrss.insurance.importers import ContributionImporter
    from hrss.insurance.models import Contribution

    persons = write_csv(tmp_path / "persons.csv", HEADER, [good_person(i) for i in range(4)])
    assert run("persons", persons) == 0
    uscc = "91110108551385082Q"
    employers = write_csv(
        tmp_path / "employers.csv",
        ["uscc", "name", "industry", "region", "risk_class", "registered_on"],
        [[uscc, "示例科技有限公司", "65", "420106", "1", "2015-03-01"]],
    )
    assert run("employers", employers) == 0
    header = ["id_number", "uscc", "insurance", "period", "base", "employer_amount"]
    header += ["employee_amount", "paid_on"]

    def line(i: int, period: str, who: str | None = None) -> list[str]:
        who = who or good_person(i)[0]
        return [who, uscc, "pension", period, "6000.00", "960.00", "480.00", f"{period}-15"]

    rows = [line(i % 4, f"2025-{1 + i // 4:02d}") for i in range(12)]
    rows.insert(9, line(0, "2025-01"))  # row 11 repeats row 2, three batches later
    rows.insert(4, line(0, "2025-02", who=good_person(99)[0]))  # row 6: unknown person
    rows.insert(2, line(1, "2025-13"))  # row 4: no such month
    path = write_csv(tmp_path / "contributions.csv", header, rows)

    importer = ContributionImporter(actor=SystemActor("test"), source_name=path.name)
    importer.batch_size = 3
    summary = run_import(importer, path, workers=2, pipelined=True)

    assert (summary.read, summary.written, summary.rejected) == (15, 12, 3)
    assert rejects_of(path) == {
        4: "month.bad_format;date.bad_format",  # paid_on is built from the period too
        7: "registry.person_not_found",
        13: "import.duplicate_key",
    }
    assert Contribution.objects.count() == 12
    assert audit_verify().ok


@pytest.mark.django_db
def test_a_database_not_yet_migrated_is_a_clear_error(tmp_path, monkeypatch):
    from django.core.management import CommandError
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])
    path = write_csv(tmp_path / "persons.csv", HEADER, [good_person(1)])
    with pytest.raises(CommandError, match="db.not_migrated"):
        run("persons", path)
    assert Person.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_gbk_names_that_happen_to_decode_as_utf8_are_still_rejected(tmp_path):
    """Most GBK bytes do not decode as UTF-8 (file.bad_encoding); some do, into Greek,
    Cyrillic or symbols, which no name holds."""
    rows = [good_person(i) for i in range(4)]
    path = tmp_path / "persons.csv"
    with path.open("wb") as fh:
        fh.write((",".join(HEADER) + "\n").encode())
        for i, row in enumerate(rows):
            name = row[1].encode("utf-8") if i != 2 else "韦雪梅".encode("gbk")
            cells = [row[0].encode(), name, *(c.encode() for c in row[2:])]
            fh.write(b",".join(cells) + b"\n")
    assert "韦雪梅".encode("gbk").decode("utf-8") == "Τѩ÷"

    assert run("persons", path) == 1
    assert rejects_of(path) == {4: "registry.bad_name"}
    assert Person.objects.count() == 3
