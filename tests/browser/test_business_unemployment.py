"""失业保险金 in the real browser, from the application to the first payment and its stop.

张伟 worked three years (unemployment insurance paid every month) until his contract
ended on 2026-03-31. On 2026-04-10 he registers as unemployed (失业登记) and applies for
失业保险金 in the portal; a caseworker of 武昌区 handles both in the workbench, and he
reads what was granted. The April run pays the first month, which he sees in 我的权益记录.
He starts a new job on 2026-05-20; the May run pays May, stops the benefit from June,
and his messages say why.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import SYSTEM
from hrss.insurance import services as insurance_services
from hrss.insurance.models import BenefitPayment, UnemploymentBenefitClaim
from hrss.insurance.tests.helpers import make_employer, pay_months, set_param
from hrss.registry import services as registry_services
from hrss.service_hall.tests.executors.flow import at
from hrss.service_hall.tests.factories import PDF
from tests.browser.business_helpers import (
    act,
    find_item,
    result_text,
    signed_in,
    start_application,
    submit,
    upload,
)
from tests.browser.conftest import assert_accessible, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GRANTED = (
    "核定失业保险金:每月1989.00元,共12个月,自2026年04月起按月发放;重新就业的,自次月起停止发放。"
)
STOPPED = "因2026年05月重新就业,您的失业保险金自2026年06月起停止发放。"


def laid_off(person) -> None:
    """Three years at one employer, contract ended 2026-03-31, 36 months of 失业保险 paid;
    武汉's minimum wage 2210 × 90 % = 1989.00 a month."""
    employer = make_employer(name="原单位")
    job = registry_services.employment_file(
        actor=SYSTEM, person=person, employer=employer, start_date="2023-04-01"
    )
    registry_services.employment_end(
        actor=SYSTEM, employment=job, end_date="2026-03-31", end_reason="contract_end"
    )
    insurance_services.enrolment_register(
        actor=SYSTEM,
        person=person,
        insurance="unemployment",
        employer=employer,
        start_month="2023-04",
        end_month="2026-03",
    )
    pay_months(person, employer, date(2023, 4, 1), 36, insurance="unemployment")
    set_param("minimum_monthly_wage", "2210", region="420100", valid_from="2024-01-01")
    set_param("unemployment_benefit_ratio", "0.9", valid_from="2024-01-01")


def run_monthly(period: str) -> str:
    out = StringIO()
    call_command("run_monthly", "--period", period, stdout=out)
    return out.getvalue()


def payments_table(page):
    """The rows of 待遇发放 on 我的权益记录."""
    return page.locator("section", has=page.locator("#payments-title")).locator("tbody tr")


def register_unemployed(citizen, clerk, tmp) -> None:
    """失业登记, fully online: the ID copy uploaded here is reused by the next application."""
    find_item(citizen, "失业登记", "失业登记")
    app_id = start_application(citizen)
    upload(citizen, tmp, "居民身份证", "身份证.pdf", PDF)
    submit(citizen)
    act(clerk, app_id, "受理", "开始审核", "审核通过", "办结")
    assert "已办理失业登记:登记日期2026-04-10,登记地武昌区" in result_text(citizen, app_id)


def apply_for_benefit(citizen, shots, tmp) -> int:
    find_item(citizen, "失业金", "失业保险金申领", shots=shots, shot="30-unemployment-search")
    app_id = start_application(citizen)
    id_copy = citizen.locator("#material-M01")
    expect(id_copy).to_contain_text("已复用(免提交)")  # from the 失业登记
    upload(citizen, tmp, "解除或者终止劳动关系的证明", "终止劳动合同证明.pdf", PDF)
    shoot(citizen, shots, "31-unemployment-application")
    assert_accessible(citizen)
    submit(citizen)  # passes the pre-review: 36 months, contract ended, registered
    return app_id


def test_benefit_from_application_to_first_payment_and_stop_on_reemployment(
    new_context, shots, tmp_path, zhang, person_zhang, clerk_wuchang
):
    laid_off(person_zhang)

    with at("2026-04-10"):
        citizen = signed_in(new_context, zhang)
        clerk = signed_in(new_context, clerk_wuchang)
        register_unemployed(citizen, clerk, tmp_path)

        app_id = apply_for_benefit(citizen, shots, tmp_path)

        clerk.goto("/workbench/")
        clerk.get_by_role("link", name=f"#{app_id} 失业保险金申领").click()
        act(clerk, app_id, "受理", "开始审核", "审核通过")
        expect(clerk.locator(".timeline")).to_contain_text(GRANTED)  # the approval's note
        act(clerk, app_id, "办结")
        shoot(clerk, shots, "32-unemployment-workbench")

        result = result_text(citizen, app_id)
        assert GRANTED in result  # 12 months, 1989.00 a month, from April
        shoot(citizen, shots, "33-unemployment-result")
    claim = UnemploymentBenefitClaim.objects.get(person=person_zhang)
    assert (claim.months_granted, claim.monthly_amount) == (12, Decimal("1989.00"))

    with at("2026-04-30"):
        assert "失业保险金发放 1 人" in run_monthly("2026-04")
        citizen = signed_in(new_context, zhang)
        citizen.goto("/me/")
        citizen.get_by_role("link", name="权益记录", exact=True).click()
        payments = payments_table(citizen)
        expect(payments).to_have_count(1)
        expect(payments.first.locator("td")).to_have_text(
            ["失业保险金", "2026-04", "1989.00", "2026-04-30"]
        )
        assert_accessible(citizen)
        shoot(citizen, shots, "34-unemployment-first-payment")

    registry_services.employment_file(
        actor=SYSTEM,
        person=person_zhang,
        employer=make_employer(name="新单位"),
        start_date="2026-05-20",
    )
    with at("2026-06-01"):
        output = run_monthly("2026-05")
        assert "失业保险金发放 1 人" in output and "停发 1" in output
        citizen = signed_in(new_context, zhang)
        citizen.goto("/me/")
        citizen.get_by_role("link", name="消息", exact=True).click()
        message = citizen.locator(".inbox li", has_text="失业保险金已停发")
        expect(message).to_contain_text(STOPPED)  # re-employed in May, stopped from June
        expect(message.locator(".tag")).to_have_text("未读")
        shoot(citizen, shots, "35-unemployment-stopped-notice")
        assert_accessible(citizen)
        citizen.get_by_role("link", name="权益记录", exact=True).click()
        expect(payments_table(citizen).locator("td:nth-child(2)")).to_have_text(
            ["2026-05", "2026-04"]
        )

    claim.refresh_from_db()
    assert (claim.status, claim.stop_reason, claim.stopped_from) == (
        "stopped",
        "reemployed",
        date(2026, 6, 1),
    )
    assert list(
        BenefitPayment.objects.filter(person=person_zhang)
        .order_by("period")
        .values_list("period", flat=True)
    ) == [date(2026, 4, 1), date(2026, 5, 1)]
