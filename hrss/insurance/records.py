"""个人权益记录: one person's insurance record, assembled for display (reads only)."""

from __future__ import annotations

from hrss.core import clock
from hrss.insurance import selectors
from hrss.insurance.models import Insurance
from hrss.insurance.schemas import AccountYearOut, EnrolmentOut, RecordsOut, YearMonthsOut
from hrss.registry.models import Person


def person_records(*, person: Person) -> RecordsOut:
    """Enrolments, paid pension months per year and the personal account, in 3 queries."""
    enrolments = [
        EnrolmentOut(
            insurance=e.insurance,
            insurance_label=str(Insurance(e.insurance).label),
            employer_name=e.employer.name if e.employer else "灵活就业",
            start_month=f"{e.start_month:%Y-%m}",
            end_month=f"{e.end_month:%Y-%m}" if e.end_month else None,
        )
        for e in selectors.enrolment_list_for_person(person=person)
    ]
    by_year = selectors.contribution_months_by_year(person=person, insurance=Insurance.PENSION)
    accounts = [
        AccountYearOut(
            year=a.year,
            opening_balance=a.opening_balance,
            credited=a.credited,
            interest=a.interest,
            closing_balance=a.closing_balance,
        )
        for a in selectors.personal_account_list(person=person)
    ]
    return RecordsOut(
        as_of=clock.today(),
        enrolments=enrolments,
        pension_months_by_year=[YearMonthsOut(year=y, months=m) for y, m in by_year.items()],
        pension_months_total=sum(by_year.values()),
        personal_account=accounts,
    )
