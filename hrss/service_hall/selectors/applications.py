"""Reads of applications: my applications, the staff queue, the timeline, time states.

Callers first obtain an application through :func:`.access.access_application_by_id`;
list selectors apply the same rules in their filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, QuerySet

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.models import calendar_overrides
from hrss.core.workdays import Overrides
from hrss.iam.models import Account, Role, district_prefix
from hrss.service_hall.models import Application, ApplicationEvent, ApplicationMaterial
from hrss.service_hall.selectors.access import READ_ROLES
from hrss.service_hall.timelimits import NEAR_DUE_WORKING_DAYS, TimeState
from hrss.service_hall.timelimits import time_state as compute_time_state
from hrss.service_hall.workflow import Action, Status

OPEN_STATES = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.IN_REVIEW,
    Status.SECOND_REVIEW,
    Status.APPROVED,
)
QUEUE_LIMIT = 500


def application_list_for_applicant(*, actor: Actor) -> QuerySet[Application]:
    """The actor's own applications (and, for an employer agent, the employer's), newest first."""
    if not isinstance(actor, Account):
        return Application.objects.none()
    mine = Q(applicant_id=actor.pk)
    if actor.role == Role.EMPLOYER_AGENT and actor.employer_uscc:
        mine |= Q(employer__uscc=actor.employer_uscc)
    return Application.objects.filter(mine).select_related("item").order_by("-created_at", "-pk")


def application_timeline(*, application: Application) -> QuerySet[ApplicationEvent]:
    """Every transition, in order: the progress shown to applicant and staff."""
    return ApplicationEvent.objects.filter(application=application).order_by("seq")


def application_current_notice(*, application: Application) -> ApplicationEvent | None:
    """The one-time notice the applicant must answer (only while the application is returned)."""
    if application.status != Status.RETURNED:
        return None
    return (
        ApplicationEvent.objects.filter(application=application, action=Action.RETURN)
        .order_by("-seq")
        .first()
    )


def application_materials(*, application: Application) -> QuerySet[ApplicationMaterial]:
    return (
        ApplicationMaterial.objects.filter(application=application)
        .select_related("material")
        .order_by("code")
    )


def application_time_state(
    *,
    application: Application,
    today: date | None = None,
    overrides: Overrides | None = None,
    near_due: int = NEAR_DUE_WORKING_DAYS,
) -> TimeState:
    """on_time / near_due / overdue (or not started, paused, finished) on ``today``."""
    today = today or clock.today()
    if overrides is None:
        overrides = calendar_overrides(start=today)
    return compute_time_state(
        status=application.status,
        due_date=application.due_date,
        paused=application.clock_paused_on is not None,
        today=today,
        overrides=overrides,
        near_due=near_due,
    )


@dataclass(frozen=True)
class ApplicationDetail:
    """Everything a detail page shows, read in a fixed number of queries."""

    application: Application
    time_state: TimeState
    timeline: list[ApplicationEvent]
    materials: list[ApplicationMaterial]
    notice: ApplicationEvent | None


def application_detail(*, application: Application) -> ApplicationDetail:
    """The application (already access-checked) with its timeline, materials and notice."""
    timeline = list(application_timeline(application=application))
    notice = None
    if application.status == Status.RETURNED:
        notice = next((e for e in reversed(timeline) if e.action == Action.RETURN), None)
    return ApplicationDetail(
        application=application,
        time_state=application_time_state(application=application),
        timeline=timeline,
        materials=list(application_materials(application=application)),
        notice=notice,
    )


@dataclass(frozen=True)
class QueueRow:
    application: Application
    time_state: TimeState


def _queue_filter(actor: Account, item_code: str, district: str) -> Q:
    where = Q(district__startswith=district_prefix(actor.district))
    if district:
        where &= Q(district__startswith=district_prefix(district))
    if item_code:
        where &= Q(item__code=item_code)
    return where


def application_queue(
    *, actor: Actor, item_code: str = "", district: str = "", statuses: tuple[str, ...] = ()
) -> list[QueueRow]:
    """Open applications in the actor's district, soonest due first, each with its time state."""
    if not isinstance(actor, Account) or actor.role not in READ_ROLES or not actor.district:
        return []
    apps = list(
        Application.objects.filter(
            _queue_filter(actor, item_code, district), status__in=statuses or OPEN_STATES
        )
        .select_related("item", "person", "employer")
        .order_by(F("due_date").asc(nulls_last=True), "submitted_at", "pk")[:QUEUE_LIMIT]
    )
    audit_record(
        actor=actor,
        action="application.queue",
        object_type="service_hall.application",
        extra={"item": item_code, "district": district, "count": len(apps)},
    )
    today = clock.today()
    overrides = calendar_overrides(start=today)
    return [
        QueueRow(a, application_time_state(application=a, today=today, overrides=overrides))
        for a in apps
    ]
