"""Staff and citizen registry endpoints: status, schema, error code, no side effect on refusal."""

import json
from datetime import date

import pytest

from conftest import ZHANG_ID, sign_in
from hrss.audit.models import AuditEntry
from hrss.core.identifiers.id_number import build_id_number
from hrss.registry.models import Person

pytestmark = pytest.mark.django_db
STAFF = "/api/staff/v1"
CITIZEN = "/api/citizen/v1"


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_lookup_returns_masked_person(client, person_zhang, clerk_wuchang):
    sign_in(client, clerk_wuchang)

    response = post(client, f"{STAFF}/persons/lookup", {"id_number": ZHANG_ID, "reason": "窗口"})

    assert response.status_code == 200
    body = response.json()
    assert body["id_number"] == ZHANG_ID[:6] + "********" + ZHANG_ID[-4:]
    assert body["name"] == "张*"
    assert body["phone"] == "138****1234"
    assert ZHANG_ID not in response.content.decode()


def test_other_district_gets_the_missing_answer(client, person_zhang, clerk_xiangyang):
    sign_in(client, clerk_xiangyang)
    missing = build_id_number("420106", date(1970, 1, 1), 11)

    forbidden = post(client, f"{STAFF}/persons/lookup", {"id_number": ZHANG_ID})
    absent = post(client, f"{STAFF}/persons/lookup", {"id_number": missing})

    assert forbidden.status_code == absent.status_code == 404
    assert forbidden.json() == absent.json()
    assert forbidden["Content-Type"] == "application/problem+json"
    assert forbidden.json()["code"] == "registry.person_not_found"


def test_citizen_cannot_use_the_staff_api(client, zhang, person_zhang):
    sign_in(client, zhang)
    assert client.get(f"{STAFF}/persons/{person_zhang.pk}").status_code == 401


def test_register_reports_every_problem_and_writes_nothing(client, clerk_wuchang):
    sign_in(client, clerk_wuchang)
    before = AuditEntry.objects.count()

    response = post(
        client,
        f"{STAFF}/persons",
        {
            "id_number": ZHANG_ID,
            "name": "张伟",
            "gender": 2,
            "birth_date": "1985-03-15",
            "hukou_region": "420106",
        },
    )

    assert response.status_code == 400
    codes = {e["code"] for e in response.json()["extra"]["errors"]}
    assert codes == {"registry.gender_mismatch", "registry.birth_date_mismatch"}
    assert Person.objects.count() == 0
    assert AuditEntry.objects.count() == before


def test_reveal_requires_a_reason(client, person_zhang, clerk_wuchang):
    sign_in(client, clerk_wuchang)
    url = f"{STAFF}/persons/{person_zhang.pk}/reveal"

    refused = post(client, url, {"reason": ""})
    shown = post(client, url, {"reason": "办理业务核对"})

    assert refused.status_code == 403
    assert refused.json()["code"] == "registry.reason_required"
    assert shown.json() == {"id_number": ZHANG_ID, "phone": "13812341234"}


def test_citizen_sees_own_record_and_records(client, zhang, person_zhang):
    sign_in(client, zhang)
    me = client.get(f"{CITIZEN}/me")
    records = client.get(f"{CITIZEN}/me/records")
    assert me.status_code == 200 and me.json()["id"] == person_zhang.pk
    assert records.status_code == 200
    assert records.json()["pension_months_total"] == 0


def test_anonymous_is_refused(client):
    assert client.get(f"{CITIZEN}/me").status_code == 401
