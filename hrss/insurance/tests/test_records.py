from decimal import Decimal

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import ValidationFailed
from hrss.insurance import services
from hrss.insurance.errors import InsuranceRecordExists
from hrss.insurance.models import Contribution
from hrss.insurance.records import person_records
from hrss.registry import services as registry_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer():
    return registry_services.employer_register(
        actor=SYSTEM,
        uscc="91110108551385082Q",
        name="武汉某科技有限公司",
        industry="65",
        region="420106",
        risk_class=1,
        registered_on="2019-01-01",
    )


def contribute(person, employer, period, paid="2024-02-15", **kw):
    return services.contribution_record(
        actor=SYSTEM,
        person=person,
        employer=employer,
        insurance=kw.get("insurance", "pension"),
        period=period,
        base="5000",
        employer_amount="800.00",
        employee_amount="400.00",
        paid_on=paid,
    )


def test_contribution_is_recorded_once_per_month(person_zhang, employer):
    row = contribute(person_zhang, employer, "2024-01")
    assert (row.base, row.employer_amount) == (Decimal("5000.00"), Decimal("800.00"))
    with pytest.raises(InsuranceRecordExists):
        contribute(person_zhang, employer, "2024-01")
    assert Contribution.objects.count() == 1
    assert AuditEntry.objects.filter(action="contribution.record").count() == 1


def test_flexible_worker_month_is_unique_too(person_zhang):
    contribute(person_zhang, None, "2024-01")
    with pytest.raises(InsuranceRecordExists):
        contribute(person_zhang, None, "2024-01")


def test_bad_contribution_writes_nothing(person_zhang, employer):
    with pytest.raises(ValidationFailed) as caught:
        services.contribution_record(
            actor=SYSTEM,
            person=person_zhang,
            employer=employer,
            insurance="pension",
            period="2024-1",
            base="0",
            employer_amount="1.234",
            employee_amount="x",
            paid_on="",
        )
    assert {e.code for e in caught.value.errors} == {
        "month.bad_format",
        "money.too_precise",
        "money.bad_format",
        "insurance.bad_base",
    }
    assert Contribution.objects.count() == 0


def test_my_records_count_paid_months_by_year(person_zhang, employer):
    services.enrolment_register(
        actor=SYSTEM,
        person=person_zhang,
        insurance="pension",
        employer=employer,
        start_month="2023-11",
    )
    for period in ("2023-11", "2023-12", "2024-01", "2024-02"):
        contribute(person_zhang, employer, period)
    contribute(person_zhang, employer, "2024-03", paid=None)  # in arrears: not counted
    services.personal_account_post_year(
        actor=SYSTEM,
        person=person_zhang,
        year=2023,
        opening_balance=Decimal("0"),
        credited=Decimal("800"),
        interest=Decimal("0"),
    )

    records = person_records(person=person_zhang)

    assert [(y.year, y.months) for y in records.pension_months_by_year] == [(2023, 2), (2024, 2)]
    assert records.pension_months_total == 4
    assert records.enrolments[0].employer_name == "武汉某科技有限公司"
    assert records.personal_account[0].closing_balance == Decimal("800.00")


def test_interest_defaults_to_the_yearly_rate(person_zhang):
    services.parameter_set(
        actor=SYSTEM,
        name="personal_account_interest_rate",
        region="420000",
        valid_from="2023-01-01",
        value="0.0397",
    )
    row = services.personal_account_post_year(
        actor=SYSTEM,
        person=person_zhang,
        year=2023,
        opening_balance=Decimal("10000"),
        credited=Decimal("4800"),
    )
    # 10000 × 3.97 % + 4800 × 3.97 % / 2 = 397 + 95.28
    assert row.interest == Decimal("492.28")
    assert row.closing_balance == Decimal("15292.28")
