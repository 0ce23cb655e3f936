"""就业登记, 就业困难人员认定 and 《就业创业证》申领 through the hall."""

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.core.errors import DomainError
from hrss.employment import services as employment_services
from hrss.employment.models import EmploymentRegistration, EntrepreneurshipCard
from hrss.registry.models import KeyGroupTag
from hrss.service_hall.tests.executors.flow import (
    approve,
    at,
    notice_messages,
    submit,
    through_hall,
    to_decision,
)

pytestmark = pytest.mark.django_db

EMPLOYED, HARDSHIP, CARD = "GG00401001", "QR00401001", "GG00401004"


@pytest.fixture
def registered(person_zhang):
    """张伟 registered as unemployed in 武昌区 on 2026-04-10 (his first 就业创业证)."""
    with at("2026-04-10"):
        employment_services.unemployment_register(
            actor=SYSTEM, person=person_zhang, on=date(2026, 4, 10)
        )
    return person_zhang


def test_employment_registration_ends_the_unemployment_registration(
    zhang, clerk_wuchang, registered
):
    with at("2026-06-03"):
        app = through_hall(zhang, clerk_wuchang, EMPLOYED, {"start_date": "2026-06-01"})

    assert app.result == (
        "已办理就业登记:就业日期2026-06-01,灵活就业或自主创业。原失业登记(登记日期2026-04-10)同时终止。"
    )
    rows = EmploymentRegistration.objects.filter(person=registered).order_by("registered_on")
    assert [(r.kind, r.status) for r in rows] == [
        ("unemployment", "ended"),
        ("employment", "active"),
    ]


def test_an_unknown_employer_in_the_form_refuses_the_approval(zhang, clerk_wuchang, registered):
    with at("2026-06-03"):
        app = to_decision(
            submit(zhang, EMPLOYED, {"employer_uscc": "91420106MA4KXXXX0X"}), clerk_wuchang
        )
        with pytest.raises(DomainError) as refused:
            approve(app, clerk_wuchang)
    assert refused.value.message == "未找到统一社会信用代码为91420106MA4KXXXX0X的用人单位"
    assert EmploymentRegistration.objects.get(person=registered).status == "active"


def test_hard_to_employ_recognition_needs_a_second_caseworker(
    zhang, clerk_wuchang, clerk_wuchang_2, registered
):
    with at("2026-05-06"):
        app = through_hall(
            zhang, clerk_wuchang, HARDSHIP, {"reason": "disabled"}, reviewer=clerk_wuchang_2
        )

    tag = KeyGroupTag.objects.get(person=registered)
    assert (tag.group, tag.valid_from) == ("hard_to_employ", date(2026, 5, 6))
    assert app.result == "已认定为就业困难人员(情形:残疾人),自2026-05-06起纳入就业援助范围。"
    assert app.events.get(action="approve").actor_id == clerk_wuchang_2.pk


def test_hard_to_employ_without_registration_is_returned_at_pre_review(zhang):
    with at("2026-05-06"):
        app = submit(zhang, HARDSHIP, {"reason": "low_income"})
    assert app.status == "returned"
    assert notice_messages(app)[0] == "未办理失业登记(就业困难人员认定须先在常住地办理失业登记)"


def test_the_card_is_not_issued_twice(zhang, clerk_wuchang, registered):
    with at("2026-05-06"):
        app = to_decision(submit(zhang, CARD), clerk_wuchang)
        with pytest.raises(DomainError) as refused:
            approve(app, clerk_wuchang)
    assert refused.value.code == "employment.card_exists"
    assert refused.value.message == "您已于2026-04-10领取《就业创业证》(编号4201062026000001)"
    assert EntrepreneurshipCard.objects.count() == 1


def test_a_person_registered_as_employed_gets_the_card_on_request(
    zhang, clerk_wuchang, person_zhang
):
    with at("2026-05-06"):
        employment_services.employment_register(
            actor=SYSTEM, person=person_zhang, on=date(2026, 5, 6)
        )
        app = through_hall(zhang, clerk_wuchang, CARD)
    assert app.result == "已发放《就业创业证》,编号4201062026000001,发证日期2026-05-06。"
