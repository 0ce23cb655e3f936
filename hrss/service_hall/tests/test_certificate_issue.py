"""Issuing 参保证明: the PDF (embedded fonts, masking, QR), the signature, the row, the audit."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from conftest import LI_ID, ZHANG_ID
from hrss.audit.models import AuditEntry
from hrss.core import blobstore, clock
from hrss.core.crypto import Sm2Signer, sm3_hex
from hrss.core.signing import platform_signer
from hrss.service_hall.certificates import (
    issue_employer_insurance_proof,
    issue_person_insurance_proof,
)
from hrss.service_hall.certificates.codes import ALPHABET, CODE_LENGTH, format_code
from hrss.service_hall.certificates.content import mask_employer_name
from hrss.service_hall.certificates.errors import CertificateFontMissing
from hrss.service_hall.certificates.services import statement_of
from hrss.service_hall.models import Certificate, CertificateKind
from hrss.service_hall.tests.test_certificate_support import (
    EMPLOYER_NAME,
    EMPLOYER_USCC,
    give_history,
    pdf_text,
    register_employer,
)

pytestmark = pytest.mark.django_db
MASKED_ZHANG = ZHANG_ID[:6] + "********" + ZHANG_ID[-4:]
ISSUE_TIME = datetime(2026, 11, 29, 10, 31, 7, tzinfo=clock.SHANGHAI)


@pytest.fixture
def employer():
    return register_employer()


@pytest.fixture
def zhang_proof(zhang, person_zhang, employer):
    give_history(person_zhang, employer)
    with clock.frozen(ISSUE_TIME):
        return issue_person_insurance_proof(actor=zhang, person=person_zhang)


def pdf_of(certificate):
    return blobstore.get(certificate.storage_key)


def test_pdf_embeds_subset_chinese_fonts(zhang_proof):
    data = pdf_of(zhang_proof)

    assert data.startswith(b"%PDF-")
    assert b"/FontFile3" in data or b"/FontFile2" in data
    fonts = set(re.findall(rb"/BaseFont /([A-Z]{6})\+(\w+)", data))
    assert {name for _, name in fonts} == {b"NotoSerifCJKSC", b"NotoSansCJKSCBold"}
    assert len(data) < 200_000  # subsets, not the 20 MB collections


def test_pdf_shows_the_masked_id_never_the_full_number(zhang_proof):
    text = pdf_text(pdf_of(zhang_proof))

    assert MASKED_ZHANG in text
    assert ZHANG_ID not in text
    assert ZHANG_ID.encode() not in pdf_of(zhang_proof)
    assert "张伟" in text  # the holder's own document names the holder in full


def test_pdf_shows_the_record_the_stamp_and_the_bureau(zhang_proof):
    text = pdf_text(pdf_of(zhang_proof))

    assert "湖北省人力资源和社会保障厅" in text
    assert "社会保险个人参保证明" in text
    assert "企业职工基本养老保险" in text and "失业保险" in text
    assert EMPLOYER_NAME in text
    assert "2023-11" in text and "参保中" in text
    assert "累计实际缴费3个月" in text.replace("\n", "")  # the paragraph wraps
    assert "2026-11-29 10:31" in text
    assert format_code(zhang_proof.verification_code) in text
    assert b"/Subtype /Image" in pdf_of(zhang_proof)  # the QR code


def test_row_hash_signature_and_storage_agree(zhang_proof):
    data = pdf_of(zhang_proof)
    signer = platform_signer()

    assert zhang_proof.content_sm3 == sm3_hex(data) == zhang_proof.storage_key
    assert zhang_proof.signer_public_key == signer.public_key
    verifier = Sm2Signer(public_key=signer.public_key)
    assert verifier.verify(statement_of(zhang_proof), zhang_proof.signature)
    assert f"sm3={sm3_hex(data)}".encode() in statement_of(zhang_proof)
    assert zhang_proof.kind == CertificateKind.PERSON_INSURANCE_PROOF
    assert zhang_proof.holder_masked == "张*"
    assert zhang_proof.issued_at == ISSUE_TIME.replace(microsecond=0)
    assert zhang_proof.issued_by == "zhang"


def test_verification_codes_are_random_unambiguous_and_unique(zhang, person_zhang):
    first = issue_person_insurance_proof(actor=zhang, person=person_zhang)
    second = issue_person_insurance_proof(actor=zhang, person=person_zhang)

    for code in (first.verification_code, second.verification_code):
        assert len(code) == CODE_LENGTH >= 12
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01ILOU")
    assert first.verification_code != second.verification_code
    assert first.content_sm3 != second.content_sm3
    assert "暂无记录" in pdf_text(pdf_of(first))  # no enrolment yet


def test_issue_is_audited_without_personal_data(zhang_proof, person_zhang):
    entry = AuditEntry.objects.get(action="certificate.issue")

    assert entry.object_id == str(zhang_proof.pk)
    assert entry.person_id == person_zhang.pk
    assert entry.actor_name == "zhang"
    assert entry.extra["kind"] == "person_insurance_proof"
    assert "张伟" not in str(entry.extra) and ZHANG_ID not in str(entry.extra)


def test_employer_proof_counts_insured_employees(person_zhang, person_li, employer, system_actor):
    give_history(person_zhang, employer)
    give_history(person_li, employer, periods=())

    certificate = issue_employer_insurance_proof(actor=system_actor, employer=employer)
    text = pdf_text(pdf_of(certificate))

    assert certificate.kind == CertificateKind.EMPLOYER_INSURANCE_PROOF
    assert certificate.employer == employer and certificate.person is None
    assert certificate.holder_masked == mask_employer_name(EMPLOYER_NAME) == "武汉***有限公司"
    assert EMPLOYER_NAME in text and EMPLOYER_USCC in text
    assert "社会保险单位参保证明" in text
    assert re.search(r"企业职工基本养老保险\n.*?2\n", text)  # 2 insured for pension
    assert "张伟" not in text and "李娜" not in text  # counts only, never an employee
    assert person_li.id_number_masked not in text and LI_ID not in text
    assert AuditEntry.objects.filter(action="certificate.issue", person_id=None).count() == 1


def test_missing_font_fails_clearly_and_writes_nothing(settings, zhang, person_zhang, tmp_path):
    settings.HRSS_CJK_FONT_DIR = str(tmp_path)

    with pytest.raises(CertificateFontMissing, match="fonts-noto-cjk"):
        issue_person_insurance_proof(actor=zhang, person=person_zhang)
    assert not Certificate.objects.exists()
    assert not AuditEntry.objects.filter(action="certificate.issue").exists()


@pytest.mark.parametrize(
    ("name", "masked"),
    [("武汉某科技有限公司", "武汉***有限公司"), ("张三小吃店", "张三**店"), ("某厂", "某*")],
)
def test_employer_names_are_masked_for_the_public_page(name, masked):
    assert mask_employer_name(name) == masked
