"""Writes of insurance records. Atomic, audited, validated by the shared rules.

The benefit services live in their own modules (size budget) and are re-exported
here, so every write of the area is found at ``insurance.services``: pension
(``retirement``), unemployment benefit, transfers (``transfer``), certification.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.core.money import to_fen
from hrss.core.parsing import format_month
from hrss.insurance.certification import (
    certification_evidence_record as certification_evidence_record,
)
from hrss.insurance.certification import (
    certification_evidence_record_many as certification_evidence_record_many,
)
from hrss.insurance.certification import certification_run as certification_run
from hrss.insurance.certification import certification_self as certification_self
from hrss.insurance.errors import InsuranceRecordExists
from hrss.insurance.models import (
    BenefitPayment,
    Contribution,
    Enrolment,
    Insurance,
    Parameter,
    ParameterName,
    PersonalAccount,
)
from hrss.insurance.notices import notice_mark_delivered as notice_mark_delivered
from hrss.insurance.retirement import pension_grant as pension_grant
from hrss.insurance.selectors import parameter_value
from hrss.insurance.transfer import pension_transfer_accept as pension_transfer_accept
from hrss.insurance.transfer import pension_transfer_apply as pension_transfer_apply
from hrss.insurance.transfer import pension_transfer_complete as pension_transfer_complete
from hrss.insurance.transfer import pension_transfer_reject as pension_transfer_reject
from hrss.insurance.transfer import pension_transfer_send as pension_transfer_send
from hrss.insurance.transfer import pension_transfer_withdraw as pension_transfer_withdraw
from hrss.insurance.unemployment import unemployment_benefit_grant as unemployment_benefit_grant
from hrss.insurance.unemployment_payments import (
    unemployment_benefits_pay_month as unemployment_benefits_pay_month,
)
from hrss.insurance.validation import (
    clean_benefit_payment,
    clean_contribution,
    clean_enrolment,
    clean_parameter,
)
from hrss.registry.models import Employer, Person
from hrss.registry.selectors import region_checker


@transaction.atomic
def enrolment_register(
    *,
    actor: Actor,
    person: Person,
    insurance: str,
    employer: Employer | None,
    start_month: str | date,
    end_month: str | date | None = None,
) -> Enrolment:
    """参保登记. One enrolment per person, risk, employer and start month."""
    data = clean_enrolment(insurance=insurance, start_month=start_month, end_month=end_month)
    if Enrolment.objects.filter(
        person=person, insurance=data.insurance, employer=employer, start_month=data.start_month
    ).exists():
        raise InsuranceRecordExists("insurance.enrolment_exists", "该参保登记已存在")
    enrolment = Enrolment.objects.create(
        person=person,
        insurance=data.insurance,
        employer=employer,
        start_month=data.start_month,
        end_month=data.end_month,
    )
    audit_record(
        actor=actor,
        action="enrolment.register",
        object_type="insurance.enrolment",
        object_id=enrolment.pk,
        person_id=person.pk,
        extra={"insurance": data.insurance},
    )
    return enrolment


@transaction.atomic
def contribution_record(
    *,
    actor: Actor,
    person: Person,
    employer: Employer | None,
    insurance: str,
    period: str | date,
    base: str | Decimal,
    employer_amount: str | Decimal,
    employee_amount: str | Decimal,
    paid_on: str | date | None = None,
) -> Contribution:
    """Record one month's contribution as collected (by the tax bureau since 2019)."""
    data = clean_contribution(
        insurance=insurance,
        period=period,
        base=base,
        employer_amount=employer_amount,
        employee_amount=employee_amount,
        paid_on=paid_on,
    )
    if Contribution.objects.filter(
        person=person, employer=employer, insurance=data.insurance, period=data.period
    ).exists():
        raise InsuranceRecordExists(
            "insurance.contribution_exists", f"{format_month(data.period)} 的缴费记录已存在"
        )
    row = Contribution.objects.create(
        person=person,
        employer=employer,
        insurance=data.insurance,
        period=data.period,
        base=data.base,
        employer_amount=data.employer_amount,
        employee_amount=data.employee_amount,
        paid_on=data.paid_on,
    )
    audit_record(
        actor=actor,
        action="contribution.record",
        object_type="insurance.contribution",
        object_id=row.pk,
        person_id=person.pk,
        extra={"period": format_month(data.period)},
    )
    return row


def contribution_amounts(
    *, base: Decimal, insurance: str, region: str, on: date
) -> tuple[Decimal, Decimal]:
    """Employer and employee amounts for a base, from the rates in force (to the fen)."""
    rates = {
        Insurance.PENSION: (
            ParameterName.PENSION_EMPLOYER_RATE,
            ParameterName.PENSION_EMPLOYEE_RATE,
        ),
        Insurance.UNEMPLOYMENT: (
            ParameterName.UNEMPLOYMENT_EMPLOYER_RATE,
            ParameterName.UNEMPLOYMENT_EMPLOYEE_RATE,
        ),
    }
    if insurance not in rates:
        raise DomainError("insurance.no_rate_rule", "该险种的费率由其他规则计算")
    er_name, ee_name = rates[Insurance(insurance)]
    er = parameter_value(name=er_name, region=region, on=on)
    ee = parameter_value(name=ee_name, region=region, on=on)
    return to_fen(base * er), to_fen(base * ee)


@transaction.atomic
def personal_account_post_year(
    *,
    actor: Actor,
    person: Person,
    year: int,
    opening_balance: Decimal,
    credited: Decimal,
    interest: Decimal | None = None,
    region: str = "420000",
) -> PersonalAccount:
    """Close a year of the pension personal account (年度结息).

    Default interest: the opening balance earns a full year at the year's 记账利率 and
    the year's credits half a year on average, rounded once to the fen. A region whose
    rule differs passes the interest its agency computed.
    """
    if PersonalAccount.objects.filter(person=person, year=year).exists():
        raise InsuranceRecordExists("insurance.account_year_exists", f"{year}年度个人账户已结算")
    if interest is None:
        rate = parameter_value(
            name=ParameterName.PERSONAL_ACCOUNT_INTEREST_RATE, region=region, on=date(year, 12, 31)
        )
        interest = to_fen(opening_balance * rate + credited * rate / 2)
    closing = to_fen(opening_balance + credited + interest)
    row = PersonalAccount.objects.create(
        person=person,
        year=year,
        opening_balance=to_fen(opening_balance),
        credited=to_fen(credited),
        interest=to_fen(interest),
        closing_balance=closing,
    )
    audit_record(
        actor=actor,
        action="personal_account.post_year",
        object_type="insurance.account",
        object_id=row.pk,
        person_id=person.pk,
        extra={"year": year},
    )
    return row


@transaction.atomic
def benefit_payment_record(
    *,
    actor: Actor,
    person: Person,
    benefit: str,
    period: str | date,
    amount: str | Decimal,
    region: str,
    paid_on: str | date,
) -> BenefitPayment:
    data = clean_benefit_payment(
        benefit=benefit,
        period=period,
        amount=amount,
        region=region,
        paid_on=paid_on,
        is_region=region_checker(),
    )
    if BenefitPayment.objects.filter(
        person=person, benefit=data.benefit, period=data.period, region=data.region
    ).exists():
        raise InsuranceRecordExists("insurance.payment_exists", "该月待遇已发放")
    row = BenefitPayment.objects.create(
        person=person,
        benefit=data.benefit,
        period=data.period,
        amount=data.amount,
        region=data.region,
        paid_on=data.paid_on,
    )
    audit_record(
        actor=actor,
        action="benefit_payment.record",
        object_type="insurance.benefit_payment",
        object_id=row.pk,
        person_id=person.pk,
        extra={"benefit": data.benefit},
    )
    return row


@transaction.atomic
def parameter_set(
    *,
    actor: Actor,
    name: str,
    region: str,
    valid_from: str | date,
    value: str | Decimal,
    valid_to: str | date | None = None,
    key: str = "",
    note: str = "",
) -> Parameter:
    """Add a dated parameter value; the previous open-ended row for the same
    name/key/region is closed the day the new one starts."""
    data = clean_parameter(
        name=name,
        region=region,
        valid_from=valid_from,
        valid_to=valid_to,
        value=value,
        is_region=region_checker(),
    )
    if Parameter.objects.filter(
        name=data.name, key=key, region=data.region, valid_from=data.valid_from
    ).exists():
        raise InsuranceRecordExists("insurance.parameter_exists", "该参数在此生效日期已有取值")
    Parameter.objects.filter(
        name=data.name,
        key=key,
        region=data.region,
        valid_to__isnull=True,
        valid_from__lt=data.valid_from,
    ).update(valid_to=data.valid_from)
    row = Parameter.objects.create(
        name=data.name,
        key=key,
        region=data.region,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        value=data.value,
        note=note,
    )
    audit_record(
        actor=actor,
        action="parameter.set",
        object_type="insurance.parameter",
        object_id=row.pk,
        extra={"name": data.name, "region": data.region, "value": str(data.value)},
    )
    return row
