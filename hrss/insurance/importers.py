"""Bulk importers of insurance files: parameters, enrolments, contributions,
benefit_payments and the personal-account extension (personal_accounts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from hrss.audit.importing import AuditedImporter
from hrss.core.bulk import DuplicateTracker, FileSpec, Prepared, Reject, SourceRow
from hrss.core.bulkwrite import insert_ignoring_duplicates
from hrss.core.errors import DomainError
from hrss.core.money import parse_money
from hrss.insurance.models import (
    BenefitPayment,
    Contribution,
    Enrolment,
    Parameter,
    PersonalAccount,
)
from hrss.insurance.validation import (
    clean_benefit_payment,
    clean_contribution,
    clean_enrolment,
    clean_parameter,
)
from hrss.registry.importers import References, db_date
from hrss.registry.selectors import region_checker

RowBuilder = Callable[[SourceRow, References], tuple[Any, ...]]


class _ReferencingImporter(AuditedImporter):
    """Rows that point to a person (and maybe an employer): resolve, clean, build a tuple."""

    model: Any
    FIELDS: tuple[str, ...]
    employer_col: str | None = None
    # Reads persons and employers, writes nothing, keeps nothing between batches:
    # forked workers may prepare batches (each with its own connection).
    parallel_prepare = True
    duplicate_label = "该记录"

    def build(self, row: SourceRow, refs: References) -> tuple[Any, ...]:
        raise NotImplementedError

    def key(self, item: tuple[Any, ...]) -> Any:
        return item[:4]

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        """Resolve, clean and build; a key repeated in the file is rejected in file order
        by ``run_import`` (``Prepared.keys``)."""
        keys: list[tuple[int, int]] = []
        out, refs = Prepared(keys=keys), References(rows, employer_col=self.employer_col)
        for row in rows:
            try:
                item = self.build(row, refs)
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            out.items.append(item)
            keys.append((hash(self.key(item)), row.number))
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(self.model, self.FIELDS, items)
        return written, len(items) - written


class EnrolmentImporter(_ReferencingImporter):
    spec = FileSpec("enrolments", ("id_number", "insurance", "start_month"), ("uscc", "end_month"))
    model, employer_col = Enrolment, "uscc"
    FIELDS = ("person", "insurance", "employer", "start_month", "end_month", "created_at")

    def build(self, row: SourceRow, refs: References) -> tuple[Any, ...]:
        v = row.values
        d = clean_enrolment(
            insurance=v["insurance"], start_month=v["start_month"], end_month=v.get("end_month")
        )
        person, employer = refs.person_id(row), refs.employer_id(row, optional=True)
        from hrss.core import clock
        from hrss.registry.importers import db_datetime

        return (
            person,
            d.insurance,
            employer,
            db_date(d.start_month),
            db_date(d.end_month),
            db_datetime(clock.now()),
        )


class ContributionImporter(_ReferencingImporter):
    spec = FileSpec(
        "contributions",
        ("id_number", "insurance", "period", "base", "employer_amount", "employee_amount"),
        ("uscc", "paid_on"),
    )
    model, employer_col = Contribution, "uscc"
    FIELDS = (
        "person",
        "employer",
        "insurance",
        "period",
        "base",
        "employer_amount",
        "employee_amount",
        "paid_on",
    )

    def build(self, row: SourceRow, refs: References) -> tuple[Any, ...]:
        v = row.values
        d = clean_contribution(
            insurance=v["insurance"],
            period=v["period"],
            base=v["base"],
            employer_amount=v["employer_amount"],
            employee_amount=v["employee_amount"],
            paid_on=v.get("paid_on"),
        )
        person, employer = refs.person_id(row), refs.employer_id(row, optional=True)
        return (
            person,
            employer,
            d.insurance,
            db_date(d.period),
            d.base,
            d.employer_amount,
            d.employee_amount,
            db_date(d.paid_on),
        )


class BenefitPaymentImporter(_ReferencingImporter):
    spec = FileSpec(
        "benefit_payments", ("id_number", "benefit", "period", "amount", "region", "paid_on")
    )
    model = BenefitPayment
    FIELDS = ("person", "benefit", "period", "amount", "region", "paid_on")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.is_region = region_checker()

    def build(self, row: SourceRow, refs: References) -> tuple[Any, ...]:
        v = row.values
        d = clean_benefit_payment(
            benefit=v["benefit"],
            period=v["period"],
            amount=v["amount"],
            region=v["region"],
            paid_on=v["paid_on"],
            is_region=self.is_region,
        )
        return (
            refs.person_id(row),
            d.benefit,
            db_date(d.period),
            d.amount,
            d.region,
            db_date(d.paid_on),
        )

    def key(self, item: tuple[Any, ...]) -> Any:
        return (item[0], item[1], item[2], item[4])


class PersonalAccountImporter(_ReferencingImporter):
    """Extension file of yearly personal-account balances (years before the contribution span)."""

    spec = FileSpec(
        "personal_accounts",
        ("id_number", "year", "opening_balance", "credited", "interest", "closing_balance"),
    )
    model = PersonalAccount
    FIELDS = ("person", "year", "opening_balance", "credited", "interest", "closing_balance")

    def build(self, row: SourceRow, refs: References) -> tuple[Any, ...]:
        v = row.values
        year = v["year"].strip()
        if not (year.isdigit() and 1992 <= int(year) <= 2100):
            raise DomainError("insurance.bad_year", "年度应为四位年份", extra={"field": "year"})
        amounts = [
            parse_money(v[c])
            for c in ("opening_balance", "credited", "interest", "closing_balance")
        ]
        if amounts[0] + amounts[1] + amounts[2] != amounts[3]:
            raise DomainError(
                "insurance.account_unbalanced", "上年结转+本年记账+本年利息 不等于 年末余额"
            )
        return (refs.person_id(row), int(year), *amounts)

    def key(self, item: tuple[Any, ...]) -> Any:
        return item[:2]


class ParameterImporter(AuditedImporter):
    spec = FileSpec("parameters", ("name", "region", "valid_from", "value"), ("valid_to",))
    FIELDS = ("name", "key", "region", "valid_from", "valid_to", "value", "note")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.is_region = region_checker()
        self.duplicates = DuplicateTracker("该参数")

    def prepare(self, rows: Sequence[SourceRow]) -> Prepared:
        out = Prepared()
        for row in rows:
            v = row.values
            try:
                d = clean_parameter(
                    name=v["name"],
                    region=v["region"],
                    valid_from=v["valid_from"],
                    valid_to=v.get("valid_to"),
                    value=v["value"],
                    is_region=self.is_region,
                )
            except DomainError as error:
                out.rejects.append(Reject.from_error(row, error))
                continue
            item = (
                d.name,
                "",
                d.region,
                db_date(d.valid_from),
                db_date(d.valid_to),
                Decimal(d.value),
                f"imported from {self.source_name}"[:200],
            )
            out.add(item, self.duplicates.check(item[:4], row))
        return out

    def write(self, items: Sequence[Any]) -> tuple[int, int]:
        written = insert_ignoring_duplicates(Parameter, self.FIELDS, items)
        return written, len(items) - written


IMPORTERS = {
    "parameters": ParameterImporter,
    "enrolments": EnrolmentImporter,
    "contributions": ContributionImporter,
    "benefit_payments": BenefitPaymentImporter,
    "personal_accounts": PersonalAccountImporter,
}
