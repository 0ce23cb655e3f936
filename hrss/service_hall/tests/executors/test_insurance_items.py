"""退休 (pension grant), 转移接续 and 待遇资格认证 through the hall."""

from datetime import date

import pytest

from hrss.core.errors import DomainError
from hrss.insurance.models import PensionClaim, PensionerCertification, PensionTransfer
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months, set_param
from hrss.service_hall.tests.executors.flow import (
    approve,
    at,
    citizen_of,
    notice_messages,
    submit,
    through_hall,
    to_decision,
)

pytestmark = pytest.mark.django_db

RETIREMENT, TRANSFER, CERTIFICATION = "JF00101001", "GG00101006", "GG00101007"


@pytest.fixture
def wages():
    set_param("average_monthly_wage", "5000", valid_from="2000-01-01")
    set_param("average_monthly_wage", "6250", valid_from="2020-01-01")


@pytest.fixture
def retiree(wages):
    """A man born 1965-06 (statutory retirement 2025-08) with 307 months on a 5000 base."""
    person = make_person(date(1965, 6, 10), name="王退休")
    pay_months(person, make_employer(), date(2000, 1, 1), 307)
    return person


def test_retirement_records_the_claim_and_shows_the_monthly_pension(
    clerk_wuchang, clerk_wuchang_2, retiree
):
    citizen = citizen_of(retiree, "wang")
    with at("2025-07-15"):
        app = through_hall(citizen, clerk_wuchang, RETIREMENT, reviewer=clerk_wuchang_2)

    claim = PensionClaim.objects.get(person=retiree)
    # the numbers are those of insurance's own hand-checked case (test_pension_grant)
    assert (claim.monthly_amount, claim.retirement_month, claim.start_month) == (
        claim.basic_amount + claim.account_amount + claim.transitional_amount,
        date(2025, 8, 1),
        date(2025, 9, 1),
    )
    assert app.result == (
        "核定按月领取基本养老金:月基本养老金2447.55元(基础养老金1564.10元+个人账户养老金883.45元"
        "+过渡性养老金0.00元);退休年月2025年08月,自2025年09月起按月发放。"
    )
    assert app.events.get(action="approve").actor_id == clerk_wuchang_2.pk
    assert PensionerCertification.objects.get(person=retiree).status == "certified"


def test_a_woman_must_say_her_category_and_short_contributions_are_named(wages):
    worker = make_person(date(1975, 3, 2), male=False, name="李女士")
    pay_months(worker, make_employer(), date(2016, 5, 1), 108)
    citizen = citizen_of(worker, "li_worker")

    with at("2025-04-20"):
        without = submit(citizen, RETIREMENT)
        with_category = submit(citizen, RETIREMENT, {"category": "female_worker"})

    assert notice_messages(without) == [
        "请在申请表中选择人员类别:女职工原法定退休年龄为55周岁或50周岁"
    ]
    assert notice_messages(with_category) == ["累计缴费不满最低缴费年限(需15年,已缴9年)"]
    assert not PensionClaim.objects.exists()


def test_transfer_is_applied_for_at_the_new_place(zhang, clerk_wuchang, person_zhang):
    pay_months(
        person_zhang, make_employer(region="420600", name="襄阳原单位"), date(2015, 1, 1), 60
    )
    with at("2026-05-06"):
        missing = submit(zhang, TRANSFER)
        app = through_hall(zhang, clerk_wuchang, TRANSFER, {"from_region": "420600"})

    assert notice_messages(missing) == ["请在申请表中填写原参保地(转出地)的行政区划代码"]
    transfer = PensionTransfer.objects.get(person=person_zhang)
    assert (transfer.from_region, transfer.to_region, transfer.status) == (
        "420600",
        "420106",
        "applied",
    )
    assert app.result == (
        "养老保险关系转移接续已受理:由襄阳市转入武昌区。转入地15个工作日内发出同意接收函,"
        "转出地15个工作日内转移关系和资金,全程不超过45个工作日。"
    )


def test_a_transfer_without_contributions_there_is_returned(zhang):
    with at("2026-05-06"):
        app = submit(zhang, TRANSFER, {"from_region": "420600"})
    assert notice_messages(app) == ["在转出地没有基本养老保险缴费记录"]


def test_certification_by_face_check(clerk_wuchang, clerk_wuchang_2, retiree):
    citizen = citizen_of(retiree, "wang")
    with at("2025-07-15"):
        through_hall(citizen, clerk_wuchang, RETIREMENT, reviewer=clerk_wuchang_2)
    with at("2026-07-20"):
        app = through_hall(citizen, clerk_wuchang, CERTIFICATION)

    state = PensionerCertification.objects.get(person=retiree)
    assert (state.status, state.certified_on) == ("certified", date(2026, 7, 20))
    assert app.result == (
        "待遇资格认证已通过(认证日期2026-07-20)。请于2027-07-20前再次认证;"
        "其间有就医、用卡等记录的,系统将自动确认资格。"
    )


def test_certification_of_a_non_pensioner_is_refused(zhang, clerk_wuchang):
    with at("2026-07-20"):
        app = to_decision(submit(zhang, CERTIFICATION), clerk_wuchang)
        with pytest.raises(DomainError) as refused:
            approve(app, clerk_wuchang)
    assert refused.value.message == "您未领取养老金,无需办理待遇资格认证"
