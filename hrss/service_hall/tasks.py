"""Background jobs of the service hall: thin, idempotent, calling services."""

from __future__ import annotations

from django_tasks import task

from hrss.core.actors import SystemActor
from hrss.core.parsing import parse_date
from hrss.service_hall.jobs import certification_job, monthly_run
from hrss.service_hall.outbox import OUTBOX_JOB, outbox_deliver
from hrss.service_hall.services.notifications import notification_create_for_event

MONTHLY_JOB = SystemActor("task:monthly_run")
CERTIFICATION_JOB = SystemActor("task:certification_job")


@task()
def notify_application_event(event_id: int) -> None:
    """Tell the applicant about event ``event_id`` (in-app message, SMS); safe to re-run."""
    notification_create_for_event(event_id=event_id)


@task()
def outbox_deliver_task() -> dict[str, int]:
    """Deliver pending outbox notices (insurance) as in-app messages and SMS; safe to re-run."""
    result = outbox_deliver(actor=OUTBOX_JOB)
    return {"notices": result.notices, "notifications": result.notifications, "sms": result.sms}


@task()
def monthly_run_task(period: str) -> dict[str, int]:
    """The monthly run for ``period`` (YYYY-MM): 失业保险金, 失业登记 upkeep, outbox."""
    result = monthly_run(actor=MONTHLY_JOB, period=period)
    return {
        "paid": result.pay.paid,
        "stopped": len(result.pay.stopped),
        "registrations_closed": result.registrations_closed,
        "notices": result.delivered.notices,
    }


@task()
def certification_job_task(on: str) -> dict[str, int]:
    """The 待遇资格认证 run for ``on`` (YYYY-MM-DD) with card-use evidence, then the outbox."""
    result = certification_job(actor=CERTIFICATION_JOB, on=parse_date(on, field="on"))
    return {
        "evidence": result.evidence,
        "reminded": len(result.run.reminded),
        "suspended": len(result.run.suspended),
        "notices": result.delivered.notices,
    }
