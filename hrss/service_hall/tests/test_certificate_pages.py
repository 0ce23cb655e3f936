"""Pages: the public verification page (no login, no JS) and the holder's download page."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import ZHANG_ID, sign_in
from hrss.core import blobstore
from hrss.service_hall.certificates import certificate_verify_bytes, issue_person_insurance_proof
from hrss.service_hall.certificates.codes import format_code
from hrss.service_hall.certificates.verification import MAX_UPLOAD_BYTES
from hrss.service_hall.models import Certificate
from hrss.service_hall.tests.test_certificate_support import flip

pytestmark = pytest.mark.django_db
PROOF_PAGE = "/me/certificates/insurance-proof/"


@pytest.fixture
def proof(zhang, person_zhang):
    return issue_person_insurance_proof(actor=zhang, person=person_zhang)


def page(response):
    assert response.status_code == 200
    return response.content.decode()


def assert_reveals_only_the_masked_holder(html, person):
    assert "张*" in html
    assert "张伟" not in html
    assert person.id_number_masked not in html and ZHANG_ID not in html


def test_verification_page_offers_both_forms_without_login(client):
    html = page(client.get("/verify/"))

    assert "电子证照核验" in html
    assert 'method="get"' in html and 'name="code"' in html
    assert 'enctype="multipart/form-data"' in html and 'type="file"' in html
    # Works without JavaScript: only the site's own deferred, progressive scripts are loaded.
    scripts = re.findall(r"<script[^>]*>", html)
    assert all('src="/static/' in tag and "defer" in tag for tag in scripts)


def test_qr_target_page_shows_genuine_and_the_masked_holder_only(client, proof, person_zhang):
    html = page(client.get(f"/verify/{proof.verification_code}/"))

    assert "真实有效" in html and "个人参保证明" in html
    assert_reveals_only_the_masked_holder(html, person_zhang)
    assert 'content="noindex"' in html


def test_typed_code_redirects_to_its_page(client, proof):
    response = client.get("/verify/", {"code": format_code(proof.verification_code).lower()})

    assert response.status_code == 302
    assert response["Location"] == f"/verify/{proof.verification_code}/"


def test_malformed_code_names_the_fix_and_unknown_code_says_not_found(client):
    malformed = page(client.get("/verify/", {"code": "12345"}))
    unknown = page(client.get("/verify/ABCDEFGHJKMNPQRS/"))

    assert "验证码应为 16 位字母和数字" in malformed and 'aria-invalid="true"' in malformed
    assert "未找到该证照" in unknown


def test_uploaded_file_is_checked_byte_for_byte(client, proof, person_zhang):
    data = blobstore.get(proof.storage_key)

    def upload(content):
        return page(client.post("/verify/", {"file": SimpleUploadedFile("p.pdf", content)}))

    genuine = upload(data)
    assert "真实有效" in genuine and "未被修改" in genuine
    assert_reveals_only_the_masked_holder(genuine, person_zhang)
    tampered = upload(flip(data, 0))
    assert "证照不真实" in tampered and "张*" not in tampered
    too_big = upload(b"0" * (MAX_UPLOAD_BYTES + 1))
    assert "文件超过 5 MB" in too_big


def test_download_page_needs_login(client):
    response = client.get(PROOF_PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_citizen_downloads_a_signed_proof_with_a_csrf_protected_form(zhang, person_zhang):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, zhang)
    html = page(client.get(PROOF_PAGE))
    assert "下载参保证明" in html and "csrfmiddlewaretoken" in html

    assert client.post(PROOF_PAGE).status_code == 403  # no token: refused, nothing issued
    assert not Certificate.objects.exists()
    response = client.post(PROOF_PAGE, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert certificate_verify_bytes(response.content).genuine
    assert Certificate.objects.get().person == person_zhang


def test_staff_are_told_the_service_is_not_theirs(client, clerk_wuchang):
    sign_in(client, clerk_wuchang)

    response = client.get(PROOF_PAGE)

    assert response.status_code == 403
    assert "参保人本人或单位经办人" in response.content.decode()


def test_verification_pages_read_in_english(client, proof):
    client.cookies["django_language"] = "en"
    html = page(client.get("/verify/"))
    assert "Verify an e-certificate" in html and "Upload and verify" in html
    assert "电子证照核验" not in html
    result = page(client.get(f"/verify/{proof.verification_code}/"))
    assert "Genuine" in result and "Holder" in result
    assert "真实有效" not in result
