"""Staff endpoints through Django's test client: each action with the version seen, refusals
with their codes, and nothing written when refused."""

import json

import pytest

from conftest import sign_in
from hrss.audit.models import AuditEntry
from hrss.service_hall.models import Application
from hrss.service_hall.tests.factories import PDF, approved, in_review, submitted

pytestmark = pytest.mark.django_db
API = "/api/staff/v1"


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def problem(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == code


def unchanged(app):
    fresh = Application.objects.get(pk=app.pk)
    return (fresh.status, fresh.version) == (app.status, app.version)


def test_queue(client, zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    sign_in(client, clerk_wuchang)

    rows = client.get(f"{API}/applications/queue", {"item_code": item.code}).json()

    assert [(r["id"], r["time_state"], r["applicant"], r["district"]) for r in rows] == [
        (app.pk, "not_started", "张*", "420106")
    ]
    assert client.get(f"{API}/applications/queue", {"status": "completed"}).json() == []


def test_detail_is_audited_and_shows_handlers(client, zhang, clerk_wuchang, clerk_xiangyang, item):
    app = submitted(zhang, item)
    sign_in(client, clerk_wuchang)

    body = client.get(f"{API}/applications/{app.pk}").json()

    assert body["applicant"] == "张*" and body["person_id"] == app.person_id
    assert body["allowed_actions"] == ["return", "accept", "reject"]
    assert body["timeline"][0]["actor_name"] == "zhang"
    assert [m["code"] for m in body["materials"]] == ["M01", "M02"]
    assert AuditEntry.objects.filter(action="application.read", actor_id=clerk_wuchang.pk).exists()
    sign_in(client, clerk_xiangyang)
    problem(client.get(f"{API}/applications/{app.pk}"), 404, "application.not_found")


def test_accept_start_review_approve_complete(client, zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    sign_in(client, clerk_wuchang)
    version = app.version
    for path, extra, status in (
        ("accept", {"note": "材料齐全"}, "accepted"),
        ("start-review", {}, "in_review"),
        ("approve", {"note": "同意"}, "approved"),
        ("complete", {"result": "已发放"}, "completed"),
    ):
        response = post(
            client, f"{API}/applications/{app.pk}/{path}", {"version": version, **extra}
        )
        assert response.status_code == 200, response.content
        assert response.json()["status"] == status
        version = response.json()["version"]
    assert response.json()["result"] == "已发放"
    assert response.json()["due_date"] is not None


def test_return_with_a_notice(client, zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    sign_in(client, clerk_wuchang)
    url = f"{API}/applications/{app.pk}/return"

    empty = post(client, url, {"version": app.version, "notice": [" "]})
    problem(empty, 400, "application.notice_required")
    assert unchanged(app)

    body = post(client, url, {"version": app.version, "notice": ["照片不清晰", "缺签名"]}).json()
    assert body["status"] == "returned"
    assert [n["message"] for n in body["notice"]] == ["照片不清晰", "缺签名"]


def test_second_review_and_same_reviewer(
    client, zhang, clerk_wuchang, clerk_wuchang_2, reviewed_item
):
    app = in_review(zhang, clerk_wuchang, reviewed_item)
    sign_in(client, clerk_wuchang)

    refused = post(client, f"{API}/applications/{app.pk}/approve", {"version": app.version})
    problem(refused, 409, "application.second_review_required")
    assert unchanged(app)
    sent = post(client, f"{API}/applications/{app.pk}/second-review", {"version": app.version})
    assert sent.json()["status"] == "second_review"
    version = sent.json()["version"]
    same = post(client, f"{API}/applications/{app.pk}/approve", {"version": version})
    problem(same, 403, "application.same_reviewer")

    sign_in(client, clerk_wuchang_2)
    done = post(client, f"{API}/applications/{app.pk}/approve", {"version": version})
    assert done.json()["status"] == "approved"


def test_reject_requires_a_reason(client, zhang, clerk_wuchang, item):
    app = in_review(zhang, clerk_wuchang, item)
    sign_in(client, clerk_wuchang)
    url = f"{API}/applications/{app.pk}/reject"

    assert post(client, url, {"version": app.version}).status_code == 422
    problem(
        post(client, url, {"version": app.version, "reason": "  "}),
        400,
        "application.reason_required",
    )
    assert unchanged(app)
    body = post(client, url, {"version": app.version, "reason": "不符合条件"}).json()
    assert body["status"] == "rejected" and body["result"] == "不符合条件"


def test_stale_version_is_a_conflict_that_writes_nothing(client, zhang, clerk_wuchang, item):
    app = approved(zhang, clerk_wuchang, item)
    sign_in(client, clerk_wuchang)
    audit = AuditEntry.objects.count()

    response = post(client, f"{API}/applications/{app.pk}/complete", {"version": app.version - 1})

    problem(response, 409, "application.stale_version")
    assert unchanged(app) and AuditEntry.objects.count() == audit


def test_another_district_cannot_act_and_nothing_is_written(client, zhang, clerk_xiangyang, item):
    app = submitted(zhang, item)
    sign_in(client, clerk_xiangyang)
    audit = AuditEntry.objects.count()

    response = post(client, f"{API}/applications/{app.pk}/accept", {"version": app.version})

    problem(response, 404, "application.not_found")
    assert unchanged(app) and app.events.count() == 2
    assert AuditEntry.objects.count() == audit


def test_invalid_transition(client, zhang, clerk_wuchang, item):
    app = submitted(zhang, item)
    sign_in(client, clerk_wuchang)
    response = post(client, f"{API}/applications/{app.pk}/start-review", {"version": app.version})
    problem(response, 409, "application.invalid_transition")
    assert unchanged(app)


def test_material_for_covering_staff_only(client, zhang, clerk_wuchang, clerk_xiangyang, item):
    app = submitted(zhang, item)
    material = app.material_links.get(code="M02").material
    sign_in(client, clerk_wuchang)
    ok = client.get(f"{API}/materials/{material.pk}")
    assert ok.status_code == 200 and ok.content == PDF
    assert AuditEntry.objects.filter(action="material.read", outcome="ok").count() == 1
    sign_in(client, clerk_xiangyang)
    problem(client.get(f"{API}/materials/{material.pk}"), 404, "material.not_found")


def test_citizens_cannot_use_the_staff_api(client, zhang, item):
    app = submitted(zhang, item)
    sign_in(client, zhang)
    assert client.get(f"{API}/applications/queue").status_code == 401
    assert (
        post(client, f"{API}/applications/{app.pk}/accept", {"version": app.version}).status_code
        == 401
    )
    assert unchanged(app)
