"""The applicant's pages, through the Django test client (no JavaScript anywhere)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from conftest import sign_in
from hrss.service_hall import services
from hrss.service_hall.models import Application, ApplicationEvent, ApplicationMaterial, Material
from hrss.service_hall.tests.factories import PDF, PNG
from hrss.service_hall.workflow import Status
from hrss.web.tests.conftest import CARD_ITEM, complete_materials, draft_for

pytestmark = pytest.mark.django_db


def html(response, status=200) -> str:
    assert response.status_code == status, response.content.decode()[:2000]
    return response.content.decode()


def detail_url(app) -> str:
    return f"/me/applications/{app.pk}/"


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, name
    return match.group(1)


class TestCatalog:
    def test_public_chinese_search_finds_the_item(self, client, db):
        page = html(client.get("/services/", {"q": "失业金"}))
        assert "失业保险金申领" in page
        assert "找到" in page
        assert 'role="search"' in page and 'name="q"' in page

    def test_no_match_says_what_to_try(self, client, db):
        page = html(client.get("/services/", {"q": "火星移民"}))
        assert "没有找到相关事项" in page and "12333" in page

    def test_category_filter(self, client, db):
        page = html(client.get("/services/", {"category": "card"}))
        assert "社会保障卡申领" in page and "失业保险金申领" not in page

    def test_guide_lists_conditions_materials_limits_fee_and_help(self, client, card_item):
        page = html(client.get(f"/services/{CARD_ITEM}/"))
        for text in ("办事指南", "申请条件", "承诺办结时限", "法定办结时限", "收费标准", "不收费"):
            assert text in page
        assert "本人近期免冠证件照" in page and "JPG、PNG" in page and "MB" in page
        assert "12333" in page
        assert "登录后申请" in page  # anonymous: log in first

    def test_instant_item_links_to_its_own_page(self, client, db):
        page = html(client.get("/services/GG00101001/"))
        assert "/me/certificates/insurance-proof/" in page and "我要申请" not in page

    def test_unknown_item_is_a_404_page(self, client, db):
        assert "未找到该服务事项" in html(client.get("/services/GG99999999/"), 404)


class TestApply:
    def test_apply_creates_a_draft_and_reopens_it(self, zhang_client, zhang, card_item):
        page = html(zhang_client.get(f"/services/{CARD_ITEM}/"))
        assert "我要申请" in page
        first = zhang_client.post(f"/services/{CARD_ITEM}/apply/")
        second = zhang_client.post(f"/services/{CARD_ITEM}/apply/")
        assert first.status_code == second.status_code == 302
        assert first["Location"] == second["Location"]
        assert Application.objects.filter(applicant=zhang).count() == 1

    def test_employer_item_refused_for_a_citizen(self, zhang_client, db):
        page = html(zhang_client.get("/services/GG00101004/"))
        assert "单位经办人登录后申请" in page
        assert zhang_client.post("/services/GG00101004/apply/").status_code == 403

    def test_staff_and_anonymous_cannot_apply(self, client, clerk_client, card_item):
        assert client.post(f"/services/{CARD_ITEM}/apply/").status_code == 302  # to login
        assert clerk_client.post(f"/services/{CARD_ITEM}/apply/").status_code == 403


class TestMaterials:
    def test_wrong_type_is_shown_next_to_the_field_and_nothing_is_stored(
        self, zhang_client, zhang, card_item
    ):
        app = draft_for(zhang)
        response = zhang_client.post(
            f"{detail_url(app)}materials/M02/", {"M02-file": _file("photo.pdf", PDF)}
        )
        page = html(response, 400)
        assert "本人近期免冠证件照只接受 JPG、PNG 文件,您选择的是 PDF" in page
        assert 'aria-invalid="true"' in page
        assert 'id="M02-file-error"' in page and "error-summary" in page
        assert not Material.objects.filter(owner=zhang).exists()

    def test_upload_then_view_my_file(self, zhang_client, zhang, card_item):
        app = draft_for(zhang)
        response = zhang_client.post(
            f"{detail_url(app)}materials/M02/", {"M02-file": _file("照片.png", PNG)}
        )
        assert response.status_code == 302
        page = html(zhang_client.get(detail_url(app)))
        assert "照片.png" in page and "已上传" in page
        link = ApplicationMaterial.objects.get(application=app, code="M02")
        download = zhang_client.get(f"/me/materials/{link.material_id}/")
        assert download.status_code == 200 and download.content == PNG
        assert "no-store" in download["Cache-Control"]

    def test_reuse_attaches_what_is_on_file(self, zhang_client, zhang, card_item):
        first = complete_materials(zhang, draft_for(zhang))  # an ID copy is now on file
        services.application_withdraw(actor=zhang, application_id=first.pk, version=first.version)
        app = draft_for(zhang)  # attached at creation
        assert ApplicationMaterial.objects.filter(application=app, reused=True).exists()
        page = html(zhang_client.get(detail_url(app)))
        assert "已复用(免提交)" in page


class TestSubmit:
    def test_double_click_submits_once(self, zhang_client, zhang, card_item):
        app = complete_materials(zhang, draft_for(zhang))
        page = html(zhang_client.get(detail_url(app)))
        form = {
            "version": hidden(page, "version"),
            "idempotency_key": hidden(page, "idempotency_key"),
        }
        for _ in range(2):
            assert zhang_client.post(f"{detail_url(app)}submit/", form).status_code == 302
        app.refresh_from_db()
        assert app.status == Status.SUBMITTED
        assert ApplicationEvent.objects.filter(application=app, action="submit").count() == 1

    def test_each_rendering_has_a_new_key(self, zhang_client, zhang, card_item):
        app = draft_for(zhang)
        keys = {hidden(html(zhang_client.get(detail_url(app))), "idempotency_key") for _ in "ab"}
        assert len(keys) == 2

    def test_missing_material_returns_at_once_with_the_whole_notice(
        self, zhang_client, zhang, card_item
    ):
        app = draft_for(zhang)
        page = html(zhang_client.get(detail_url(app)))
        form = {
            "version": hidden(page, "version"),
            "idempotency_key": hidden(page, "idempotency_key"),
        }
        response = zhang_client.post(f"{detail_url(app)}submit/", form, follow=True)
        page = html(response)
        assert "一次性告知" in page
        assert "缺少材料:居民身份证" in page and "缺少材料:本人近期免冠证件照" in page
        assert "补正后重新提交" in page

    def test_returned_then_resubmitted(self, zhang_client, zhang, card_item):
        app = draft_for(zhang)
        services.application_submit(
            actor=zhang, application_id=app.pk, version=app.version, idempotency_key="x"
        )
        complete_materials(zhang, app)
        page = html(zhang_client.get(detail_url(app)))
        response = zhang_client.post(
            f"{detail_url(app)}resubmit/", {"version": hidden(page, "version")}
        )
        assert response.status_code == 302
        app.refresh_from_db()
        assert app.status == Status.SUBMITTED

    def test_stale_version_shows_the_conflict_page_and_writes_nothing(
        self, zhang_client, zhang, submitted
    ):
        before = ApplicationEvent.objects.filter(application=submitted).count()
        response = zhang_client.post(
            f"{detail_url(submitted)}withdraw/", {"version": submitted.version - 1, "reason": ""}
        )
        page = html(response, 409)
        assert "您的操作没有保存" in page and "查看最新情况" in page
        submitted.refresh_from_db()
        assert submitted.status == Status.SUBMITTED
        assert ApplicationEvent.objects.filter(application=submitted).count() == before

    def test_withdraw(self, zhang_client, submitted):
        response = zhang_client.post(
            f"{detail_url(submitted)}withdraw/", {"version": submitted.version, "reason": "不办了"}
        )
        assert response.status_code == 302
        submitted.refresh_from_db()
        assert submitted.status == Status.WITHDRAWN


class TestDetailAndResult:
    def test_progress_holder_and_due_date(self, zhang_client, submitted):
        page = html(zhang_client.get(detail_url(submitted)))
        assert "办理进度" in page and 'aria-current="step"' in page
        assert "第 2 步,共 5 步" in page
        assert "武昌区人社经办机构(待受理)" in page
        assert "受理后 " in page  # due date not yet set

    def test_result_only_when_finished_then_a_pdf(
        self, zhang_client, zhang, clerk_wuchang, submitted
    ):
        assert zhang_client.get(f"{detail_url(submitted)}result/").status_code == 400
        app = submitted
        for service in (
            services.application_accept,
            services.application_start_review,
            services.application_approve,
            services.application_complete,
        ):
            app = service(actor=clerk_wuchang, application_id=app.pk, version=app.version)
        page = html(zhang_client.get(detail_url(app)))
        assert "下载办理结果(PDF)" in page and "第 5 步" in page
        response = zhang_client.get(f"{detail_url(app)}result/")
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        assert response["Content-Type"] == "application/pdf"


class TestAccess:
    def test_someone_elses_application_is_the_same_404_as_a_missing_one(self, li_client, submitted):
        other = li_client.get(detail_url(submitted))
        missing = li_client.get("/me/applications/999999/")
        assert other.status_code == missing.status_code == 404
        assert _main(other) == _main(missing)

    def test_someone_else_cannot_upload_submit_or_withdraw(self, li_client, zhang, card_item):
        app = draft_for(zhang)
        url = detail_url(app)
        assert (
            li_client.post(f"{url}materials/M02/", {"M02-file": _file("p.png", PNG)}).status_code
            == 404
        )
        assert (
            li_client.post(f"{url}submit/", {"version": 1, "idempotency_key": "k"}).status_code
            == 404
        )
        assert li_client.post(f"{url}withdraw/", {"version": 1}).status_code == 404
        app.refresh_from_db()
        assert (
            app.status == Status.DRAFT
            and not ApplicationMaterial.objects.filter(application=app, code="M02").exists()
        )

    def test_login_required_and_roles(self, client, clerk_client, db):
        response = client.get("/me/applications/")
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert clerk_client.get("/me/applications/").status_code == 403

    def test_csrf_is_enforced(self, zhang, card_item):
        client = Client(enforce_csrf_checks=True)
        client.force_login(zhang)
        assert client.post(f"/services/{CARD_ITEM}/apply/").status_code == 403
        assert not Application.objects.exists()


class TestListsAndMessages:
    def test_my_applications_and_the_message_about_a_return(
        self, django_capture_on_commit_callbacks, zhang_client, zhang, clerk_wuchang, submitted
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.application_return(
                actor=clerk_wuchang,
                application_id=submitted.pk,
                version=submitted.version,
                notice=["照片不清晰"],
            )
        page = html(zhang_client.get("/me/applications/"))
        assert "社会保障卡申领" in page and "待补正" in page
        inbox = html(zhang_client.get("/me/notifications/"))
        assert "未读" in inbox and "照片不清晰" in inbox
        note = zhang.notifications.get()
        response = zhang_client.post(f"/me/notifications/{note.pk}/read/", {"open": "1"})
        assert response["Location"] == detail_url(submitted)
        note.refresh_from_db()
        assert note.read_at is not None

    def test_someone_elses_message_is_not_found(
        self, django_capture_on_commit_callbacks, li_client, zhang, clerk_wuchang, submitted
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.application_accept(
                actor=clerk_wuchang, application_id=submitted.pk, version=submitted.version
            )
        note = zhang.notifications.get()
        assert li_client.post(f"/me/notifications/{note.pk}/read/").status_code == 404

    def test_home_shows_unread_and_recent(self, zhang_client, submitted):
        page = html(zhang_client.get("/me/"))
        assert "最近的申请" in page and "社会保障卡申领" in page


def _file(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def _main(response) -> str:
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def test_staff_sign_in_helper_is_usable(clerk_wuchang):
    assert sign_in(Client(), clerk_wuchang).get("/workbench/").status_code == 200


class TestEnglish:
    def test_pages_follow_the_language(self, client, zhang_client, clerk_client, submitted):
        client.cookies["django_language"] = "en"
        assert "No matching service" in html(client.get("/services/", {"q": "火星移民"}))
        assert "Service guide" in html(client.get(f"/services/{CARD_ITEM}/"))
        zhang_client.cookies["django_language"] = "en"
        page = html(zhang_client.get(detail_url(submitted)))
        assert "Step 2 of 5" in page and "Submitted, awaiting acceptance" in page
        clerk_client.cookies["django_language"] = "en"
        page = html(clerk_client.get("/workbench/"))
        assert "Not yet accepted" in page and "Keyboard shortcuts" in page
