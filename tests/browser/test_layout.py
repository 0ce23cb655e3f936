"""Layout, large text and no-JavaScript use, in the real browser."""

from __future__ import annotations

import pytest

from hrss.iam.models import Account
from hrss.web.demo import seed_demo
from hrss.web.tests.conftest import submitted_for
from tests.browser.conftest import PHONE, assert_accessible, assert_fits, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_phone_width_pages_fit_and_are_labelled(new_context, shots):
    seed_demo()
    zhang = Account.objects.get(username="zhangwei")
    submitted_for(zhang)
    page = new_context(viewport=PHONE, account=zhang).new_page()
    for url, name in (
        ("/", "20-phone-home"),
        ("/services/?q=失业金", "21-phone-catalog"),
        ("/services/JF00201001/", "22-phone-guide"),
        ("/me/applications/", "23-phone-applications"),
        ("/me/records/", "24-phone-records"),
    ):
        page.goto(url)
        assert_fits(page, PHONE["width"])
        assert_accessible(page)
        shoot(page, shots, name)
    page.goto(page.locator("a[href^='/me/applications/']").last.get_attribute("href") or "/")
    assert_fits(page, PHONE["width"])
    shoot(page, shots, "25-phone-application")

    clerk = new_context(viewport=PHONE, account=Account.objects.get(username="clerk")).new_page()
    clerk.goto("/workbench/")
    assert_fits(clerk, PHONE["width"])
    shoot(clerk, shots, "26-phone-queue")


def test_large_text_is_switched_on_every_page_and_remembered(new_context, shots):
    seed_demo()
    page = new_context(account=Account.objects.get(username="zhangwei")).new_page()
    page.goto("/services/")
    page.get_by_role("link", name="大字版").click()
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 18
    page.goto("/me/")
    assert "large-text" in (page.locator("body").get_attribute("class") or "")
    heights = page.evaluate(
        "[...document.querySelectorAll('.button, .tool')]"
        ".map(b => b.getBoundingClientRect().height)"
    )
    assert min(heights) >= 44
    shoot(page, shots, "27-large-text-home")


def test_workbench_and_kpis_work_without_javascript(new_context, shots):
    seed_demo()
    app = submitted_for(Account.objects.get(username="zhangwei"))
    clerk = Account.objects.get(username="clerk")
    page = new_context(javascript=False, account=clerk).new_page()
    page.goto("/workbench/")
    page.get_by_label("事项").select_option("GG00301001")
    page.get_by_role("button", name="筛选").click()
    page.get_by_role("link", name=f"#{app.pk} 社会保障卡申领").click()
    page.locator("summary", has_text="显示完整信息").click()
    page.get_by_label("查看事由").fill("核对申请人身份")
    page.get_by_role("button", name="显示", exact=True).click()
    assert "42010619850314" in page.locator("#main").inner_text()
    page.get_by_role("button", name="受理").click()
    assert "已受理" in page.locator(".messages").inner_text()
    page.goto("/workbench/kpis/")
    assert_accessible(page)
    shoot(page, shots, "28-kpis")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
