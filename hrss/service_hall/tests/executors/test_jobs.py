"""The scheduled jobs and their commands: ``run_monthly`` and ``run_certification``."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import SYSTEM
from hrss.cards.services import card_record_use
from hrss.cards.tests.helpers import active_card
from hrss.insurance.models import CertificationEvidence, PensionerCertification
from hrss.insurance.retirement import pension_grant
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months, set_param
from hrss.service_hall.models import Notification
from hrss.service_hall.tasks import certification_job_task, monthly_run_task
from hrss.service_hall.tests.executors.flow import at, citizen_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pensioner():
    """Granted on 2025-07-15: certified that day, due again on 2026-07-15."""
    set_param("average_monthly_wage", "5000", valid_from="2000-01-01")
    person = make_person(date(1965, 6, 10), name="王退休")
    pay_months(person, make_employer(), date(2000, 1, 1), 307)
    with at("2025-07-15"):
        pension_grant(actor=SYSTEM, person=person, category="male")
    return person


def run_certification(day: str, *extra: str) -> str:
    out = StringIO()
    with at(day):
        call_command("run_certification", "--on", day, *extra, stdout=out)
    return out.getvalue()


def test_a_pensioner_without_signs_of_life_is_reminded_in_the_inbox(pensioner):
    citizen = citizen_of(pensioner, "wang")

    output = run_certification("2026-07-20")

    assert PensionerCertification.objects.get(person=pensioner).status == "reminded"
    message = Notification.objects.get(recipient=citizen)
    assert message.title == "请办理养老金待遇资格认证"
    assert "逾期将暂停发放" in message.body
    assert "提醒 1" in output and "送达通知 1 条" in output


def test_card_use_is_fed_as_evidence_and_renews_silently(pensioner):
    card = active_card(pensioner)
    card_record_use(
        actor=SYSTEM,
        card=card,
        channel="hospital",
        at=datetime.fromisoformat("2026-07-01T09:00:00+08:00"),
    )

    output = run_certification("2026-07-20")

    evidence = CertificationEvidence.objects.get(person=pensioner, source="card_use")
    assert evidence.seen_on == date(2026, 7, 1)
    state = PensionerCertification.objects.get(person=pensioner)
    assert (state.status, state.certified_on) == ("certified", date(2026, 7, 1))
    assert "用卡认证依据 1 条" in output and "提醒 0" in output
    assert not Notification.objects.exists()


def test_card_use_older_than_the_window_is_not_fed(pensioner):
    card = active_card(pensioner)
    card_record_use(
        actor=SYSTEM,
        card=card,
        channel="bank",
        at=datetime.fromisoformat("2026-05-01T09:00:00+08:00"),
    )
    run_certification("2026-07-20", "--card-use-days", "31")
    assert not CertificationEvidence.objects.filter(source="card_use").exists()


@pytest.mark.parametrize(
    ("command", "args", "message"),
    [
        ("run_monthly", ["--period", "2026/05"], "月份“2026/05”格式应为 YYYY-MM"),
        (
            "run_certification",
            ["--on", "2026-13-01"],
            "日期“2026-13-01”格式应为 YYYY-MM-DD 且真实存在",
        ),
        ("run_certification", ["--on", "2026-07-01", "--card-use-days", "-1"], "--card-use-days"),
    ],
)
def test_bad_arguments_are_refused(command, args, message):
    with pytest.raises(CommandError) as refused:
        call_command(command, *args)
    assert message in str(refused.value)


def test_the_tasks_run_the_same_jobs(pensioner):
    citizen_of(pensioner, "wang")
    with at("2026-07-20"):
        certification = certification_job_task.enqueue(on="2026-07-20").return_value
        monthly = monthly_run_task.enqueue(period="2026-07").return_value
    assert certification == {"evidence": 0, "reminded": 1, "suspended": 0, "notices": 1}
    assert monthly == {"paid": 0, "stopped": 0, "registrations_closed": 0, "notices": 0}
