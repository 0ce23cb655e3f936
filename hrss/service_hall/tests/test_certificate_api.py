"""Certificate endpoints: issue and download (holders only), public verification."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import sign_in
from hrss.audit.models import AuditEntry
from hrss.core import clock
from hrss.core.crypto import sm3_hex
from hrss.service_hall.certificates.verification import MAX_UPLOAD_BYTES
from hrss.service_hall.models import Certificate
from hrss.service_hall.tests.test_certificate_support import (
    employer_agent,
    flip,
    give_history,
    register_employer,
)

pytestmark = pytest.mark.django_db
API = "/api/citizen/v1"
ISSUE = f"{API}/certificates/insurance-proof"
VERIFICATION_FIELDS = (
    "genuine",
    "status",
    "message",
    "kind",
    "kind_label",
    "issued_at",
    "holder_masked",
)


@pytest.fixture
def issued(client, zhang, person_zhang):
    """张伟 signed in, with one proof issued through the API: (client, response body)."""
    sign_in(client, zhang)
    response = client.post(ISSUE)
    assert response.status_code == 201
    return client, response.json()


def download(client, body):
    response = client.get(body["download_url"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_citizen_gets_their_own_proof_with_metadata(issued):
    client, body = issued
    code = body["verification_code"]

    assert body["kind"] == "person_insurance_proof" and body["kind_label"] == "个人参保证明"
    assert body["holder_masked"] == "张*"
    assert body["download_url"] == f"{API}/certificates/{code}/pdf"
    assert body["verify_url"] == f"http://127.0.0.1:8000/verify/{code}/"
    assert body["verification_code_display"].replace("-", "") == code
    data = download(client, body)
    assert sm3_hex(data) == body["content_sm3"]
    assert AuditEntry.objects.filter(action="certificate.issue", actor_name="zhang").count() == 1


def test_download_is_an_uncached_attachment(issued):
    client, body = issued
    response = client.get(body["download_url"])

    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]


def test_asking_again_within_a_minute_returns_the_same_proof(client, zhang, person_zhang):
    sign_in(client, zhang)
    start = datetime(2026, 11, 29, 10, 31, tzinfo=clock.SHANGHAI)

    with clock.frozen(start):
        first = client.post(ISSUE).json()
    with clock.frozen(start + timedelta(seconds=59)):
        again = client.post(ISSUE).json()
    with clock.frozen(start + timedelta(seconds=61)):
        later = client.post(ISSUE).json()

    assert again == first
    assert later["verification_code"] != first["verification_code"]
    assert Certificate.objects.count() == 2
    assert AuditEntry.objects.filter(action="certificate.issue").count() == 2


def test_another_citizen_gets_the_same_404_as_for_a_missing_code(issued, li, client):
    _, body = issued
    client.logout()
    sign_in(client, li)

    foreign = client.get(body["download_url"])
    missing = client.get(f"{API}/certificates/ABCDEFGHJKMNPQRS/pdf")

    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()
    assert foreign.json()["code"] == "certificates.not_found"
    assert foreign["Content-Type"] == "application/problem+json"


def test_anonymous_and_staff_cannot_issue_or_download(client, clerk_wuchang, issued):
    _, body = issued
    client.logout()
    assert client.post(ISSUE).status_code == 401
    assert client.get(body["download_url"]).status_code == 401
    sign_in(client, clerk_wuchang)
    assert client.post(ISSUE).status_code == 401
    assert Certificate.objects.count() == 1


def test_employer_agent_gets_the_employer_proof(client, person_zhang):
    employer = register_employer()
    give_history(person_zhang, employer, periods=())
    sign_in(client, employer_agent())

    response = client.post(ISSUE)

    assert response.status_code == 201
    body = response.json()
    assert body["kind"] == "employer_insurance_proof"
    assert body["holder_masked"] == "武汉***有限公司"
    certificate = Certificate.objects.get(verification_code=body["verification_code"])
    assert certificate.employer == employer and certificate.person is None
    assert download(client, body).startswith(b"%PDF-")


def test_agent_of_an_unknown_employer_gets_not_found(client):
    sign_in(client, employer_agent(uscc="91420100MA4K0000X0"))

    response = client.post(ISSUE)

    assert response.status_code == 404
    assert response.json()["code"] == "registry.employer_not_found"
    assert not Certificate.objects.exists()


def test_public_verification_by_code_needs_no_login(issued, client):
    _, body = issued
    client.logout()

    genuine = client.get(f"{API}/verify/{body['verification_code_display']}").json()
    unknown = client.get(f"{API}/verify/ABCDEFGHJKMNPQRS").json()

    assert genuine["genuine"] is True and genuine["status"] == "genuine"
    assert genuine["holder_masked"] == "张*" and genuine["kind"] == "person_insurance_proof"
    assert genuine["issued_at"] == body["issued_at"]
    assert genuine["issued_at"].endswith("+08:00")
    assert set(genuine) == set(unknown) == set(VERIFICATION_FIELDS)
    assert unknown["genuine"] is False and unknown["message"] == "未找到该证照"
    assert [unknown[field] for field in VERIFICATION_FIELDS[3:]] == [None] * 4


def test_public_verification_of_an_uploaded_file(issued, client):
    data = download(*issued)
    client.logout()

    def check(content):
        upload = SimpleUploadedFile("proof.pdf", content, content_type="application/pdf")
        return client.post(f"{API}/verify", {"file": upload})

    assert check(data).json()["genuine"] is True
    tampered = check(flip(data, len(data) // 2)).json()
    assert tampered["genuine"] is False and tampered["status"] == "not_genuine"
    assert tampered["holder_masked"] is None
    too_big = check(b"%PDF-" + b"0" * MAX_UPLOAD_BYTES)
    assert too_big.status_code == 413
    assert too_big.json()["code"] == "certificates.file_too_large"
