"""Deliver the lower areas' outbox notices as in-app messages (站内消息) and SMS.

Insurance may not import the hall (docs/adr/0002), so it writes ``insurance.Notice``
rows ("您的失业保险金自2025年06月起停止发放" …). This job reads the pending ones, writes a
``Notification`` to each active citizen account of the person, marks the notices
delivered — all in one transaction, so a re-run or a second worker finds nothing left
(rows are taken ``FOR UPDATE SKIP LOCKED`` on PostgreSQL) — and, after the commit, sends
one SMS per notice to the phone on file (at most once; the carrier template carries
only the topic, never the text). A notice whose person has neither an account nor a
phone is still marked delivered, and counted as ``unreachable``.

Cards has no outbox yet; when it gets one, add its reader beside ``_insurance_batch``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db import transaction

from hrss.core import clock
from hrss.core.actors import Actor, SystemActor
from hrss.iam.models import Account, Role
from hrss.insurance.models import Notice, NoticeTopic
from hrss.insurance.notices import notice_list_pending, notice_mark_delivered
from hrss.registry.models import Person
from hrss.registry.protection import reveal_phone
from hrss.service_hall.models import Notification
from hrss.service_hall.sms import get_sms_sender

OUTBOX_JOB = SystemActor("task:outbox_deliver")
BATCH = 500
TITLES: dict[str, str] = {
    NoticeTopic.UNEMPLOYMENT_STOPPED: "失业保险金已停发",
    NoticeTopic.UNEMPLOYMENT_EXHAUSTED: "失业保险金已领取期满",
    NoticeTopic.CERTIFICATION_REMINDER: "请办理养老金待遇资格认证",
    NoticeTopic.CERTIFICATION_SUSPENDED: "养老金已暂停发放",
    NoticeTopic.CERTIFICATION_RESUMED: "养老金已恢复发放",
}


@dataclass
class DeliveryResult:
    notices: int = 0
    notifications: int = 0
    sms: int = 0
    unreachable: int = 0


def notice_title(topic: str) -> str:
    if topic in TITLES:
        return TITLES[topic]
    return NoticeTopic(topic).label if topic in NoticeTopic.values else "社会保险通知"


def _accounts_by_person(persons: list[Person]) -> dict[str, list[int]]:
    """Blind index → ids of the active citizen accounts linked to it."""
    out: dict[str, list[int]] = {}
    rows = Account.objects.filter(
        person_index__in=[p.id_number_index for p in persons], role=Role.CITIZEN, is_active=True
    ).values_list("person_index", "pk")
    for index, pk in rows:
        out.setdefault(index, []).append(pk)
    return out


def _send_sms(phone_enc: bytes, topic: str) -> None:
    get_sms_sender().send(
        phone=reveal_phone(phone_enc),
        template=f"notice_{topic}",
        params={"topic": notice_title(topic)},
    )


def _messages_for(notices: list[Notice], out: DeliveryResult) -> list[Notification]:
    """The in-app messages of ``notices``; SMS scheduled for after the commit."""
    accounts, now, messages = _accounts_by_person([n.person for n in notices]), clock.now(), []
    for notice in notices:
        recipients = accounts.get(notice.person.id_number_index, [])
        title = notice_title(notice.topic)[:100]
        messages += [
            Notification(recipient_id=pk, title=title, body=notice.message, created_at=now)
            for pk in recipients
        ]
        phone = notice.person.phone_enc
        if phone:
            transaction.on_commit(partial(_send_sms, bytes(phone), notice.topic))
            out.sms += 1
        elif not recipients:
            out.unreachable += 1
    return messages


def _insurance_batch(actor: Actor, limit: int, out: DeliveryResult) -> int:
    """Deliver up to ``limit`` pending insurance notices in one transaction; how many."""
    with transaction.atomic():
        notices: list[Notice] = list(
            notice_list_pending(limit=limit)
            .select_related("person")
            .select_for_update(skip_locked=True, of=("self",))
        )
        if not notices:
            return 0
        messages = _messages_for(notices, out)
        Notification.objects.bulk_create(messages)
        notice_mark_delivered(actor=actor, notice_ids=[n.pk for n in notices])
    out.notices += len(notices)
    out.notifications += len(messages)
    return len(notices)


def outbox_deliver(*, actor: Actor = OUTBOX_JOB, batch: int = BATCH) -> DeliveryResult:
    """Deliver every pending outbox notice (in batches of ``batch``); safe to re-run."""
    out = DeliveryResult()
    while _insurance_batch(actor, batch, out) == batch:
        pass
    return out
