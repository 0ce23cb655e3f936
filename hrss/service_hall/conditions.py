"""Condition checks (申请条件预审) the catalog may name (see :mod:`.executors`).

Each takes the application and returns the problems found, in words the applicant
can act on. They read the registry and insurance records; they never write.
"""

from __future__ import annotations

from hrss.insurance.models import Contribution, Insurance
from hrss.registry.models import INVOLUNTARY_END_REASONS, Employment
from hrss.service_hall.models import Application
from hrss.service_hall.prereview import Problem

UNEMPLOYMENT_MIN_MONTHS = 12  # 失业保险条例 第14条: contributed for at least one year


def unemployment_benefit_conditions(*, application: Application) -> list[Problem]:
    """失业保险金: ≥ 1 year of unemployment-insurance contributions, job lost involuntarily."""
    person = application.person
    if person is None:
        return [Problem("condition.person_missing", "未找到申请人的参保档案,请先办理参保登记")]
    problems = []
    months = (
        Contribution.objects.filter(person=person, insurance=Insurance.UNEMPLOYMENT)
        .values("period")
        .distinct()
        .count()
    )
    if months < UNEMPLOYMENT_MIN_MONTHS:
        problems.append(
            Problem(
                "condition.unemployment_contribution_short",
                f"失业保险累计缴费不满一年(现有 {months} 个月)",
            )
        )
    last = Employment.objects.filter(person=person).order_by("-start_date").first()
    if last is None or last.end_date is None:
        problems.append(Problem("condition.still_employed", "未查询到解除或终止劳动关系的记录"))
    elif last.end_reason not in INVOLUNTARY_END_REASONS:
        problems.append(
            Problem("condition.voluntary_leave", "因本人意愿中断就业的,不能申领失业保险金")
        )
    return problems
