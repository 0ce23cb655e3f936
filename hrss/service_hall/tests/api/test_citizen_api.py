"""Citizen endpoints through Django's test client: status, schema, error code, and no side
effect on refusal."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import ZHANG_ID, sign_in
from hrss.audit.models import AuditEntry
from hrss.service_hall.models import Application, Material
from hrss.service_hall.tests.factories import PDF, PNG, draft, submitted, upload_all

pytestmark = pytest.mark.django_db
API = "/api/citizen/v1"
KEY = {"Idempotency-Key": "k"}


def post(client, url, body=None, **headers):
    return client.post(
        url, data=json.dumps(body or {}), content_type="application/json", headers=headers
    )


def problem(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == code
    return response.json()


def test_catalog_search_and_guide(client, zhang):
    sign_in(client, zhang)

    found = client.get(f"{API}/service-items", {"q": "失业金"})
    guide = client.get(f"{API}/service-items/JF00201001")

    assert found.status_code == 200
    assert found.json()[0]["name"] == "失业保险金申领"
    assert set(found.json()[0]) == {
        "code",
        "name",
        "category",
        "category_label",
        "applicant",
        "promised_limit_days",
        "fully_online",
        "instant",
    }
    body = guide.json()
    assert body["fully_online"] is True and body["fee"] == "0.00"
    assert [m["code"] for m in body["materials"]] == ["M01", "M02", "M03"]
    assert body["materials"][0]["reusable"] is True
    assert {"code": "web", "label": "网上办(门户网站)"} in body["channels"]
    problem(client.get(f"{API}/service-items/GG99999999"), 404, "service_item.not_found")


def test_catalog_by_category(client, zhang):
    sign_in(client, zhang)
    cards = client.get(f"{API}/service-items", {"category": "card"}).json()
    assert cards and all(i["category"] == "card" for i in cards)


def test_create_draft(client, zhang, item):
    sign_in(client, zhang)

    response = post(client, f"{API}/applications/drafts", {"item_code": item.code, "form": {}})

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft" and body["version"] == 1
    assert body["allowed_actions"] == ["submit", "withdraw"]
    assert [e["action"] for e in body["timeline"]] == ["create"]


def test_create_draft_refuses_an_id_number_in_the_form(client, zhang, item):
    sign_in(client, zhang)
    response = post(
        client, f"{API}/applications/drafts", {"item_code": item.code, "form": {"x": ZHANG_ID}}
    )
    problem(response, 400, "application.form_contains_id_number")
    assert not Application.objects.exists()


def test_upload_material(client, zhang, item):
    sign_in(client, zhang)
    app = draft(zhang, item)
    url = f"{API}/applications/{app.pk}/materials/M02"

    ok = client.post(url, {"file": SimpleUploadedFile("表.pdf", PDF, "application/pdf")})
    renamed = client.post(url, {"file": SimpleUploadedFile("scan.pdf", PNG, "application/pdf")})

    assert ok.status_code == 201
    assert ok.json() | {"material_id": 0} == {
        "code": "M02",
        "material_id": 0,
        "filename": "表.pdf",
        "content_type": "application/pdf",
        "size": len(PDF),
        "reused": False,
    }
    body = problem(renamed, 400, "material.type_not_accepted")
    assert body["extra"]["detected"] == "image/png"
    assert Material.objects.count() == 1


def test_upload_to_someone_elses_application_is_not_found(client, zhang, li, item):
    sign_in(client, li)
    app = draft(zhang, item)
    response = client.post(
        f"{API}/applications/{app.pk}/materials/M02", {"file": SimpleUploadedFile("a.pdf", PDF)}
    )
    problem(response, 404, "application.not_found")
    assert not Material.objects.exists()


def test_reuse_materials(client, zhang, item):
    sign_in(client, zhang)
    later = draft(zhang, item)
    earlier = draft(zhang, item)
    upload_all(zhang, earlier)

    response = post(client, f"{API}/applications/{later.pk}/reuse-materials")

    assert response.status_code == 200
    assert [(m["code"], m["reused"]) for m in response.json()] == [("M01", True)]


def test_submit_requires_an_idempotency_key(client, zhang, item):
    sign_in(client, zhang)
    app = draft(zhang, item)

    response = post(client, f"{API}/applications/{app.pk}/submit", {"version": 1})

    problem(response, 400, "application.idempotency_key_required")
    assert Application.objects.get(pk=app.pk).status == "draft"


def test_submit_is_idempotent(client, zhang, item):
    sign_in(client, zhang)
    app = draft(zhang, item)
    upload_all(zhang, app)
    url = f"{API}/applications/{app.pk}/submit"

    first = post(client, url, {"version": 1}, **{"Idempotency-Key": "k-1"})
    retry = post(client, url, {"version": 1}, **{"Idempotency-Key": "k-1"})
    other = post(client, url, {"version": 2}, **{"Idempotency-Key": "k-1"})

    assert first.status_code == retry.status_code == 200
    assert first.json() == retry.json()
    assert first.json()["status"] == "submitted"
    problem(other, 409, "application.idempotency_mismatch")
    assert Application.objects.get(pk=app.pk).events.filter(action="submit").count() == 1


def test_submit_reports_the_one_time_notice(client, zhang, item):
    sign_in(client, zhang)
    app = draft(zhang, item)

    body = post(
        client, f"{API}/applications/{app.pk}/submit", {"version": 1}, **{"Idempotency-Key": "k"}
    ).json()

    assert body["status"] == "returned"
    assert [n["material_code"] for n in body["notice"]] == ["M01", "M02"]
    assert body["allowed_actions"] == ["resubmit", "withdraw"]
    assert body["timeline"][-1]["actor_role"] == "系统自动预审"


def test_submit_new(client, zhang, item):
    sign_in(client, zhang)
    body = {"item_code": item.code, "form": {"a": "b"}}

    first = post(client, f"{API}/applications", body, **{"Idempotency-Key": "n-1"})
    retry = post(client, f"{API}/applications", body, **{"Idempotency-Key": "n-1"})
    other = post(client, f"{API}/applications", {**body, "form": {}}, **{"Idempotency-Key": "n-1"})

    assert first.status_code == retry.status_code == 201
    assert first.json()["id"] == retry.json()["id"]
    problem(other, 409, "application.idempotency_mismatch")
    assert Application.objects.count() == 1


def test_my_applications_and_detail(client, zhang, li, item):
    mine = submitted(zhang, item)
    theirs = submitted(li, item, key="li")
    sign_in(client, zhang)

    listing = client.get(f"{API}/applications")
    detail = client.get(f"{API}/applications/{mine.pk}")
    forbidden = client.get(f"{API}/applications/{theirs.pk}")
    missing = client.get(f"{API}/applications/{theirs.pk + 1000}")

    assert [a["id"] for a in listing.json()] == [mine.pk]
    body = detail.json()
    assert body["time_state"] == "not_started" and body["status_label"] == "已提交"
    assert [e["action"] for e in body["timeline"]] == ["create", "submit"]
    assert "actor_name" not in body["timeline"][0]
    assert problem(forbidden, 404, "application.not_found") == missing.json()


def test_withdraw_and_stale_version(client, zhang, item):
    app = submitted(zhang, item)
    sign_in(client, zhang)
    url = f"{API}/applications/{app.pk}/withdraw"

    stale = post(client, url, {"version": 1})
    problem(stale, 409, "application.stale_version")
    assert Application.objects.get(pk=app.pk).status == "submitted"

    done = post(client, url, {"version": app.version, "reason": "不办了"})
    assert done.status_code == 200 and done.json()["status"] == "withdrawn"
    assert done.json()["allowed_actions"] == []


def test_resubmit(client, zhang, item):
    sign_in(client, zhang)
    app = draft(zhang, item)
    post(client, f"{API}/applications/{app.pk}/submit", {"version": 1}, **{"Idempotency-Key": "k"})
    upload_all(zhang, app)

    response = post(client, f"{API}/applications/{app.pk}/resubmit", {"version": 3})

    assert response.status_code == 200 and response.json()["status"] == "submitted"
    assert response.json()["notice"] == []


def test_resubmit_in_the_wrong_state_is_refused(client, zhang, item):
    app = submitted(zhang, item)
    sign_in(client, zhang)
    response = post(client, f"{API}/applications/{app.pk}/resubmit", {"version": app.version})
    problem(response, 409, "application.invalid_transition")


def test_notifications(client, django_capture_on_commit_callbacks, zhang, li, item):
    sign_in(client, zhang)
    app = draft(zhang, item)
    with django_capture_on_commit_callbacks(execute=True):
        post(
            client,
            f"{API}/applications/{app.pk}/submit",
            {"version": 1},
            **{"Idempotency-Key": "k"},
        )
    (message,) = client.get(f"{API}/notifications", {"unread": True}).json()
    assert message["application_id"] == app.pk and message["read_at"] is None

    read = post(client, f"{API}/notifications/{message['id']}/read")
    assert read.status_code == 200 and read.json()["read_at"]
    assert client.get(f"{API}/notifications", {"unread": True}).json() == []

    sign_in(client, li)
    problem(
        post(client, f"{API}/notifications/{message['id']}/read"), 404, "notification.not_found"
    )
    assert client.get(f"{API}/notifications").json() == []


def test_download_my_material(client, zhang, li, item):
    app = submitted(zhang, item)
    material = app.material_links.get(code="M02").material
    sign_in(client, zhang)

    response = client.get(f"{API}/materials/{material.pk}")

    assert response.status_code == 200 and response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    sign_in(client, li)
    before = AuditEntry.objects.count()
    problem(client.get(f"{API}/materials/{material.pk}"), 404, "material.not_found")
    assert AuditEntry.objects.filter(id__gt=before, outcome="denied").count() == 1


def test_anonymous_and_staff_are_refused(client, clerk_wuchang):
    assert client.get(f"{API}/applications").status_code == 401
    sign_in(client, clerk_wuchang)
    assert client.get(f"{API}/applications").status_code == 401
    assert (
        post(client, f"{API}/applications/drafts", {"item_code": "GG00101003"}).status_code == 401
    )
    assert not Application.objects.exists()
