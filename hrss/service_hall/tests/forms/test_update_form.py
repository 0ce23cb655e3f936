"""``application_update_form`` and the portal's 申请信息 fieldset."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from hrss.audit.models import AuditEntry
from hrss.core.errors import InvalidTransition, ValidationFailed
from hrss.service_hall import services
from hrss.service_hall.errors import ApplicationNotFound, StaleVersion
from hrss.service_hall.models import Application
from hrss.service_hall.tests.factories import approved, upload_all

pytestmark = pytest.mark.django_db

RETIREMENT, CARD = "JF00101001", "GG00301002"
CATEGORY_NOTICE = "请在申请表中选择人员类别"


def version_on(page: str) -> str:
    match = re.search(r'action="[^"]*/form/".*?name="version" value="(\d+)"', page, re.S)
    assert match
    return match.group(1)


class TestService:
    def test_the_applicant_saves_the_form_audited_without_an_event(self, li):
        app = services.application_create_draft(actor=li, item_code=RETIREMENT)
        events, audit = app.events.count(), AuditEntry.objects.count()
        saved = services.application_update_form(
            actor=li, application_id=app.pk, version=app.version, form={"category": "female_cadre"}
        )
        assert saved.form == {"category": "female_cadre", "employer_agreed": False}
        assert saved.version == app.version + 1
        assert app.events.count() == events
        entry = AuditEntry.objects.order_by("-id").first()
        assert AuditEntry.objects.count() == audit + 1
        assert entry.action == "application.update_form" and entry.object_id == str(app.pk)

    def test_bad_values_write_nothing(self, li):
        app = services.application_create_draft(actor=li, item_code=RETIREMENT)
        with pytest.raises(ValidationFailed) as failed:
            services.application_update_form(
                actor=li, application_id=app.pk, version=app.version, form={"category": "male"}
            )
        assert [e.extra["field"] for e in failed.value.errors] == ["category"]
        app.refresh_from_db()
        assert app.form == {} and app.version == 1

    def test_another_citizen_gets_not_found(self, li, zhang):
        app = services.application_create_draft(actor=li, item_code=RETIREMENT)
        with pytest.raises(ApplicationNotFound):
            services.application_update_form(
                actor=zhang, application_id=app.pk, version=app.version, form={}
            )

    def test_a_stale_version_is_a_conflict(self, zhang):
        app = services.application_create_draft(actor=zhang, item_code=CARD)
        with pytest.raises(StaleVersion):
            services.application_update_form(
                actor=zhang, application_id=app.pk, version=app.version + 1, form={}
            )

    def test_not_after_submission(self, zhang, clerk_wuchang, item):
        app = approved(zhang, clerk_wuchang, item)
        with pytest.raises(InvalidTransition) as refused:
            services.application_update_form(
                actor=zhang, application_id=app.pk, version=app.version, form={}
            )
        assert refused.value.code == "application.invalid_transition"
        assert refused.value.extra == {"status": "approved", "action": "update_form"}


@pytest.fixture
def li_client(li) -> Client:
    client = Client()
    client.force_login(li)
    return client


class TestPage:
    def test_guide_lists_the_fields(self, client):
        page = client.get(f"/services/{RETIREMENT}/").content.decode()
        assert "需填写的申请信息" in page and "人员类别" in page and "女职工必填" in page

    def test_a_woman_fills_her_category_and_is_not_returned_for_it(self, li, li_client):
        response = li_client.post(f"/services/{RETIREMENT}/apply/")
        assert response.status_code == 302 and response["Location"].endswith("#application-form")
        app = Application.objects.get(applicant=li)
        page = li_client.get(f"/me/applications/{app.pk}/").content.decode()
        assert "申请信息" in page and 'name="category"' in page and "人员类别(必填)" in page
        assert page.index('id="application-form"') < page.index('id="materials-title"')

        saved = li_client.post(
            f"/me/applications/{app.pk}/form/",
            {"version": version_on(page), "category": "female_worker"},
        )
        assert saved.status_code == 302
        app.refresh_from_db()
        assert app.form["category"] == "female_worker"
        page = li_client.get(f"/me/applications/{app.pk}/").content.decode()
        assert re.search(r'value="female_worker"[^>]*checked', page)

        upload_all(li, app)
        app.refresh_from_db()
        app = services.application_submit(
            actor=li, application_id=app.pk, version=app.version, idempotency_key="k-form"
        )
        notices = " ".join(e.note for e in app.events.all())
        assert CATEGORY_NOTICE not in notices

    def test_errors_are_shown_next_to_each_field_at_once(self, li, li_client):
        app = services.application_create_draft(actor=li, item_code=RETIREMENT)
        response = li_client.post(
            f"/me/applications/{app.pk}/form/",
            {"version": app.version, "retirement_month": "2026/03", "employer_agreed": "maybe"},
        )
        assert response.status_code == 400
        page = response.content.decode()
        for name, text in (
            ("category", "请选择人员类别"),
            ("retirement_month", "退休年月:格式应为 YYYY-MM"),
            ("employer_agreed", "只能选择“是”或“否”"),
        ):
            assert re.search(rf'id="{name}-error" class="field-errors">.*?{text}', page, re.S), name
        assert 'value="2026/03"' in page  # what was typed stays
        app.refresh_from_db()
        assert app.form == {}

    def test_another_citizen_gets_404(self, li, zhang):
        app = services.application_create_draft(actor=li, item_code=RETIREMENT)
        other = Client()
        other.force_login(zhang)
        response = other.post(
            f"/me/applications/{app.pk}/form/", {"version": app.version, "category": "male"}
        )
        assert response.status_code == 404
        assert other.get(f"/me/applications/{app.pk}/").status_code == 404
        app.refresh_from_db()
        assert app.form == {}

    def test_no_fieldset_after_submission_but_the_values_are_shown(self, zhang, clerk_wuchang):
        app = services.application_create_draft(
            actor=zhang, item_code=CARD, form={"reason": "damaged"}
        )
        client = Client()
        client.force_login(zhang)
        assert 'id="application-form"' in client.get(f"/me/applications/{app.pk}/").content.decode()
        upload_all(zhang, app)
        app.refresh_from_db()
        services.application_submit(
            actor=zhang, application_id=app.pk, version=app.version, idempotency_key="k-card"
        )
        page = client.get(f"/me/applications/{app.pk}/").content.decode()
        assert 'id="application-form"' not in page and "补换原因" in page and "损坏" in page

    def test_the_result_box_shows_once_approved(self, zhang, clerk_wuchang, item):
        app = approved(zhang, clerk_wuchang, item)
        client = Client()
        client.force_login(zhang)
        page = client.get(f"/me/applications/{app.pk}/").content.decode()
        assert 'id="result-title"' in page
        assert f"/me/applications/{app.pk}/result/" not in page  # the PDF comes at 办结
