"""政策找人: F08 hits and persons at retirement age become one task and one message each;
a re-run adds none; a task whose person is no longer found is done by the next run."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.identifiers.id_number import build_id_number
from hrss.iam.models import Account
from hrss.insurance.models import Enrolment
from hrss.insurance.tests.helpers import make_employer, pay_months
from hrss.registry import services as registry
from hrss.supervision.models import ProactiveMessage, ProactiveTask
from hrss.supervision.proactive_services import (
    proactive_message_list,
    proactive_message_mark_read,
    proactive_task_done,
    proactive_task_list_for_actor,
)
from hrss.supervision.screening import screening_run
from hrss.supervision.snapshot import take_snapshot
from hrss.supervision.tests.factories import AS_OF

pytestmark = pytest.mark.django_db


def _person(born: date, seq: int, *, region: str = "420106", name: str = "赵退休"):
    return registry.person_register(
        actor=SYSTEM, id_number=build_id_number(region, born, seq), name=name,
        gender=1 if seq % 2 else 2, birth_date=born, hukou_region=region,
    )  # fmt: skip


def _screen(folder, rules="F08", retirement=False):
    take_snapshot(folder)
    return screening_run(
        actor=SYSTEM, snapshot=folder, as_of=AS_OF, rules=rules, retirement=retirement
    )


def _insured_without_card():
    person = _person(date(1990, 5, 1), 31, name="钱参保")
    Enrolment.objects.create(person=person, insurance="medical", start_month=date(2024, 1, 1))
    return person


def test_f08_hit_becomes_one_task_and_one_message_and_a_rerun_adds_none(tmp_path):
    person = _insured_without_card()

    first = _screen(tmp_path)
    _screen(tmp_path)

    task = ProactiveTask.objects.get()
    assert (task.kind, task.person, task.district, task.status) == (
        "card",
        person,
        "420106",
        "open",
    )
    assert (task.source, task.item_code, task.first_run) == ("F08", "GG00301001", first.run)
    message = ProactiveMessage.objects.get()
    assert (message.person, message.item_code, message.title) == (
        person,
        "GG00301001",
        "您可以申领社会保障卡",
    )
    assert first.run.tasks_opened == 1 and first.tasks_opened == 1
    assert ProactiveTask.objects.get().last_run != first.run  # the re-run refreshed it
    assert AuditEntry.objects.filter(action="proactive.tasks_recorded").count() == 2


def test_a_task_not_found_again_is_done_by_the_next_run(tmp_path):
    person = _insured_without_card()
    _screen(tmp_path)
    Enrolment.objects.filter(person=person).update(end_month=date(2025, 1, 1))

    _screen(tmp_path)

    task = ProactiveTask.objects.get()
    assert (task.status, task.done_by) == ("done", "筛查复核")
    assert AuditEntry.objects.filter(action="proactive.tasks_closed").exists()


def test_retirement_age_with_the_minimum_contribution_and_no_pension(tmp_path):
    employer = make_employer()
    due = _person(date(1965, 1, 15), 41)  # man: statutory month 2025-02 (60 years 1 month)
    pay_months(due, employer, date(2010, 1, 1), 180)
    short = _person(date(1965, 1, 15), 43, name="孙未满")
    pay_months(short, employer, date(2015, 1, 1), 120)
    young = _person(date(1970, 1, 15), 45, name="周未到")
    pay_months(young, employer, date(2005, 1, 1), 200)

    outcome = _screen(tmp_path, rules="F01", retirement=True)

    task = ProactiveTask.objects.get(kind="pension")
    assert (task.person, task.source, task.item_code) == (due, "RET", "JF00101001")
    assert "2025-02 达到法定退休年龄,已缴费 180 个月" in task.detail
    body = task.message.body
    assert "已于2025年2月达到法定退休年龄,累计缴费180个月" in body
    assert outcome.run.tasks_opened == 1


def test_staff_see_their_district_and_the_person_sees_their_messages(tmp_path):
    person = _insured_without_card()
    other = _person(date(1991, 5, 1), 33, region="420602", name="吴襄阳")
    Enrolment.objects.create(person=other, insurance="medical", start_month=date(2024, 1, 1))
    _screen(tmp_path)
    wuchang = Account.objects.create_user("cw", password="x", role="caseworker", district="420106")

    tasks = proactive_task_list_for_actor(actor=wuchang)
    assert [t.person for t in tasks] == [person]
    foreign = ProactiveTask.objects.get(person=other)
    with pytest.raises(Exception) as caught:
        proactive_task_done(actor=wuchang, task_id=foreign.pk)
    assert caught.value.code == "not_found"
    done = proactive_task_done(actor=wuchang, task_id=tasks[0].pk, note="已电话告知")
    assert (done.status, done.done_note) == ("done", "已电话告知")

    messages = proactive_message_list(person=person, unread_only=True)
    assert [m.item_code for m in messages] == ["GG00301001"]
    proactive_message_mark_read(person=person, message_id=messages[0].pk)
    assert not proactive_message_list(person=person, unread_only=True).exists()
    with pytest.raises(Exception) as caught:
        proactive_message_mark_read(person=other, message_id=messages[0].pk)
    assert caught.value.code == "not_found"
