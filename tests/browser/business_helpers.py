"""What the business-flow browser tests share: a citizen finds an item and applies in
the portal, a caseworker moves the application on in the workbench.

The clock (``hrss.core.clock``) is one per process, so freezing it in the test also
freezes it for the live server's threads: the pages, the services behind them and the
``run_monthly`` command all see the same day. A session's idle check reads that clock
too, so each phase of a test (a new day) opens fresh browser contexts.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from hrss.iam.models import Account
from tests.browser.conftest import shoot


def caseworker(username: str, district: str = "420106") -> Account:
    return Account.objects.create_user(
        username=username, password="Test-Passw0rd!", role="caseworker", district=district
    )


def signed_in(new_context, account: Account) -> Page:
    """A new browser context signed in as ``account`` (session made by today's clock)."""
    return new_context(account=account).new_page()


def find_item(
    page: Page, query: str, name: str, *, shots: Path | None = None, shot: str = ""
) -> None:
    """Search the catalog in Chinese and open the item's guide (a screenshot of the hits
    when ``shots`` is given)."""
    page.goto("/services/")
    page.get_by_label("搜索事项").fill(query)
    page.get_by_role("button", name="搜索").click()
    expect(page.get_by_role("status").first).to_contain_text(f"“{query}”找到")
    if shots is not None:
        shoot(page, shots, shot)
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", name="办事指南")).to_be_visible()


def start_application(page: Page) -> int:
    """我要申请 on the guide: the draft opens; returns its number."""
    page.get_by_role("button", name="我要申请").click()
    page.wait_for_url(re.compile(r"/me/applications/\d+/$"))
    return int(page.url.rstrip("/").split("/")[-1])


def upload(page: Page, tmp: Path, material: str, filename: str, data: bytes) -> None:
    """Choose a file for ``material`` and press its 上传 button."""
    path = tmp / filename
    path.write_bytes(data)
    field = page.get_by_label(f"上传:{material}", exact=True)
    field.set_input_files(str(path))
    code = (field.get_attribute("name") or "").split("-")[0]
    page.locator(f"#material-{code}").get_by_role("button", name="上传", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("材料已上传")
    expect(page.locator(f"#material-{code}")).to_contain_text(filename)


def submit(page: Page) -> None:
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator(".messages")).to_contain_text("申请已提交")


def act(page: Page, app_id: int, *labels: str) -> None:
    """Open the application in the workbench and take each action in turn (受理, 开始审核 …),
    each confirmed by the page's message."""
    if not page.url.endswith(f"/workbench/applications/{app_id}/"):
        page.goto(f"/workbench/applications/{app_id}/")
    for label in labels:
        page.get_by_role("button", name=re.compile(f"^{label}")).click()
        expect(page.locator(".messages")).to_contain_text(f"已{label}")


def result_text(page: Page, app_id: int) -> str:
    """The citizen's view of the application's result (办理结果)."""
    page.goto(f"/me/applications/{app_id}/")
    box = page.locator(".result-box")
    expect(box).to_be_visible()
    return box.inner_text()
