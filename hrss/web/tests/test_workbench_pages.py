"""The caseworker's workbench through the test client: queue, detail, actions, 显示, conflicts."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client

from conftest import ZHANG_ID, sign_in
from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.iam.models import Account
from hrss.service_hall import services
from hrss.service_hall.models import Application, ApplicationEvent
from hrss.service_hall.workflow import Status
from hrss.web.tests.conftest import submitted_for

pytestmark = pytest.mark.django_db


def html(response, status=200) -> str:
    assert response.status_code == status, response.content.decode()[:3000]
    return response.content.decode()


def url(app, tail: str = "") -> str:
    return f"/workbench/applications/{app.pk}/{tail}"


def events(app) -> int:
    return ApplicationEvent.objects.filter(application=app).count()


def post(client, app, action, **data):
    body = {f"{action}-version": app.version, **{f"{action}-{k}": v for k, v in data.items()}}
    return client.post(url(app, f"{action}/"), body)


class TestQueue:
    def test_ordered_by_due_date_with_time_left_in_words(self, clerk_client, zhang, submitted):
        late = submitted_for(zhang, key="k-2")
        soon = submitted_for(zhang, key="k-3")
        today = clock.today()
        Application.objects.filter(pk=late.pk).update(due_date=today - timedelta(days=3))
        Application.objects.filter(pk=soon.pk).update(due_date=today)
        page = html(clerk_client.get("/workbench/"))
        assert (
            page.index(f"#{late.pk} ")
            < page.index(f"#{soon.pk} ")
            < page.index(f"#{submitted.pk} ")
        )
        assert "已超期" in page and "即将超期" in page and "未受理" in page
        assert "张*" in page and "张伟" not in page and ZHANG_ID not in page

    def test_filters_in_one_request(self, clerk_client, submitted):
        assert f"#{submitted.pk} " in html(clerk_client.get("/workbench/", {"item": "GG00301001"}))
        assert f"#{submitted.pk} " not in html(
            clerk_client.get("/workbench/", {"item": "GG00101003"})
        )
        assert f"#{submitted.pk} " not in html(
            clerk_client.get("/workbench/", {"status": "accepted"})
        )

    def test_another_district_sees_nothing(self, xiangyang_client, submitted):
        assert f"#{submitted.pk} " not in html(xiangyang_client.get("/workbench/"))

    def test_next_item_is_one_link_away(self, clerk_client, zhang, submitted):
        second = submitted_for(zhang, key="k-2")
        response = clerk_client.get("/workbench/next/", {"after": submitted.pk})
        assert response["Location"] == url(second)
        last = clerk_client.get("/workbench/next/", {"after": second.pk})
        assert last["Location"].startswith("/workbench/")

    def test_only_caseworkers_and_supervisors(self, zhang_client, client, db):
        assert zhang_client.get("/workbench/").status_code == 403
        assert client.get("/workbench/").status_code == 302


class TestDetail:
    def test_masked_with_shortcuts_and_plain_forms(self, clerk_client, submitted):
        page = html(clerk_client.get(url(submitted)))
        assert "420106********" in page and ZHANG_ID not in page and "张伟" not in page
        assert "138****1234" in page
        assert 'data-shortcut="a"' in page and 'data-shortcut="n"' in page
        assert "web/workbench.js" in page
        assert re.search(r'<form[^>]+method="post"[^>]+action="[^"]+/accept/"', page)
        assert 'name="accept-version"' in page
        assert "办理记录(全部)" in page and "提交申请" in page

    def test_reveal_needs_a_reason_and_is_audited(self, clerk_client, clerk_wuchang, submitted):
        page = html(clerk_client.post(url(submitted, "reveal/"), {"reason": ""}), 400)
        assert "请填写查看完整信息的事由" in page and ZHANG_ID not in page
        assert not AuditEntry.objects.filter(action="person.reveal").exists()
        page = html(clerk_client.post(url(submitted, "reveal/"), {"reason": "核对申请人身份"}))
        assert ZHANG_ID in page and "张伟" in page and "13812341234" in page
        entry = AuditEntry.objects.get(action="person.reveal")
        assert entry.actor_id == clerk_wuchang.pk and entry.reason == "核对申请人身份"

    def test_another_district_gets_404_and_writes_nothing(self, xiangyang_client, submitted):
        before = events(submitted)
        assert xiangyang_client.get(url(submitted)).status_code == 404
        assert post(xiangyang_client, submitted, "accept").status_code == 404
        assert xiangyang_client.post(url(submitted, "reveal/"), {"reason": "x"}).status_code == 404
        submitted.refresh_from_db()
        assert submitted.status == Status.SUBMITTED and events(submitted) == before
        assert not AuditEntry.objects.filter(action="person.reveal").exists()

    def test_missing_is_the_same_404(self, xiangyang_client, submitted):
        other = xiangyang_client.get(url(submitted))
        missing = xiangyang_client.get("/workbench/applications/999999/")
        assert other.status_code == missing.status_code == 404
        assert (
            "未找到该申请" in other.content.decode() and "未找到该申请" in missing.content.decode()
        )

    def test_supervisor_reads_but_has_no_actions(self, submitted):
        supervisor = Account.objects.create_user(
            username="sup", password="x", role="supervisor", district="420100"
        )
        client = sign_in(Client(), supervisor)
        page = html(client.get(url(submitted)))
        assert "您没有可进行的操作" in page and 'name="accept-version"' not in page
        assert post(client, submitted, "accept").status_code == 404
        submitted.refresh_from_db()
        assert submitted.status == Status.SUBMITTED


class TestActions:
    def test_accept_review_approve_complete(self, clerk_client, submitted):
        app = submitted
        for action in ("accept", "start_review", "approve", "complete"):
            response = post(clerk_client, app, action)
            assert response.status_code == 302, action
            app.refresh_from_db()
        assert app.status == Status.COMPLETED
        page = html(clerk_client.get(url(app)))
        assert "本件已结束" in page and "第 5 步,共 5 步" in page

    def test_return_lists_every_item_at_once(self, clerk_client, submitted):
        page = html(clerk_client.get(url(submitted)))
        assert 'name="return-materials"' in page and "本人近期免冠证件照" in page
        response = clerk_client.post(
            url(submitted, "return/"),
            {
                "return-version": submitted.version,
                "return-materials": ["本人近期免冠证件照"],
                "return-items": "照片背景须为白色\n身份证复印件须正反面",
            },
        )
        assert response.status_code == 302
        submitted.refresh_from_db()
        notice = ApplicationEvent.objects.filter(application=submitted, action="return").get()
        assert [d["message"] for d in notice.detail] == [
            "请重新提交:本人近期免冠证件照",
            "照片背景须为白色",
            "身份证复印件须正反面",
        ]

    def test_empty_return_and_reasonless_reject_show_errors_and_write_nothing(
        self, clerk_client, submitted
    ):
        before = events(submitted)
        page = html(post(clerk_client, submitted, "return", items=""), 400)
        assert "请至少列出一项需要补正的内容" in page and 'aria-invalid="true"' in page
        assert '<details class="action action-danger" open' in page
        page = html(post(clerk_client, submitted, "reject", reason=" "), 400)
        assert "请写明不予批准的理由" in page
        assert events(submitted) == before

    def test_stale_version_conflict_page_overwrites_nothing(self, clerk_client, submitted):
        seen = submitted.version
        assert post(clerk_client, submitted, "accept").status_code == 302
        before = events(submitted)
        submitted.version = seen  # the page drawn before someone else accepted it
        page = html(post(clerk_client, submitted, "reject", reason="材料不全"), 409)
        assert "该申请已被他人处理,您的操作没有保存" in page
        assert f"您看到的是第 {seen} 版" in page
        submitted.refresh_from_db()
        assert submitted.status == Status.ACCEPTED and events(submitted) == before

    def test_unknown_action_is_404(self, clerk_client, submitted):
        assert clerk_client.post(url(submitted, "explode/"), {}).status_code == 404

    def test_second_review_by_another_caseworker(
        self, clerk_client, clerk_wuchang, zhang, card_item
    ):
        card_item.needs_second_review = True
        card_item.save()
        app = submitted_for(zhang)
        for action in ("accept", "start_review"):
            post(clerk_client, app, action)
            app.refresh_from_db()
        page = html(clerk_client.get(url(app)))
        assert "提交复核" in page and 'name="approve-version"' not in page
        post(clerk_client, app, "send_to_second_review", note="材料齐全")
        app.refresh_from_db()
        assert "复核须由另一名经办人员进行" in html(clerk_client.get(url(app)))
        other = Account.objects.create_user(
            username="clerk2", password="x", role="caseworker", district="420106"
        )
        assert post(sign_in(Client(), other), app, "approve").status_code == 302
        app.refresh_from_db()
        assert app.status == Status.APPROVED

    def test_csrf_is_enforced(self, clerk_wuchang, submitted):
        client = sign_in(Client(enforce_csrf_checks=True), clerk_wuchang)
        assert post(client, submitted, "accept").status_code == 403
        submitted.refresh_from_db()
        assert submitted.status == Status.SUBMITTED


class TestMaterial:
    def test_staff_of_the_district_may_open_an_attached_file(
        self, clerk_client, xiangyang_client, submitted
    ):
        link = submitted.material_links.get(code="M02")
        assert clerk_client.get(f"/workbench/materials/{link.material_id}/").status_code == 200
        assert xiangyang_client.get(f"/workbench/materials/{link.material_id}/").status_code == 404


def test_progress_words_for_a_returned_then_resubmitted_application(
    zhang, clerk_wuchang, submitted, clerk_client
):
    services.application_return(
        actor=clerk_wuchang, application_id=submitted.pk, version=submitted.version, notice=["x"]
    )
    page = html(clerk_client.get(url(submitted)))
    assert "当前一次性告知" in page and "等待申请人操作" in page
