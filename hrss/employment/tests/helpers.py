"""Builders for employment tests: persons of a given age, employers, jobs, dates."""

from __future__ import annotations

import itertools
from datetime import date, datetime

from conftest import SYSTEM
from hrss.core import clock
from hrss.core.identifiers.id_number import build_id_number
from hrss.core.identifiers.uscc import build_uscc
from hrss.registry import services as registry_services
from hrss.registry.models import Employment

_sequence = itertools.count(301)
_org = itertools.count(20000001)


def make_person(born: date, *, male: bool = True, region: str = "420106", residence: str = ""):
    seq = next(_sequence) * 2 % 1000
    seq = seq + 1 if male else seq  # odd = male
    return registry_services.person_register(
        actor=SYSTEM,
        id_number=build_id_number(region, born, seq),
        name="赵测试",
        gender=1 if male else 2,
        birth_date=born,
        hukou_region=region,
        residence_region=residence,
    )


def make_employer(region: str = "420106", name: str = "武汉某科技有限公司"):
    return registry_services.employer_register(
        actor=SYSTEM,
        uscc=build_uscc("9", "1", region, str(next(_org))),
        name=name,
        industry="65",
        region=region,
        risk_class=1,
        registered_on="2000-01-01",
    )


def job(person, employer, start: str, end: str | None = None, reason: str = "dismissal"):
    """A filed job (用工备案), ended when ``end`` is given."""
    row = registry_services.employment_file(
        actor=SYSTEM, person=person, employer=employer, start_date=start
    )
    if end:
        row = registry_services.employment_end(
            actor=SYSTEM, employment=row, end_date=end, end_reason=reason
        )
    return row


def filed_on(employment: Employment, day: str) -> Employment:
    """Pretend the employer filed the hire on ``day`` (``filed_at`` is set on insert)."""
    moment = datetime.fromisoformat(f"{day}T16:30:00+08:00")
    Employment.objects.filter(pk=employment.pk).update(filed_at=moment)
    employment.refresh_from_db()
    return employment


def at(day: str):
    """Freeze the clock at 10:00 Shanghai time on ``day``."""
    return clock.frozen(datetime.fromisoformat(f"{day}T10:00:00+08:00"))
