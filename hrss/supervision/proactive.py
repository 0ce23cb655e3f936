"""Proactive service (政策找人): screening results become tasks for staff and messages
for the person ("您可以申请…" with a one-click start of the right service item).

Sources: F07 hits (employed without pension enrolment → 个人参保登记), F08 hits
(insured without an active card → 社会保障卡申领), and persons who reached the
statutory retirement age with the minimum contribution and draw no pension
(→ 职工基本养老保险待遇申领; :func:`hrss.analytics.proactive.retirement_due`).

Idempotent like cases: one **open** task per kind and person (a partial unique
index); a hit for a person with an open task refreshes it and sends nothing new;
each task has exactly one message. When a run has looked at a source again, the
open tasks of that source it did not find any more are done ("已不再符合").
The portal lists the messages (:mod:`hrss.supervision.proactive_services`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import pyarrow as pa
from django.db import transaction

from hrss.analytics.context import RuleContext
from hrss.analytics.engines import Engine
from hrss.analytics.proactive import month_text, retirement_due
from hrss.analytics.rules.common import Namespace
from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.insurance.errors import ParameterMissing
from hrss.insurance.retirement import minimum_contribution_months
from hrss.registry.models import Person
from hrss.supervision.models import ProactiveKind, ProactiveMessage, ProactiveTask, ScreeningRun

CHUNK = 2000
STATUTORY_MINIMUM_MONTHS = 180  # 社会保险法 第16条, when no parameter is in force
RETIREMENT_SOURCE = "RET"
FEMALE = 2


@dataclass(frozen=True)
class Offer:
    """What a kind of task offers the person: the service item and the message."""

    kind: str
    source: str
    item_code: str
    item_name: str
    title: str
    body: str


OFFERS: dict[str, Offer] = {
    o.kind: o
    for o in (
        Offer(ProactiveKind.ENROL, "F07", "GG00101003", "个人参保登记", "您可以办理参保登记",
              "系统发现您有超过30日的用工记录,但没有查到相应的养老保险参保记录。用人单位应当"
              "自用工之日起30日内为您办理社会保险登记;您也可以在线申请个人参保登记,"
              "或向用人单位、参保地经办机构咨询。"),
        Offer(ProactiveKind.CARD, "F08", "GG00301001", "社会保障卡申领", "您可以申领社会保障卡",
              "您已参加社会保险,但名下没有在用的社会保障卡。社会保障卡可用于就医结算、"
              "待遇领取和身份凭证,点击下方按钮即可在线申领。"),
        Offer(ProactiveKind.PENSION, RETIREMENT_SOURCE, "JF00101001", "职工基本养老保险待遇申领",
              "您可以申请领取基本养老金",
              "按您的出生年月,您{when}达到法定退休年龄,累计缴费{months}个月,已满最低缴费年限,"
              "可以申请按月领取基本养老金(最早可在退休前1个月申请)。"),
    )
}  # fmt: skip
RULE_KINDS = {"F07": ProactiveKind.ENROL, "F08": ProactiveKind.CARD}


@dataclass(frozen=True)
class Found:
    """One person to approach: blind index, the staff's note, the message's values."""

    subject: str
    detail: str
    values: tuple[tuple[str, str], ...] = ()


def _message(task: ProactiveTask, found: Found, now: datetime) -> ProactiveMessage:
    offer = OFFERS[task.kind]
    return ProactiveMessage(
        task=task, person_id=task.person_id, item_code=offer.item_code, title=offer.title,
        body=offer.body.format(**dict(found.values)), created_at=now,
    )  # fmt: skip


def _record_chunk(actor: Actor, run: ScreeningRun, kind: str, found: Sequence[Found]) -> int:
    """Refresh the open tasks of these persons, open the others; returns how many opened."""
    by_key = {f.subject: f for f in found}
    now = clock.now()
    with transaction.atomic():
        persons = dict(Person.objects.filter(id_number_index__in=list(by_key))
                       .values_list("id_number_index", "id"))  # fmt: skip
        open_tasks = ProactiveTask.objects.select_for_update().filter(
            kind=kind, status=ProactiveTask.Status.OPEN, person_id__in=list(persons.values())
        )
        seen = {t.person_id: t for t in open_tasks}
        for key, person_id in persons.items():
            if person_id in seen:
                task = seen[person_id]
                task.last_seen, task.last_run, task.detail = now, run, by_key[key].detail
        ProactiveTask.objects.bulk_update(seen.values(), ["last_seen", "last_run", "detail"])
        fresh = [(by_key[k], pk) for k, pk in persons.items() if pk not in seen]
        opened = _open(run, kind, fresh, now)
        audit_record(
            actor=actor, action="proactive.tasks_recorded", object_type="supervision.screening_run",
            object_id=run.pk, extra={"kind": kind, "found": len(found), "opened": opened,
                                     "seen_again": len(seen)},
        )  # fmt: skip
    return opened


def _open(run: ScreeningRun, kind: str, fresh: list[tuple[Found, int]], now: datetime) -> int:
    if not fresh:
        return 0
    districts = dict(Person.objects.filter(pk__in=[pk for _f, pk in fresh])
                     .values_list("id", "district"))  # fmt: skip
    offer = OFFERS[kind]
    tasks = ProactiveTask.objects.bulk_create(
        ProactiveTask(
            kind=kind, person_id=pk, district=districts[pk], source=offer.source,
            item_code=offer.item_code, detail=f.detail, first_run=run, last_run=run,
            created_at=now, last_seen=now,
        )
        for f, pk in fresh
    )  # fmt: skip
    ProactiveMessage.objects.bulk_create(
        _message(task, f, now) for task, (f, _pk) in zip(tasks, fresh, strict=True)
    )
    return len(tasks)


def tasks_record(*, actor: Actor, run: ScreeningRun, kind: str, found: Iterable[Found]) -> int:
    """Record one source's persons (chunk by chunk), then close the open tasks of that
    kind this run did not find again. Returns the tasks opened."""
    opened, chunk = 0, []
    for item in found:
        chunk.append(item)
        if len(chunk) == CHUNK:
            opened += _record_chunk(actor, run, kind, chunk)
            chunk = []
    if chunk:
        opened += _record_chunk(actor, run, kind, chunk)
    _close_missing(actor, run, kind)
    return opened


def _close_missing(actor: Actor, run: ScreeningRun, kind: str) -> None:
    stale = ProactiveTask.objects.filter(kind=kind, status=ProactiveTask.Status.OPEN)
    stale = stale.exclude(last_run=run)
    closed = stale.update(
        status=ProactiveTask.Status.DONE, done_at=clock.now(), done_by="筛查复核",
        done_note=f"批次 #{run.pk} 复查时已不再符合(可能已办理)",
    )  # fmt: skip
    if closed:
        audit_record(
            actor=actor, action="proactive.tasks_closed", object_type="supervision.screening_run",
            object_id=run.pk, extra={"kind": kind, "closed": closed},
        )  # fmt: skip


def tasks_from_hits(*, actor: Actor, run: ScreeningRun, rule: str, hits: pa.Table) -> int:
    """F07 / F08 hits (``rule, subject, detail``) as tasks; other rules: nothing."""
    kind = RULE_KINDS.get(rule)
    if kind is None:
        return 0
    rows = hits.select(["subject", "detail"]).to_pylist()
    return tasks_record(
        actor=actor, run=run, kind=kind, found=(Found(r["subject"], r["detail"]) for r in rows)
    )


@cache
def _minimum(region: str, month: date) -> int:
    try:
        return minimum_contribution_months(region=region, on=month)
    except ParameterMissing:
        return STATUTORY_MINIMUM_MONTHS


def _when(due: int, gender: int, as_of: date) -> str:
    """ "已于2026年3月" / "将于…"; for a woman, the earliest (worker) reading, said so."""
    year, month = divmod(due, 12)
    passed = due <= as_of.year * 12 + as_of.month - 1
    when = f"{'已于' if passed else '将于'}{year}年{month + 1}月"
    return f"如属原法定退休年龄50周岁的女职工,{when}" if gender == FEMALE else when


def _districts(keys: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i in range(0, len(keys), CHUNK):
        rows = Person.objects.filter(id_number_index__in=keys[i : i + CHUNK])
        out.update(rows.values_list("id_number_index", "district"))
    return out


def retirement_found(engine: Engine, ns: Namespace, ctx: RuleContext) -> list[Found]:
    """Persons at retirement age with at least the minimum contribution (the dated
    parameter in force in their retirement month for their district)."""
    rows = engine.execute(retirement_due(ns, ctx)).to_pylist()
    districts = _districts([r["subject"] for r in rows])
    _minimum.cache_clear()
    out = []
    for r in rows:
        region, due = districts.get(r["subject"]), r["due"]
        if region is None or r["paid_months"] < _minimum(region, date(due // 12, due % 12 + 1, 1)):
            continue
        detail = f"{month_text(due)} 达到法定退休年龄,已缴费 {r['paid_months']} 个月,未领取养老金"
        when = _when(due, r["gender"], ctx.as_of)
        out.append(Found(r["subject"], detail, (("when", when), ("months", str(r["paid_months"])))))
    return out
