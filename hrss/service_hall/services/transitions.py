"""The one way an application changes state (used by every service in this package).

Inside the caller's transaction: lock the row, check who acts and the ``version``
they saw, apply :func:`hrss.service_hall.workflow.next_status`, write the event row
and the audit row, and schedule the applicant's notification for after the commit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Max

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor, SystemActor
from hrss.service_hall.errors import ApplicationNotFound, StaleVersion
from hrss.service_hall.messages import template_for
from hrss.service_hall.models import Application, ApplicationEvent
from hrss.service_hall.workflow import Action, Status, next_status

Permission = Callable[[Actor, Application], bool]
PRE_REVIEW = SystemActor("pre-review")


def lock_application(
    *, actor: Actor, application_id: int, allowed: Permission, version: int | None
) -> Application:
    """The application, locked for this transaction; ``ApplicationNotFound`` when missing
    or not ``allowed`` for ``actor``; ``StaleVersion`` when ``version`` is not current."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("item", "person", "employer")
        .filter(pk=application_id)
        .first()
    )
    if application is None or not allowed(actor, application):
        raise ApplicationNotFound()
    if version is not None:
        check_version(application, version)
    return application


def application_actor_id(actor: Actor) -> int:
    """The account id of an applicant-side actor (accounts only, never a system actor)."""
    if actor.pk is None:
        raise ApplicationNotFound()
    return actor.pk


def check_version(application: Application, version: int) -> None:
    """Optimistic locking: the caller must have seen the current version."""
    if application.version != version:
        raise StaleVersion(extra={"current_version": application.version})


def record_event(
    *,
    application: Application,
    actor: Actor,
    action: str,
    from_status: str,
    note: str = "",
    detail: list[dict[str, Any]] | None = None,
) -> ApplicationEvent:
    """Append the next event row (the caller holds the application's row lock)."""
    last = application.events.aggregate(last=Max("seq"))["last"] or 0
    return ApplicationEvent.objects.create(
        application=application,
        seq=last + 1,
        from_status=from_status,
        to_status=application.status,
        action=action,
        actor_id=actor.pk,
        actor_name=actor.get_username()[:150],
        actor_role=str(actor.role)[:32],
        note=note,
        detail=detail or [],
        at=clock.now(),
    )


def audit_transition(*, actor: Actor, event: ApplicationEvent, application: Application) -> None:
    audit_record(
        actor=actor,
        action=f"application.{event.action}",
        object_type="service_hall.application",
        object_id=application.pk,
        person_id=application.person_id,
        extra={
            "item": application.item.code,
            "from": event.from_status,
            "to": event.to_status,
            "seq": event.seq,
            "version": application.version,
        },
    )


def notify_on_commit(event: ApplicationEvent) -> None:
    """After commit, queue the applicant's message about ``event`` (if its action has one)."""
    if template_for(event.action) is None:
        return
    from hrss.service_hall.tasks import notify_application_event  # the task imports services

    transaction.on_commit(partial(notify_application_event.enqueue, event_id=event.pk))


def apply_action(
    *,
    actor: Actor,
    application: Application,
    action: Action,
    note: str = "",
    detail: list[dict[str, Any]] | None = None,
    changes: dict[str, Any] | None = None,
) -> ApplicationEvent:
    """Move ``application`` (locked by the caller) by ``action``; set ``changes``; record it."""
    new_status: Status = next_status(application.status, action)
    old_status = application.status
    application.status = new_status
    application.version += 1
    for name, value in (changes or {}).items():
        setattr(application, name, value)
    application.save(update_fields=["status", "version", *(changes or {})])
    event = record_event(
        application=application,
        actor=actor,
        action=action,
        from_status=old_status,
        note=note,
        detail=detail,
    )
    audit_transition(actor=actor, event=event, application=application)
    notify_on_commit(event)
    return event
