"""The whole path of one application, in the real browser:

a citizen finds 社会保障卡申领 by a Chinese search, reads the guide, applies, uploads
materials (a wrong file type is refused next to its field), submits; a caseworker who
logged in through the real login page (password + TOTP) returns it with a one-time
notice; the citizen sees the notice in full, uploads again and resubmits; the
caseworker accepts (keyboard shortcut), reviews, approves and completes; the citizen
sees every step and the full timeline, and downloads the result.
"""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest

from hrss.service_hall.models import Application
from hrss.service_hall.tests.factories import PDF, PNG
from hrss.web.demo import DEMO_PASSWORD, seed_demo
from tests.browser.conftest import assert_accessible, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username: str, totp: str = "") -> None:
    page.goto("/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    if totp:
        page.get_by_label("动态验证码").fill(totp)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url("**/")
    assert "您好" in page.locator("header").inner_text()


def upload(page, tmp: Path, material: str, name: str, data: bytes) -> None:
    path = tmp / name
    path.write_bytes(data)
    page.get_by_label(material).set_input_files(str(path))
    page.locator(f"#material-{material_code(page, material)}").get_by_role(
        "button", name="上传", exact=True
    ).click()


def material_code(page, label: str) -> str:
    field = page.get_by_label(label)
    return field.get_attribute("name").split("-")[0]


def citizen_applies(page, shots: Path, tmp: Path) -> int:
    page.goto("/services/")
    page.get_by_label("搜索事项").fill("办社保卡")
    page.get_by_role("button", name="搜索").click()
    assert page.get_by_role("status").first.inner_text().startswith("“办社保卡”找到")
    shoot(page, shots, "02-catalog-search")
    assert_accessible(page)
    page.get_by_role("link", name="社会保障卡申领", exact=True).click()
    assert page.get_by_role("heading", name="办事指南").is_visible()
    shoot(page, shots, "03-item-guide")
    assert_accessible(page)
    page.get_by_role("button", name="我要申请").click()
    page.wait_for_url("**/me/applications/*/")
    upload(page, tmp, "上传:居民身份证", "身份证.pdf", PDF)
    upload(page, tmp, "上传:本人近期免冠证件照", "照片.pdf", PDF)  # wrong type
    error = page.locator(".field-error")
    assert "只接受 JPG、PNG 文件,您选择的是 PDF" in error.inner_text()
    assert page.get_by_label("上传:本人近期免冠证件照").get_attribute("aria-invalid") == "true"
    shoot(page, shots, "04-upload-error-next-to-field")
    upload(page, tmp, "上传:本人近期免冠证件照", "照片.png", PNG)
    assert page.get_by_text("照片.png").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="提交申请").click()
    assert "申请已提交" in page.locator(".messages").inner_text()
    return int(page.url.rstrip("/").split("/")[-1])


def caseworker_returns(page, shots: Path, app_id: int) -> None:
    page.goto("/workbench/")
    assert page.locator(".time-not_started").first.inner_text() == "未受理"
    shoot(page, shots, "06-workbench-queue")
    assert_accessible(page)
    page.get_by_role("link", name=f"#{app_id} 社会保障卡申领").click()
    assert "420106********" in page.locator("#main").inner_text()
    page.locator("summary", has_text="退回补正").click()
    page.get_by_label("本人近期免冠证件照").check()
    page.get_by_label("其他需补正的内容(每行一项)").fill("照片背景须为白色\n照片须露出双耳")
    shoot(page, shots, "07-workbench-return-form")
    assert_accessible(page)
    page.get_by_role("button", name="确认退回补正").click()
    assert "已退回补正" in page.locator(".messages").inner_text()


def citizen_corrects(page, shots: Path, tmp: Path, app_id: int) -> None:
    page.goto(f"/me/applications/{app_id}/")
    notice = page.locator(".notice-box")
    for item in ("请重新提交:本人近期免冠证件照", "照片背景须为白色", "照片须露出双耳"):
        assert item in notice.inner_text()
    shoot(page, shots, "08-one-time-notice")
    upload(page, tmp, "重新上传:本人近期免冠证件照", "新照片.png", PNG)
    page.get_by_role("button", name="补正后重新提交").click()
    assert "申请已提交" in page.locator(".messages").inner_text()


def caseworker_decides(page, shots: Path, app_id: int) -> None:
    page.goto(f"/workbench/applications/{app_id}/")
    page.keyboard.press("a")  # the shortcut selects 受理 …
    assert page.evaluate("document.activeElement.dataset.shortcut") == "a"
    page.keyboard.press("Enter")  # … and Enter confirms
    page.wait_for_url(f"**/workbench/applications/{app_id}/")
    assert "已受理" in page.locator(".messages").inner_text()
    for label in ("开始审核", "审核通过"):
        page.get_by_role("button", name=label).click()
    page.get_by_label("办理结果(告知申请人,选填)").fill("社保卡已制卡,请到武昌区社保卡服务网点领取")
    shoot(page, shots, "09-workbench-detail")
    page.get_by_role("button", name="办结").click()
    assert "本件已结束" in page.locator("aside").inner_text()


def test_find_apply_return_resubmit_approve_and_download(new_context, shots, tmp_path):
    uris = seed_demo()
    citizen = new_context().new_page()
    log_in(citizen, "zhangwei")
    shoot(citizen, shots, "01-home-signed-in")
    app_id = citizen_applies(citizen, shots, tmp_path)
    shoot(citizen, shots, "05-submitted")

    clerk = new_context().new_page()
    log_in(clerk, "clerk", totp=pyotp.parse_uri(uris["clerk"]).now())
    caseworker_returns(clerk, shots, app_id)
    citizen_corrects(citizen, shots, tmp_path, app_id)
    caseworker_decides(clerk, shots, app_id)

    citizen_sees_everything(citizen, shots, app_id)
    assert Application.objects.get(pk=app_id).status == "completed"


def citizen_sees_everything(page, shots: Path, app_id: int) -> None:
    page.goto(f"/me/applications/{app_id}/")
    assert page.locator(".step-done").count() == 5
    timeline = page.locator(".timeline").inner_text()
    for text in (
        "创建草稿",
        "提交申请",
        "退回补正",
        "补正后重新提交",
        "受理",
        "开始审核",
        "审核通过",
        "办结",
    ):
        assert text in timeline
    shoot(page, shots, "10-completed-timeline")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="下载办理结果(PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
