"""Bulk importers of the registry's files (interchange.md: persons, employers,
employment, life_events). The row rules are the services' own
(:mod:`hrss.registry.validation`); writes are batched and idempotent."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from django.db import connection

from hrss.audit.importing import AuditedImporter
from hrss.core import clock
from hrss.core.bulk import DuplicateTracker, FileSpec, Prepared, Reject, SourceRow
from hrss.core.bulkwrite import insert_ignoring_duplicates
from hrss.core.errors import DomainError
from hrss.core.identifiers import parse_id_number
from hrss.registry.models import Employer, Employment, LifeEvent, Person
from hrss.registry.protection import (
    ProtectedValue,
    id_number_index,
    protect_id_numbers,
    protect_phones,
)
from hrss.registry.selectors import region_checker
from hrss.registry.validation import (
    PersonInput,
    clean_employer,
    clean_employment,
    clean_life_event,
    clean_person,
)

PERSON_FIELDS = (
    "id_number_enc",
    "id_number_index",
    "id_number_masked",
    "id_kind",
    "name",
    "gender",
    "birth_date",
    "hukou_region",
    "residence_region",
    "district",
    "phone_enc",
    "phone_index",
    "phone_masked",
    "address",
    "version",
    "created_at",
    "updated_at",
)


@cache
def _adapts_dates() -> bool:
    """SQLite stores dates and times as text (PostgreSQL's driver takes them as they are)."""
    return connection.vendor == "sqlite"


def db_datetime(value: Any) -> Any:
    return connection.ops.adapt_datetimefield_value(value) if _adapts_dates() else value


def db_date(value: Any) -> Any:
    return connection.ops.adapt_datefield_value(value) if _adapts_dates() else value


def _person_row(
    data: PersonInput, idn: ProtectedValue, phone: ProtectedValue | None, now: Any
) -> tuple[Any, ...]:
    """One row in ``PERSON_FIELDS`` order."""
    return (
        idn.enc,
        idn.blind_index,
        idn.masked,
        data.id_number.kind.value,
        data.name,
        data.gender,
        db_date(data.birth_date),
        data.hukou_region,
        data.residence_region,
        data.district,
        phone.enc if phone else None,
        phone.blind_index if phone else "",
        phone.masked if phone else "",
        data.address,
        1,
        now,
        now,
    )


class PersonImporter(AuditedImporter):
    spec = FileSpec(
        "persons",
        ("id_number", "name", "gender", "birth_date", "hukou_region"),
        ("residence_region", "phone", "address"),
    )

    parallel_prepare = True  # validation and encryption only: may run in forked workers
    duplicate_label = "身份证号码"
    # The in-file key (the ID number's blind index) covers Person's one unique index:
    # a first load into the empty table builds its indexes afterwards.
    initial_load_model = Person

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.is_region = region_checker()

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        """Validate, then encrypt the batch's ID numbers and phones column by column
        (no database, no shared state: may run in a worker).

        The in-file key is the blind index's first 64 bits: a second occurrence of an
        ID number in the file is rejected, in file order, by ``run_import``."""
        keys: list[tuple[int, int]] = []
        out, moment = Prepared(keys=keys), clock.now()
        now, today = db_datetime(moment), moment.date()
        valid: list[tuple[int, PersonInput]] = []
        for row in rows:
            try:
                data = clean_person(**row.values, is_region=self.is_region, today=today)
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            valid.append((row.number, data))
        ids = protect_id_numbers([data.id_number.value for _, data in valid])
        phones = iter(protect_phones([data.phone for _, data in valid if data.phone]))
        for (number, data), idn in zip(valid, ids, strict=True):
            phone = next(phones) if data.phone else None
            out.items.append(_person_row(data, idn, phone, now))
            keys.append((int(idn.blind_index[:16], 16), number))
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(Person, PERSON_FIELDS, items)
        return written, len(items) - written


class EmployerImporter(AuditedImporter):
    spec = FileSpec(
        "employers", ("uscc", "name", "industry", "region", "risk_class", "registered_on")
    )
    FIELDS = (
        "uscc",
        "name",
        "industry",
        "section",
        "region",
        "risk_class",
        "registered_on",
        "created_at",
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.is_region = region_checker()
        self.duplicates = DuplicateTracker("统一社会信用代码")

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out, now = Prepared(), db_datetime(clock.now())
        for row in rows:
            try:
                d = clean_employer(**row.values, is_region=self.is_region)
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            duplicate = self.duplicates.check(d.uscc.value, row)
            if duplicate:
                out.rejects.append(duplicate)
                continue
            out.items.append(
                (
                    d.uscc.value,
                    d.name,
                    d.industry,
                    d.section,
                    d.region,
                    d.risk_class,
                    db_date(d.registered_on),
                    now,
                )
            )
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(Employer, self.FIELDS, items)
        return written, len(items) - written


class References:
    """Resolves the ID numbers and USCCs of a batch to primary keys, in two queries."""

    def __init__(
        self,
        rows: Sequence[SourceRow],
        *,
        person_col: str = "id_number",
        employer_col: str | None = None,
    ) -> None:
        self.person_keys: dict[int, str] = {}
        for row in rows:
            try:
                value = parse_id_number(row.values.get(person_col, "")).value
            except DomainError:
                continue
            self.person_keys[row.number] = id_number_index(value)
        found = Person.objects.filter(id_number_index__in=set(self.person_keys.values()))
        self.persons = dict(found.values_list("id_number_index", "id"))
        self.births = dict(found.values_list("id", "birth_date"))
        usccs = (
            {row.values.get(employer_col, "").strip().upper() for row in rows}
            if employer_col
            else set()
        )
        usccs.discard("")
        self.employers = dict(Employer.objects.filter(uscc__in=usccs).values_list("uscc", "id"))

    def person_id(self, row: SourceRow, column: str = "id_number") -> int:
        key = self.person_keys.get(row.number)
        if key is None:
            parse_id_number(row.values.get(column, ""))  # raises the precise id_number.* error
        person = self.persons.get(key or "")
        if person is None:
            raise DomainError(
                "registry.person_not_found", "引用的人员未在人员库中登记", extra={"field": column}
            )
        return person

    def employer_id(
        self, row: SourceRow, column: str = "uscc", *, optional: bool = False
    ) -> int | None:
        uscc = row.values.get(column, "").strip().upper()
        if not uscc and optional:
            return None
        employer = self.employers.get(uscc)
        if employer is None:
            raise DomainError(
                "registry.employer_not_found", "引用的用人单位未登记", extra={"field": column}
            )
        return employer


class EmploymentImporter(AuditedImporter):
    """用工备案 rows; the same person, employer and start date twice in a file is a reject."""

    spec = FileSpec(
        "employment", ("id_number", "uscc", "start_date"), ("end_date", "end_reason", "occupation")
    )
    FIELDS = (
        "person",
        "employer",
        "start_date",
        "end_date",
        "end_reason",
        "occupation",
        "filed_at",
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.duplicates = DuplicateTracker("同一人员、单位和入职日期的备案")

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out, now, refs = Prepared(), db_datetime(clock.now()), References(rows, employer_col="uscc")
        for row in rows:
            v = row.values
            try:
                d = clean_employment(
                    start_date=v["start_date"],
                    end_date=v.get("end_date"),
                    end_reason=v.get("end_reason", ""),
                    occupation=v.get("occupation", ""),
                )
                person, employer = refs.person_id(row), refs.employer_id(row)
                if d.start_date < refs.births[person]:
                    raise DomainError("registry.start_before_birth", "入职日期早于出生日期")
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            out.add(
                (
                    person,
                    employer,
                    db_date(d.start_date),
                    db_date(d.end_date),
                    d.end_reason,
                    d.occupation,
                    now,
                ),
                self.duplicates.check((person, employer, d.start_date), row),
            )
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(Employment, self.FIELDS, items)
        return written, len(items) - written


class LifeEventImporter(AuditedImporter):
    spec = FileSpec("life_events", ("id_number", "event", "event_date", "source"))
    FIELDS = ("person", "event", "event_date", "source", "recorded_at")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.duplicates = DuplicateTracker("同一人员、事件和日期的记录")

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out, now, refs = Prepared(), db_datetime(clock.now()), References(rows)
        for row in rows:
            v = row.values
            try:
                d = clean_life_event(
                    event=v["event"], event_date=v["event_date"], source=v["source"]
                )
                person = refs.person_id(row)
                if d.event_date < refs.births[person]:
                    raise DomainError("registry.event_before_birth", "事件日期早于出生日期")
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            item = (person, d.event, db_date(d.event_date), d.source, now)
            out.add(item, self.duplicates.check((person, d.event, d.event_date), row))
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(LifeEvent, self.FIELDS, items)
        return written, len(items) - written


IMPORTERS = {
    "persons": PersonImporter,
    "employers": EmployerImporter,
    "employment": EmploymentImporter,
    "life_events": LifeEventImporter,
}
