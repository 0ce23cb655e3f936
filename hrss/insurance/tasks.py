"""Background jobs of the insurance area: thin, idempotent, calling services.

Arguments are JSON values (django-tasks): months as ``YYYY-MM``, days as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from typing import Any

from django_tasks import task

from hrss.core.actors import SystemActor
from hrss.core.parsing import parse_date
from hrss.insurance.certification import certification_run
from hrss.insurance.unemployment_payments import unemployment_benefits_pay_month

PAY_JOB = SystemActor("task:unemployment_benefits_pay_month")
CERTIFICATION_JOB = SystemActor("task:certification_run")


@task()
def unemployment_benefits_pay_month_task(period: str) -> dict[str, Any]:
    """The monthly 失业保险金 run for ``period``; safe to run twice."""
    result = unemployment_benefits_pay_month(actor=PAY_JOB, period=period)
    return {
        "period": period,
        "paid": result.paid,
        "already_paid": result.already_paid,
        "stopped": [s.claim_id for s in result.stopped],
        "exhausted": result.exhausted,
    }


@task()
def certification_run_task(on: str) -> dict[str, Any]:
    """The daily 待遇资格认证 run (silent renewal, reminders, suspensions)."""
    result = certification_run(actor=CERTIFICATION_JOB, on=parse_date(on, field="on"))
    return {
        "on": on,
        "renewed": result.renewed,
        "reminded": len(result.reminded),
        "suspended": len(result.suspended),
        "resumed": len(result.resumed),
        "deceased": len(result.deceased),
    }
