"""Reads of insurance records and policy parameters.

Callers obtain the Person through ``registry.selectors.access_person_*`` first;
these selectors take that Person and add no access rule of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from hrss.insurance.errors import ParameterMissing
from hrss.insurance.models import (
    BenefitPayment,
    Contribution,
    Enrolment,
    Insurance,
    Parameter,
    ParameterName,
    PersonalAccount,
)
from hrss.registry.models import Person

PROVINCE = "420000"
DEFAULT_FLOOR_RATIO = Decimal("0.6")
DEFAULT_CEILING_RATIO = Decimal("3")


def region_chain(region: str) -> list[str]:
    """420106 → [420106, 420100, 420000]: the most specific region first."""
    chain = [region]
    if not region.endswith("00"):
        chain.append(region[:4] + "00")
    if region[:2] + "0000" not in chain:
        chain.append(region[:2] + "0000")
    if PROVINCE not in chain:
        chain.append(PROVINCE)
    return list(dict.fromkeys(chain))


Row = tuple[str, Decimal, date]  # region, value, valid_from


def _pick(rows: Iterable[Row], region: str) -> Decimal | None:
    """The latest start of the most specific region that has a row."""
    best: dict[str, tuple[date, Decimal]] = {}
    for reg, value, start in rows:
        if reg not in best or start > best[reg][0]:
            best[reg] = (start, value)
    for reg in region_chain(region):
        if reg in best:
            return best[reg][1]
    return None


def parameter_lookup(*, name: str, region: str, on: date, key: str = "") -> Decimal | None:
    """The value in force on ``on`` for the most specific region that has one."""
    rows = Parameter.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=on),
        name=name,
        key=key,
        region__in=region_chain(region),
        valid_from__lte=on,
    ).values_list("region", "value", "valid_from")
    return _pick(rows, region)


def parameter_table(*, name: str, region: str, on: date) -> Callable[[str], Decimal | None]:
    """Every key of a keyed parameter (e.g. 计发月数 by age) in force on ``on``, one query."""
    by_key: dict[str, list[Row]] = defaultdict(list)
    for key, reg, value, start in Parameter.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=on),
        name=name,
        region__in=region_chain(region),
        valid_from__lte=on,
    ).values_list("key", "region", "value", "valid_from"):
        by_key[key].append((reg, value, start))
    values = {key: _pick(rows, region) for key, rows in by_key.items()}
    return values.get


def parameter_timeline(
    *, name: str, region: str, key: str = ""
) -> Callable[[date], Decimal | None]:
    """A lookup by date over all rows of one parameter, fetched once (e.g. average
    wages for every month of a working life); same precedence as ``parameter_lookup``."""
    rows = list(
        Parameter.objects.filter(name=name, key=key, region__in=region_chain(region)).values_list(
            "region", "value", "valid_from", "valid_to"
        )
    )

    def lookup(on: date) -> Decimal | None:
        valid = [
            (reg, value, start)
            for reg, value, start, end in rows
            if start <= on and (end is None or end > on)
        ]
        return _pick(valid, region)

    return lookup


def parameter_value(*, name: str, region: str, on: date, key: str = "") -> Decimal:
    value = parameter_lookup(name=name, region=region, on=on, key=key)
    if value is None:
        label = ParameterName(name).label if name in ParameterName.values else name
        raise ParameterMissing(
            extra={"parameter": name, "region": region, "on": on.isoformat(), "label": str(label)}
        )
    return value


@dataclass(frozen=True)
class BaseLimits:
    floor: Decimal
    ceiling: Decimal


def contribution_base_limits(*, region: str, on: date) -> BaseLimits:
    """Floor and ceiling for a month: explicit rows, else 60 %/300 % of the average wage."""
    floor = parameter_lookup(name=ParameterName.CONTRIBUTION_BASE_FLOOR, region=region, on=on)
    ceiling = parameter_lookup(name=ParameterName.CONTRIBUTION_BASE_CEILING, region=region, on=on)
    if floor is None or ceiling is None:
        wage = parameter_value(name=ParameterName.AVERAGE_MONTHLY_WAGE, region=region, on=on)
        low = parameter_lookup(name=ParameterName.BASE_FLOOR_RATIO, region=region, on=on)
        high = parameter_lookup(name=ParameterName.BASE_CEILING_RATIO, region=region, on=on)
        floor = floor if floor is not None else wage * (low or DEFAULT_FLOOR_RATIO)
        ceiling = ceiling if ceiling is not None else wage * (high or DEFAULT_CEILING_RATIO)
    return BaseLimits(
        floor=floor.quantize(Decimal("0.01")), ceiling=ceiling.quantize(Decimal("0.01"))
    )


def enrolment_list_for_person(*, person: Person) -> QuerySet[Enrolment]:
    return person.enrolments.select_related("employer").order_by("insurance", "-start_month")


def contribution_months_by_year(*, person: Person, insurance: str) -> dict[int, int]:
    """Paid contribution months per year (个人权益记录), one query."""
    months = (
        Contribution.objects.filter(person=person, insurance=insurance, paid_on__isnull=False)
        .values_list("period", flat=True)
        .distinct()
    )
    counts: dict[int, int] = defaultdict(int)
    for period in months:
        counts[period.year] += 1
    return dict(sorted(counts.items()))


def contribution_list_for_person(
    *, person: Person, insurance: str | None = None
) -> QuerySet[Contribution]:
    qs = person.contributions.select_related("employer").order_by("-period")
    return qs.filter(insurance=insurance) if insurance else qs


def personal_account_list(*, person: Person) -> QuerySet[PersonalAccount]:
    return person.personal_accounts.order_by("year")


def benefit_payment_list(*, person: Person) -> QuerySet[BenefitPayment]:
    """Benefits paid to the person (待遇发放), the latest month first."""
    return person.benefit_payments.order_by("-period", "benefit", "region")


def paid_months(
    *, person: Person, insurance: str, since: date | None = None, before: date | None = None
) -> int:
    """Distinct paid contribution months of one risk, in ``[since, before)``."""
    qs = Contribution.objects.filter(person=person, insurance=insurance, paid_on__isnull=False)
    if since is not None:
        qs = qs.filter(period__gte=since)
    if before is not None:
        qs = qs.filter(period__lt=before)
    return qs.values("period").distinct().count()


def pension_bases_by_month(*, person: Person, before: date) -> dict[date, Decimal]:
    """Paid pension contribution bases per month (two employers in a month are summed)."""
    rows = (
        Contribution.objects.filter(
            person=person,
            insurance=Insurance.PENSION,
            paid_on__isnull=False,
            period__lt=before,
        )
        .values("period")
        .annotate(total=Sum("base"))
        .order_by("period")
    )
    return {row["period"]: row["total"] for row in rows}


def personal_account_balance(*, person: Person, on: date) -> Decimal:
    """个人账户储存额 on ``on``: the last closed year's balance plus the employee
    contributions credited since (the current year's interest is added at year end)."""
    last = (
        PersonalAccount.objects.filter(person=person, year__lt=on.year)
        .order_by("-year")
        .values_list("year", "closing_balance")
        .first()
    )
    closed_year, balance = last if last else (0, Decimal("0.00"))
    credited = Contribution.objects.filter(
        person=person,
        insurance=Insurance.PENSION,
        paid_on__isnull=False,
        period__gte=date(closed_year + 1, 1, 1),
        period__lt=on,
    ).aggregate(total=Sum("employee_amount"))["total"]
    return balance + (credited or Decimal("0.00"))
