"""参保证明 in the browser: download it, open its QR page (genuine), upload a copy with one
byte changed (not genuine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrss.iam.models import Account
from hrss.service_hall.models import Certificate
from hrss.web.demo import seed_demo
from tests.browser.conftest import assert_accessible, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_download_proof_then_verify_genuine_and_tampered(new_context, shots, tmp_path):
    seed_demo()
    page = new_context(account=Account.objects.get(username="zhangwei")).new_page()
    page.goto("/me/certificates/insurance-proof/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="下载参保证明").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    code = Certificate.objects.get().verification_code

    visitor = new_context().new_page()  # the receiving office: not logged in
    visitor.goto(f"/verify/{code}/")
    assert "真实有效" in visitor.get_by_role("status").inner_text()
    assert "张*" in visitor.locator("#main").inner_text()
    shoot(visitor, shots, "11-verify-genuine")
    assert_accessible(visitor)

    tampered = bytearray(data)
    tampered[len(tampered) // 2] ^= 0x01
    copy = tmp_path / "参保证明-副本.pdf"
    copy.write_bytes(bytes(tampered))
    visitor.goto("/verify/")
    visitor.get_by_label("证照文件(PDF)").set_input_files(str(copy))
    visitor.get_by_role("button", name="上传并核验").click()
    assert "证照不真实" in visitor.get_by_role("status").inner_text()
    shoot(visitor, shots, "12-verify-tampered")
