"""Condition checks (申请条件预审) the catalog may name (see :mod:`.executors`).

Each takes the application and returns the problems found, in words the applicant
can act on. They ask the owning area the same question its service will ask at the
approval (so pre-review and approval never disagree) and never write. A problem's
code is ``condition.`` + the area's error code without its area prefix
(``insurance.unemployment_contribution_short`` → ``condition.unemployment_contribution_short``).
"""

from __future__ import annotations

from collections.abc import Iterable

from hrss.core import clock
from hrss.core.errors import DomainError
from hrss.employment import rules as employment_rules
from hrss.insurance.retirement import pension_grant_problems
from hrss.insurance.transfer import pension_transfer_problems
from hrss.insurance.unemployment import unemployment_eligibility
from hrss.service_hall.adapters.common import (
    form_flag,
    form_text,
    statutory_retirement_month,
    unemployment_benefit_start,
)
from hrss.service_hall.adapters.insurance import (
    CATEGORY_REQUIRED,
    FROM_REGION_REQUIRED,
    pension_category,
    transfer_regions,
)
from hrss.service_hall.models import Application
from hrss.service_hall.prereview import Problem

NO_PERSON = Problem("condition.person_missing", "未找到申请人的参保档案,请先办理参保登记")
# What to do next, added to an area's wording where the area's words alone leave it open.
HINTS = {
    "insurance.unemployment_not_registered": "请先在常住地办理“失业登记”后再申领",
}


def as_problems(errors: Iterable[DomainError]) -> list[Problem]:
    """Area errors as notice items (``condition.<reason>``, the area's words + a hint)."""
    problems = []
    for error in errors:
        hint = HINTS.get(error.code)
        message = f"{error.message},{hint}" if hint else error.message
        problems.append(Problem(f"condition.{error.code.split('.', 1)[-1]}", message))
    return problems


def unemployment_benefit_conditions(*, application: Application) -> list[Problem]:
    """失业保险金 (失业保险条例 第十四条): ≥ 1 year of contributions, an involuntary end of
    the last job, a 失业登记 in force, no claim being drawn — each unmet one named."""
    person = application.person
    if person is None:
        return [NO_PERSON]
    registered, start = unemployment_benefit_start(person, clock.today())
    check = unemployment_eligibility(
        person=person, start_month=start, registered_unemployed=registered
    )
    return as_problems(check.problems)


def unemployment_registration_conditions(*, application: Application) -> list[Problem]:
    """失业登记: working age, able and free to work, at the place of habitual residence."""
    person = application.person
    if person is None:
        return [NO_PERSON]
    errors = employment_rules.unemployment_registration_problems(
        person=person,
        on=clock.today(),
        region=form_text(application, "region") or None,
        retirement_month=statutory_retirement_month(person),
    )
    return as_problems(errors)


def hard_to_employ_conditions(*, application: Application) -> list[Problem]:
    """就业困难人员认定: registered unemployed, a listed hardship the records do not contradict."""
    person = application.person
    if person is None:
        return [NO_PERSON]
    errors = employment_rules.hard_to_employ_problems(
        person=person, reason=form_text(application, "reason"), on=clock.today()
    )
    return as_problems(errors)


def retirement_conditions(*, application: Application) -> list[Problem]:
    """退休 (按月领取基本养老金): the category, the retirement month, the minimum contribution."""
    person = application.person
    if person is None:
        return [NO_PERSON]
    category = pension_category(application, person)
    if not category:
        return as_problems([CATEGORY_REQUIRED])
    errors = pension_grant_problems(
        person=person,
        category=category,
        retirement_month=form_text(application, "retirement_month") or None,
        employer_agreed=form_flag(application, "employer_agreed"),
    )
    return as_problems(errors)


def pension_transfer_conditions(*, application: Application) -> list[Problem]:
    """转移接续: two valid regions of different 统筹地区, not a pensioner, paid at the old place."""
    person = application.person
    if person is None:
        return [NO_PERSON]
    from_region, to_region = transfer_regions(application, person)
    if not from_region:
        return as_problems([FROM_REGION_REQUIRED])
    errors = pension_transfer_problems(person=person, from_region=from_region, to_region=to_region)
    return as_problems(errors)
