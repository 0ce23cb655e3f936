import json

import pytest

from conftest import ZHANG_ID, sign_in
from hrss.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_api_refuses_nul_in_json_and_writes_nothing(client, clerk_wuchang, person_zhang):
    sign_in(client, clerk_wuchang)
    before = AuditEntry.objects.count()
    body = json.dumps({"id_number": ZHANG_ID, "reason": "窗口\x00办理"})
    response = client.post(
        "/api/staff/v1/persons/lookup", data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "input.bad_character"
    assert AuditEntry.objects.count() == before


def test_page_refuses_nul_in_query(client):
    response = client.get("/", {"q": "失业\x00金"})
    assert response.status_code == 400
    assert "input.bad_character" in response.content.decode()


def test_clean_input_passes(client):
    assert client.get("/", {"q": "失业金"}).status_code == 200
