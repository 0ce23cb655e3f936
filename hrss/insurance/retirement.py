"""Retirement and the monthly pension with this installation's parameters and records.

* ``pension_estimate`` — the public calculator: statutory retirement month, 计发月数 at
  that age, C in force then, and every step of the formula (国发〔2005〕38号).
* ``pension_grant`` — the service the service hall's 退休申请 approval calls: checks the
  retirement month (statutory, or flexible under the 2024-09-13 NPC decision), the
  minimum contribution (社会保险法 第16条; raised from 2030 by the same decision),
  computes the pension from the person's records and creates the ``PensionClaim``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError, ValidationFailed
from hrss.core.parsing import parse_month
from hrss.insurance import selectors
from hrss.insurance.certification import certification_start
from hrss.insurance.errors import ParameterMissing
from hrss.insurance.models import (
    Insurance,
    ParameterName,
    PensionClaim,
    PensionClaimStatus,
)
from hrss.insurance.months import add_months, years_months_text
from hrss.insurance.pension import (
    WHOLE_YEARS,
    Age,
    PaymentMonths,
    PensionInputs,
    PensionResult,
    RetirementCategory,
    age_at,
    flexible_retirement_problems,
    payment_months_for,
    pension_compute,
    statutory_retirement,
)
from hrss.registry.models import Gender, LifeEvent, LifeEventKind, Person

INDEX_PLACES = Decimal("0.0001")  # Ī is shown, and used, with four decimals


@dataclass(frozen=True)
class PensionEstimate:
    category: str
    birth_month: date
    retirement_month: date
    age: Age
    region: str
    payment_months: PaymentMonths
    contribution_months: Decimal
    minimum_months: int
    result: PensionResult

    @property
    def meets_minimum(self) -> bool:
        return self.contribution_months >= self.minimum_months


def minimum_contribution_months(*, region: str, on: date) -> int:
    """Minimum months for a monthly pension when retiring on ``on`` (dated parameter)."""
    name = ParameterName.PENSION_MIN_CONTRIBUTION_MONTHS
    return int(selectors.parameter_value(name=name, region=region, on=on))


def payment_months_at(*, age: Age, region: str, on: date) -> PaymentMonths:
    """计发月数 for ``age`` with the table and the method in force on ``on``."""
    table = selectors.parameter_table(
        name=ParameterName.PENSION_PAYMENT_MONTHS, region=region, on=on
    )
    method = selectors.parameter_lookup(
        name=ParameterName.PENSION_PAYMENT_MONTHS_METHOD, region=region, on=on
    )
    return payment_months_for(
        age, table=table, method=WHOLE_YEARS if method is None else int(method)
    )


def _compute(
    *,
    region: str,
    on: date,
    age: Age,
    average_index: Decimal,
    contribution_years: Decimal,
    account_balance: Decimal,
    pre_reform_years: Decimal,
) -> tuple[PaymentMonths, PensionResult]:
    months = payment_months_at(age=age, region=region, on=on)
    wage = selectors.parameter_value(name=ParameterName.AVERAGE_MONTHLY_WAGE, region=region, on=on)
    coefficient = selectors.parameter_value(
        name=ParameterName.TRANSITIONAL_PENSION_COEFFICIENT, region=region, on=on
    )
    inputs = PensionInputs(
        average_wage=wage,
        average_index=average_index,
        contribution_years=contribution_years,
        account_balance=account_balance,
        payment_months=months.months,
        pre_reform_years=pre_reform_years,
        transitional_coefficient=coefficient,
        payment_rule=months.rule,
    )
    return months, pension_compute(inputs)


def pension_estimate(
    *,
    birth_month: date,
    category: str,
    contribution_years: Decimal,
    average_index: Decimal,
    account_balance: Decimal,
    region: str = selectors.PROVINCE,
    pre_reform_years: Decimal = Decimal(0),
) -> PensionEstimate:
    """The pension at the statutory retirement month, from the caller's own figures."""
    retirement = statutory_retirement(birth_month=birth_month, category=category)
    months, result = _compute(
        region=region,
        on=retirement.month,
        age=retirement.age,
        average_index=average_index,
        contribution_years=contribution_years,
        account_balance=account_balance,
        pre_reform_years=pre_reform_years,
    )
    return PensionEstimate(
        category=category,
        birth_month=retirement.birth_month,
        retirement_month=retirement.month,
        age=retirement.age,
        region=region,
        payment_months=months,
        contribution_months=contribution_years * 12,
        minimum_months=minimum_contribution_months(region=region, on=retirement.month),
        result=result,
    )


def average_contribution_index(*, person: Person, region: str, before: date) -> Decimal:
    """Ī = mean over paid months of (that month's base ÷ the average wage in force then)."""
    bases = selectors.pension_bases_by_month(person=person, before=before)
    if not bases:
        return Decimal("0.0000")
    wage_on = selectors.parameter_timeline(name=ParameterName.AVERAGE_MONTHLY_WAGE, region=region)
    total = Decimal(0)
    for period, base in bases.items():
        wage = wage_on(period)
        if wage is None:
            raise ParameterMissing(
                message=f"缺少{period:%Y-%m}适用的月平均工资,无法计算平均缴费指数",
                extra={"parameter": "average_monthly_wage", "on": period.isoformat()},
            )
        total += base / wage
    return (total / len(bases)).quantize(INDEX_PLACES, rounding=ROUND_HALF_UP)


def _clean_category(category: str, person: Person) -> str:
    if category not in RetirementCategory.values:
        raise DomainError(
            "insurance.bad_category", "人员类别应为 male、female_cadre 或 female_worker"
        )
    male = person.gender == Gender.MALE
    if male != (category == RetirementCategory.MALE):
        raise DomainError("insurance.category_gender_mismatch", "人员类别与本人性别不符")
    return category


def _grant_problems(
    *, person: Person, requested: date, months: int, minimum: int, flexible: list[DomainError]
) -> list[DomainError]:
    problems = list(flexible)
    death = LifeEvent.objects.filter(person=person, event=LifeEventKind.DEATH).first()
    if death is not None:
        problems.append(
            DomainError("insurance.person_deceased", f"本人已死亡({death.event_date}),不能核定待遇")
        )
    if PensionClaim.objects.filter(
        person=person, status__in=[PensionClaimStatus.ACTIVE, PensionClaimStatus.SUSPENDED]
    ).exists():
        problems.append(DomainError("insurance.pension_claim_exists", "已在领取基本养老金"))
    if requested > add_months(clock.today(), 1):
        problems.append(
            DomainError(
                "insurance.retirement_not_due",
                f"退休年月{requested:%Y-%m}尚未到来(最早可在退休前1个月申请)",
            )
        )
    if months < minimum and not any(
        p.code == "insurance.flexible_contribution_short" for p in problems
    ):
        problems.append(
            DomainError(
                "insurance.pension_contribution_short",
                f"累计缴费不满最低缴费年限(需{years_months_text(minimum)},"
                f"已缴{years_months_text(months)})",
            )
        )
    return problems


def _check_grant(
    *,
    person: Person,
    category: str,
    retirement_month: str | date | None,
    employer_agreed: bool,
    region: str,
    deemed_months: int,
) -> tuple[date, int]:
    """(retirement month, contribution months), or ``ValidationFailed`` with every reason."""
    statutory = statutory_retirement(birth_month=person.birth_date, category=category)
    requested = statutory.month
    if retirement_month:
        requested = parse_month(retirement_month, field="retirement_month")
    months = deemed_months + selectors.paid_months(
        person=person, insurance=Insurance.PENSION, before=requested
    )
    minimum = minimum_contribution_months(region=region, on=requested)
    flexible = flexible_retirement_problems(
        statutory=statutory,
        requested=requested,
        contribution_months=months,
        minimum_months=minimum,
        employer_agreed=employer_agreed,
    )
    problems = _grant_problems(
        person=person, requested=requested, months=months, minimum=minimum, flexible=flexible
    )
    if problems:
        raise ValidationFailed(problems, message="不符合按月领取基本养老金的条件")
    return requested, months


@transaction.atomic
def pension_grant(
    *,
    actor: Actor,
    person: Person,
    category: str,
    retirement_month: str | date | None = None,
    employer_agreed: bool = False,
    region: str | None = None,
    deemed_months: int = 0,
    pre_reform_years: Decimal = Decimal(0),
) -> PensionClaim:
    """核定按月领取基本养老金 (社会保险法 第16条; 国发〔2005〕38号; 2024-09-13 NPC decision).

    ``retirement_month`` defaults to the statutory month; another month is flexible
    retirement (earlier needs the minimum contribution, later ``employer_agreed``).
    ``deemed_months`` (视同缴费) count towards N and the minimum; ``pre_reform_years``
    drive the transitional pension. Raises ``ValidationFailed`` listing every unmet
    condition in words. Writes the claim, starts the 12-month certification cycle, audits.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    category = _clean_category(category, person)
    region = region or person.district
    requested, months = _check_grant(
        person=person,
        category=category,
        retirement_month=retirement_month,
        employer_agreed=employer_agreed,
        region=region,
        deemed_months=deemed_months,
    )
    claim = _create_claim(
        person=person,
        category=category,
        requested=requested,
        region=region,
        months=months,
        pre_reform_years=pre_reform_years,
    )
    certification_start(actor=actor, person=person, on=clock.today())
    audit_record(
        actor=actor,
        action="pension.grant",
        object_type="insurance.pension_claim",
        object_id=claim.pk,
        person_id=person.pk,
        extra={"retirement_month": f"{requested:%Y-%m}", "amount": str(claim.monthly_amount)},
    )
    return claim


def _create_claim(
    *,
    person: Person,
    category: str,
    requested: date,
    region: str,
    months: int,
    pre_reform_years: Decimal,
) -> PensionClaim:
    index = average_contribution_index(person=person, region=region, before=requested)
    balance = selectors.personal_account_balance(person=person, on=requested)
    _, result = _compute(
        region=region,
        on=requested,
        age=age_at(birth_month=person.birth_date.replace(day=1), month=requested),
        average_index=index,
        contribution_years=Decimal(months) / 12,
        account_balance=balance,
        pre_reform_years=pre_reform_years,
    )
    return PensionClaim.objects.create(
        person=person,
        category=category,
        retirement_month=requested,
        start_month=add_months(requested, 1),
        region=region,
        basic_amount=result.basic,
        account_amount=result.account,
        transitional_amount=result.transitional,
        monthly_amount=result.total,
        calculation=[asdict(step) for step in result.steps],
    )


def pension_grant_problems(
    *,
    person: Person,
    category: str,
    retirement_month: str | date | None = None,
    employer_agreed: bool = False,
    region: str | None = None,
    deemed_months: int = 0,
) -> list[DomainError]:
    """Every condition ``pension_grant`` would find unmet, in the same words; writes nothing.

    For the service hall's pre-review (so the applicant learns at submission what the
    approval would refuse). A missing parameter is raised, not listed: it is the
    agency's to fix, not the applicant's.
    """
    try:
        _check_grant(
            person=person,
            category=_clean_category(category, person),
            retirement_month=retirement_month,
            employer_agreed=employer_agreed,
            region=region or person.district,
            deemed_months=deemed_months,
        )
    except ValidationFailed as failed:
        return list(failed.errors)
    except ParameterMissing:
        raise
    except DomainError as error:
        return [error]
    return []
