"""退休 in the real browser: 王退休 (born 1965-06, statutory retirement 2025-08, 307 months
of contributions) applies for 职工基本养老保险待遇申领 in July 2025; one caseworker
reviews it and sends it to a second (复核), who approves it; he reads his monthly
pension and its three parts in the result. Anyone may then estimate a pension on the
public calculator page, without logging in and without JavaScript."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from hrss.insurance.models import PensionClaim
from hrss.insurance.tests.helpers import make_employer, make_person, pay_months, set_param
from hrss.service_hall.tests.executors.flow import at, citizen_of
from hrss.service_hall.tests.factories import PDF
from tests.browser.business_helpers import (
    act,
    caseworker,
    find_item,
    result_text,
    signed_in,
    start_application,
    submit,
    upload,
)
from tests.browser.conftest import assert_accessible, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# insurance's hand-checked case (test_pension_grant, test_insurance_items)
GRANTED = (
    "核定按月领取基本养老金:月基本养老金2447.55元(基础养老金1564.10元+个人账户养老金883.45元"
    "+过渡性养老金0.00元);退休年月2025年08月,自2025年09月起按月发放。"
)


def retiree():
    set_param("average_monthly_wage", "5000", valid_from="2000-01-01")
    set_param("average_monthly_wage", "6250", valid_from="2020-01-01")
    person = make_person(date(1965, 6, 10), name="王退休")
    pay_months(person, make_employer(), date(2000, 1, 1), 307)
    return person


def test_retirement_shows_the_pension_and_the_calculator_its_steps(
    new_context, shots, tmp_path, clerk_wuchang
):
    person = retiree()
    reviewer = caseworker("clerk_wuchang_2")
    with at("2025-07-15"):
        citizen = signed_in(new_context, citizen_of(person, "wang"))
        find_item(citizen, "退休", "职工基本养老保险待遇申领")
        app_id = start_application(citizen)
        upload(citizen, tmp_path, "居民身份证", "身份证.pdf", PDF)
        submit(citizen)  # pre-review: retirement month 2025-08 is due, 25年7个月 ≥ 15年

        first = signed_in(new_context, clerk_wuchang)
        act(first, app_id, "受理", "开始审核", "提交复核")
        expect(first.locator("aside")).to_contain_text("复核须由另一名经办人员进行")
        expect(first.get_by_role("button", name="审核通过")).to_have_count(0)

        second = signed_in(new_context, reviewer)
        act(second, app_id, "审核通过", "办结")
        shoot(second, shots, "37-pension-second-review")

        result = result_text(citizen, app_id)
        assert GRANTED in result
        assert_accessible(citizen)
        shoot(citizen, shots, "38-pension-result")

    claim = PensionClaim.objects.get(person=person)
    assert (claim.monthly_amount, claim.basic_amount, claim.account_amount) == (
        Decimal("2447.55"),
        Decimal("1564.10"),
        Decimal("883.45"),
    )

    visitor = new_context(javascript=False).new_page()  # not logged in, no JavaScript
    visitor.goto("/services/")
    visitor.get_by_role("link", name="养老金测算").click()
    visitor.get_by_label("出生年月").fill("1965-06")
    visitor.get_by_label("人员类别").select_option("male")
    visitor.get_by_label("缴费年限(年,含视同缴费年限)").fill("30")
    visitor.get_by_label("本人平均缴费指数").fill("1")
    visitor.get_by_label("退休时个人账户储存额(元)").fill("100000")
    visitor.get_by_role("button", name="开始测算").click()
    # retires 2025-08 at 60y2m: C = 6250, 计发月数 139
    # 基础 6250 × (1+1) ÷ 2 × 30 × 1% = 1875.00; 个人账户 100000 ÷ 139 = 719.42; 合计 2594.42
    expect(visitor.get_by_role("status")).to_have_text("月基本养老金约 2594.42 元")
    steps = visitor.locator("tbody tr")
    expect(steps.locator("th")).to_have_text(
        [
            "计发基数C(上年度全口径城镇单位就业人员月平均工资)",
            "本人平均缴费指数Ī",
            "缴费年限N(含视同缴费年限)",
            "基础养老金",
            "计发月数",
            "个人账户养老金",
            "过渡性养老金",
            "月基本养老金合计",
        ]
    )
    expect(steps.locator("td.num")).to_have_text(
        ["6250.00", "1", "30年", "1875.00", "139", "719.42", "0.00", "2594.42"]
    )
    expect(visitor.locator(".result-box")).to_contain_text("2025-08(60岁2个月)")
    assert_accessible(visitor)
    shoot(visitor, shots, "39-pension-calculator")
