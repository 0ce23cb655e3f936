"""Proactive-service tasks for staff and messages for the person: reads and updates.

Staff (caseworkers, inspectors, supervisors) see the tasks of their district and
mark them done; anyone else, and a missing id, get the same not-found. The portal
lists a person's messages (``proactive_message_list``) and renders each with a
one-click link to the service item ``item_code`` (e.g. ``GG00301001`` 社会保障卡申领);
opening one marks it read.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import NotFound
from hrss.iam.models import DISTRICT_ROLES, district_prefix
from hrss.registry.models import Person
from hrss.supervision.models import ProactiveMessage, ProactiveTask


def proactive_task_list_for_actor(
    *, actor: Actor, kind: str = "", status: str = ProactiveTask.Status.OPEN
) -> QuerySet[ProactiveTask]:
    """The tasks of the actor's district (none for other roles), newest first."""
    district = getattr(actor, "district", "")
    if actor.role not in DISTRICT_ROLES or not district:
        return ProactiveTask.objects.none()
    tasks = ProactiveTask.objects.filter(district__startswith=district_prefix(district))
    if kind:
        tasks = tasks.filter(kind=kind)
    if status:
        tasks = tasks.filter(status=status)
    return tasks.select_related("person").order_by("-last_seen", "-id")


@transaction.atomic
def proactive_task_done(*, actor: Actor, task_id: int, note: str = "") -> ProactiveTask:
    """办结: the person was reached (or served); audited. Not-found outside the district."""
    scoped = proactive_task_list_for_actor(actor=actor, status="")
    task: Any = scoped.select_for_update(of=("self",)).filter(pk=task_id).first()
    if task is None:
        raise NotFound()
    if task.status == ProactiveTask.Status.OPEN:
        task.status, task.done_at = ProactiveTask.Status.DONE, clock.now()
        task.done_by, task.done_note = actor.get_username()[:150], (note or "").strip()[:200]
        task.save(update_fields=["status", "done_at", "done_by", "done_note"])
        audit_record(
            actor=actor, action="proactive.task_done", object_type="supervision.proactive_task",
            object_id=task.pk, person_id=task.person_id, extra={"kind": task.kind},
        )  # fmt: skip
    return task


def proactive_message_list(
    *, person: Person, unread_only: bool = False
) -> QuerySet[ProactiveMessage]:
    """A person's messages ("您可以申请…"), newest first. The caller has established
    that the signed-in account is this person (``registry`` ``person_of_account``)."""
    messages = ProactiveMessage.objects.filter(person=person)
    return messages.filter(read_at__isnull=True) if unread_only else messages


def proactive_message_mark_read(*, person: Person, message_id: int) -> ProactiveMessage:
    """Mark one of the person's messages read (another person's: not found)."""
    message = ProactiveMessage.objects.filter(person=person, pk=message_id).first()
    if message is None:
        raise NotFound()
    if message.read_at is None:
        message.read_at = clock.now()
        message.save(update_fields=["read_at"])
    return message
