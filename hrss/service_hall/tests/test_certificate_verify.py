"""Verifying certificates: by code, by the file's bytes; any change makes it not genuine."""

from __future__ import annotations

from datetime import datetime

import pytest

from hrss.core import blobstore, clock
from hrss.service_hall.certificates import (
    VerificationStatus,
    certificate_verify_bytes,
    certificate_verify_code,
    issue_person_insurance_proof,
)
from hrss.service_hall.certificates.codes import format_code
from hrss.service_hall.certificates.errors import CertificateFileTooLarge
from hrss.service_hall.certificates.verification import MAX_UPLOAD_BYTES
from hrss.service_hall.models import Certificate
from hrss.service_hall.tests.test_certificate_support import flip

pytestmark = pytest.mark.django_db
ISSUE_TIME = datetime(2026, 11, 29, 10, 31, 42, tzinfo=clock.SHANGHAI)


@pytest.fixture
def proof(zhang, person_zhang):
    with clock.frozen(ISSUE_TIME):
        return issue_person_insurance_proof(actor=zhang, person=person_zhang)


@pytest.fixture
def proof_bytes(proof):
    return blobstore.get(proof.storage_key)


def test_code_of_an_issued_certificate_is_genuine(proof):
    result = certificate_verify_code(proof.verification_code)

    assert result.genuine and result.status == VerificationStatus.GENUINE
    assert result.message == "真实有效 · 签发于 2026-11-29 10:31 · 持证人 张*"
    assert (result.kind, result.kind_label) == ("person_insurance_proof", "个人参保证明")
    printed = format_code(proof.verification_code)  # as printed, or typed loosely
    assert certificate_verify_code(printed).genuine
    assert certificate_verify_code(f" {printed.lower()} ").genuine


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKMN-PQRS", "", "short", "0" * 16, "x" * 500])
def test_unknown_or_malformed_code_is_not_found(db, code):
    result = certificate_verify_code(code)

    assert result.status == VerificationStatus.NOT_FOUND and not result.genuine
    assert result.message == "未找到该证照"
    assert (result.kind, result.issued_at, result.holder_masked) == ("", None, "")


def test_the_issued_bytes_are_genuine(proof_bytes):
    result = certificate_verify_bytes(proof_bytes)

    assert result.genuine
    assert result.holder_masked == "张*"


def test_any_changed_byte_makes_the_file_not_genuine(proof_bytes):
    size = len(proof_bytes)
    positions = {0, 1, 7, size // 3, size // 2, size - 20, size - 2, size - 1}

    for position in sorted(positions):
        result = certificate_verify_bytes(flip(proof_bytes, position))
        assert result.status == VerificationStatus.NOT_GENUINE, position
        assert result.message == "证照不真实"
        assert result.holder_masked == "" and result.issued_at is None
    assert not certificate_verify_bytes(proof_bytes[:-1]).genuine
    assert not certificate_verify_bytes(proof_bytes + b"\n").genuine
    assert not certificate_verify_bytes(b"").genuine


def test_a_tampered_record_fails_its_signature(proof, proof_bytes):
    Certificate.objects.filter(pk=proof.pk).update(holder_masked="李*")

    assert certificate_verify_code(proof.verification_code).status == "not_genuine"
    assert certificate_verify_bytes(proof_bytes).status == "not_genuine"


def test_a_record_signed_by_an_untrusted_key_is_not_genuine(proof, proof_bytes, settings):
    other_key = "b" * 128
    Certificate.objects.filter(pk=proof.pk).update(signer_public_key=other_key)

    assert not certificate_verify_code(proof.verification_code).genuine
    settings.HRSS_SM2_TRUSTED_PUBLIC_KEYS = [other_key]  # trusted, but the signature is not its
    assert not certificate_verify_bytes(proof_bytes).genuine


def test_files_over_5_mb_are_refused(db):
    with pytest.raises(CertificateFileTooLarge) as caught:
        certificate_verify_bytes(b"%PDF-" + b"0" * MAX_UPLOAD_BYTES)
    assert caught.value.status == 413
