"""失业保险金: entitlement, eligibility and the grant.

* Conditions (失业保险条例 第14条, 社会保险法 第45条): contributed at least 1 year;
  job lost against one's will; registered as unemployed and seeking work.
* Duration (条例 第17条, 法 第46条): 1 to <5 years → 12 months, 5 to <10 → 18, ≥10 → 24.
  After re-employment the contribution time restarts and the unused months of the
  previous claim are added, in total at most 24 months.
* Amount (条例 第18条): set by the province below the minimum wage: here
  ``minimum_monthly_wage × unemployment_benefit_ratio`` of the region (parameters).

失业登记 is an employment-area record that does not exist yet: the caller (the
service hall, later the employment area) passes ``registered_unemployed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.errors import DomainError, ValidationFailed
from hrss.core.money import to_fen
from hrss.core.parsing import parse_month
from hrss.insurance import selectors
from hrss.insurance.models import (
    Benefit,
    BenefitPayment,
    Insurance,
    ParameterName,
    StopReason,
    UnemploymentBenefitClaim,
    UnemploymentClaimStatus,
)
from hrss.insurance.months import years_months_text
from hrss.registry.models import INVOLUNTARY_END_REASONS, Employment, EndReason, Person

MAX_MONTHS = 24
MIN_CONTRIBUTION_MONTHS = 12
# (contribution months at least, months of benefit), longest first: 条例 第17条
SCHEDULE = ((120, 24), (60, 18), (12, 12))


@dataclass(frozen=True)
class Entitlement:
    months: int  # total months that may be drawn
    from_contributions: int
    carried_over: int  # unused months of the previous claim that were added


def unemployment_entitlement(*, contribution_months: int, carried_months: int = 0) -> Entitlement:
    """Months of benefit for a contribution record (pure).

    Below 12 months of contributions there is no entitlement (the carried months stay
    available for a later claim); otherwise the schedule plus the carried months,
    capped at 24.
    """
    if contribution_months < 0 or carried_months < 0:
        raise ValueError("month counts are non-negative")
    base = next((m for floor, m in SCHEDULE if contribution_months >= floor), 0)
    carried = min(carried_months, MAX_MONTHS - base) if base else 0
    return Entitlement(base + carried, base, carried)


@dataclass(frozen=True)
class Eligibility:
    contribution_months: int
    carried_months: int
    entitlement: Entitlement
    problems: list[DomainError] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.problems


def _previous_claim(person: Person) -> UnemploymentBenefitClaim | None:
    return (
        UnemploymentBenefitClaim.objects.filter(person=person)
        .exclude(status=UnemploymentClaimStatus.ACTIVE)
        .order_by("-start_month")
        .first()
    )


def _carried(previous: UnemploymentBenefitClaim | None) -> int:
    """Unused months of a claim stopped by re-employment (条例 第17条 第2款)."""
    if previous is None or previous.stop_reason != StopReason.REEMPLOYED:
        return 0
    paid = BenefitPayment.objects.filter(
        person=previous.person,
        benefit=Benefit.UNEMPLOYMENT,
        period__gte=previous.start_month,
        period__lt=previous.stopped_from or date.max,
    ).count()
    return max(previous.months_granted - paid, 0)


def _separation_problem(person: Person, on: date) -> DomainError | None:
    """Condition 2: the last job ended against the person's will."""
    jobs = Employment.objects.filter(person=person, start_date__lt=on)
    if jobs.filter(end_date__isnull=True).exists():
        return DomainError(
            "insurance.unemployment_still_employed", "非因本人意愿中断就业(目前仍在职)"
        )
    last = jobs.exclude(end_date__isnull=True).order_by("-end_date").first()
    if last is None:
        return DomainError(
            "insurance.unemployment_no_separation", "非因本人意愿中断就业(未找到离职备案)"
        )
    if last.end_reason not in INVOLUNTARY_END_REASONS:
        label = EndReason(last.end_reason).label if last.end_reason else "未填写"
        return DomainError(
            "insurance.unemployment_voluntary",
            f"非因本人意愿中断就业(最近一次离职原因为{label})",
        )
    return None


def _active_claim_problem(person: Person) -> DomainError | None:
    active = UnemploymentBenefitClaim.objects.filter(
        person=person, status=UnemploymentClaimStatus.ACTIVE
    ).first()
    if active is None:
        return None
    return DomainError(
        "insurance.unemployment_claim_active",
        f"正在领取失业保险金(自{active.start_month:%Y-%m}起)",
    )


def unemployment_eligibility(
    *, person: Person, start_month: date, registered_unemployed: bool
) -> Eligibility:
    """Every unmet condition, in words a citizen understands (条例 第14条)."""
    previous = _previous_claim(person)
    months = selectors.paid_months(
        person=person,
        insurance=Insurance.UNEMPLOYMENT,
        since=previous.start_month if previous else None,
        before=start_month,
    )
    carried = _carried(previous)
    problems = []
    if months < MIN_CONTRIBUTION_MONTHS:
        problems.append(
            DomainError(
                "insurance.unemployment_contribution_short",
                f"失业保险缴费不满1年(已缴{years_months_text(months)})",
            )
        )
    separation = _separation_problem(person, start_month)
    if separation is not None:
        problems.append(separation)
    if not registered_unemployed:
        problems.append(DomainError("insurance.unemployment_not_registered", "未办理失业登记"))
    active = _active_claim_problem(person)
    if active is not None:
        problems.append(active)
    entitlement = unemployment_entitlement(contribution_months=months, carried_months=carried)
    return Eligibility(months, carried, entitlement, problems)


def unemployment_benefit_amount(*, region: str, on: date) -> tuple[Decimal, Decimal, Decimal]:
    """Monthly amount = minimum wage × ratio (条例 第18条), to the fen; with its inputs."""
    wage = selectors.parameter_value(name=ParameterName.MINIMUM_MONTHLY_WAGE, region=region, on=on)
    ratio = selectors.parameter_value(
        name=ParameterName.UNEMPLOYMENT_BENEFIT_RATIO, region=region, on=on
    )
    return to_fen(wage * ratio), wage, ratio


@transaction.atomic
def unemployment_benefit_grant(
    *,
    actor: Actor,
    person: Person,
    start_month: str | date,
    registered_unemployed: bool,
    region: str | None = None,
) -> UnemploymentBenefitClaim:
    """核定失业保险金 (失业保险条例 第14/17/18条; 社会保险法 第45/46/47条).

    ``registered_unemployed`` comes from the 失业登记 (employment area, not modelled
    yet). Refuses with ``ValidationFailed`` naming every unmet condition; else creates
    the active claim: months from the schedule plus carried months (≤ 24), amount from
    the region's minimum wage and ratio in force in ``start_month``. Audited.
    """
    start = parse_month(start_month, field="start_month")
    person = Person.objects.select_for_update().get(pk=person.pk)
    check = unemployment_eligibility(
        person=person, start_month=start, registered_unemployed=registered_unemployed
    )
    if not check.eligible:
        raise ValidationFailed(check.problems, message="不符合领取失业保险金的条件")
    region = region or person.district
    amount, wage, ratio = unemployment_benefit_amount(region=region, on=start)
    claim = UnemploymentBenefitClaim.objects.create(
        person=person,
        region=region,
        start_month=start,
        months_granted=check.entitlement.months,
        monthly_amount=amount,
        contribution_months=check.contribution_months,
        carried_months=check.entitlement.carried_over,
    )
    audit_record(
        actor=actor,
        action="unemployment_benefit.grant",
        object_type="insurance.unemployment_claim",
        object_id=claim.pk,
        person_id=person.pk,
        extra={"months": claim.months_granted, "amount": str(amount), "ratio": str(ratio)},
    )
    return claim
