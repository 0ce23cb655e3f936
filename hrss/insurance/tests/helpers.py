"""Builders for insurance tests: persons of a given age, employers, contribution months."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from conftest import SYSTEM
from hrss.core.identifiers.uscc import build_uscc
from hrss.insurance import services
from hrss.insurance.models import Contribution
from hrss.insurance.months import add_months
from hrss.registry import services as registry_services

_sequence = itertools.count(101)
_org = itertools.count(10000001)


def make_person(born: date, *, male: bool = True, region: str = "420106", name: str = "王测试"):
    seq = next(_sequence) * 2 % 1000
    seq = seq + 1 if male else seq  # odd = male
    from hrss.core.identifiers.id_number import build_id_number

    return registry_services.person_register(
        actor=SYSTEM,
        id_number=build_id_number(region, born, seq),
        name=name,
        gender=1 if male else 2,
        birth_date=born,
        hukou_region=region,
    )


def make_employer(region: str = "420106", name: str = "武汉某有限公司"):
    return registry_services.employer_register(
        actor=SYSTEM,
        uscc=build_uscc("9", "1", region, str(next(_org))),
        name=name,
        industry="65",
        region=region,
        risk_class=1,
        registered_on="2000-01-01",
    )


def pay_months(
    person,
    employer,
    first: date,
    count: int,
    *,
    base: str = "5000.00",
    insurance: str = "pension",
    employee_rate: str = "0.08",
) -> None:
    """``count`` paid months from ``first`` (straight rows: the services are tested elsewhere)."""
    amount = Decimal(base)
    Contribution.objects.bulk_create(
        Contribution(
            person=person,
            employer=employer,
            insurance=insurance,
            period=add_months(first, n),
            base=amount,
            employer_amount=(amount * Decimal("0.16")).quantize(Decimal("0.01")),
            employee_amount=(amount * Decimal(employee_rate)).quantize(Decimal("0.01")),
            paid_on=add_months(first, n + 1),
        )
        for n in range(count)
    )


def set_param(
    name: str, value: str, *, region: str = "420000", valid_from: str = "2000-01-01", key: str = ""
):
    return services.parameter_set(
        actor=SYSTEM, name=name, region=region, valid_from=valid_from, value=value, key=key
    )
