"""A small province in the database, built through the areas' own services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from conftest import SYSTEM
from hrss.core.identifiers.id_number import build_id_number
from hrss.insurance.models import PensionClaim, UnemploymentBenefitClaim
from hrss.insurance.services import benefit_payment_record
from hrss.registry import services as registry
from hrss.registry.models import Person
from hrss.supervision.models import Claim

AS_OF = date(2025, 6, 30)
DEAD_ID = build_id_number("420106", date(1950, 1, 1), 11)  # 武昌区, male
ALIVE_ID = build_id_number("421002", date(1948, 6, 1), 13)  # 荆州, male


@dataclass
class Small:
    dead: Person
    alive: Person


def person(id_number: str, born: date, region: str, name: str) -> Person:
    return registry.person_register(
        actor=SYSTEM, id_number=id_number, name=name, gender=1, birth_date=born,
        hukou_region=region,
    )  # fmt: skip


def _pay(person: Person, period: str) -> None:
    benefit_payment_record(
        actor=SYSTEM, person=person, benefit="pension_employee", period=period,
        amount="3000.00", region=person.district, paid_on=f"{period}-10",
    )  # fmt: skip


def _claim(claim_id: str, person: Person, day: date) -> Claim:
    return Claim.objects.create(
        claim_id=claim_id, person=person, institution_code="H42010600001",
        institution_region="420106", visit_type="outpatient", admission_date=day,
        diagnosis="J06.9", total_amount=Decimal("100.00"), fund_amount=Decimal("60.00"),
        settled_on=day,
    )  # fmt: skip


def small_province() -> Small:
    """A pensioner paid after his death (F01) with a claim after it (M05); another
    pensioner, alive and correctly paid (no hit)."""
    dead = person(DEAD_ID, date(1950, 1, 1), "420106", "王老汉")
    alive = person(ALIVE_ID, date(1948, 6, 1), "421002", "李大爷")
    registry.life_event_record(
        actor=SYSTEM, person=dead, event="death", event_date="2025-03-01", source="health"
    )
    for period in ("2025-02", "2025-03", "2025-04", "2025-05"):
        _pay(dead, period)
        _pay(alive, period)
    _claim("CLM-AFTER", dead, date(2025, 4, 2))
    _claim("CLM-BEFORE", dead, date(2025, 2, 2))
    return Small(dead, alive)


def pension_claim(person: Person) -> PensionClaim:
    """A pension claim in force (as ``insurance.pension_grant`` would have made it)."""
    return PensionClaim.objects.create(
        person=person, category="male", retirement_month=date(2010, 1, 1),
        start_month=date(2010, 2, 1), region=person.district, basic_amount=Decimal("1500.00"),
        account_amount=Decimal("1000.00"), transitional_amount=Decimal("500.00"),
        monthly_amount=Decimal("3000.00"),
    )  # fmt: skip


def unemployment_claim(person: Person) -> UnemploymentBenefitClaim:
    return UnemploymentBenefitClaim.objects.create(
        person=person, region=person.district, start_month=date(2025, 1, 1), months_granted=12,
        monthly_amount=Decimal("1800.00"), contribution_months=36,
    )  # fmt: skip
