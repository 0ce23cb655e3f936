"""A small province in the database, built through the areas' own services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from conftest import SYSTEM
from hrss.core.identifiers.id_number import build_id_number
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


def _person(id_number: str, born: date, region: str, name: str) -> Person:
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
    dead = _person(DEAD_ID, date(1950, 1, 1), "420106", "王老汉")
    alive = _person(ALIVE_ID, date(1948, 6, 1), "421002", "李大爷")
    registry.life_event_record(
        actor=SYSTEM, person=dead, event="death", event_date="2025-03-01", source="health"
    )
    for period in ("2025-02", "2025-03", "2025-04", "2025-05"):
        _pay(dead, period)
        _pay(alive, period)
    _claim("CLM-AFTER", dead, date(2025, 4, 2))
    _claim("CLM-BEFORE", dead, date(2025, 2, 2))
    return Small(dead, alive)
