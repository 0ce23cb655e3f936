"""Is this certificate genuine? By its verification code, or by the file itself.

Public and unauthenticated: the answer never says more than the kind, the issue
time and the masked holder (``张*``). A file is genuine when its SM3 equals a
stored certificate's and that row's signature verifies under a trusted platform
key: the current one, plus any retired keys listed in the optional setting
``HRSS_SM2_TRUSTED_PUBLIC_KEYS`` (so certificates survive a key rotation).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _

from hrss.core import clock
from hrss.core.crypto import Sm2Signer, sm3_hex
from hrss.core.signing import platform_signer
from hrss.service_hall.certificates.codes import normalise_code
from hrss.service_hall.certificates.errors import CertificateFileTooLarge
from hrss.service_hall.certificates.services import statement_of
from hrss.service_hall.models import Certificate, CertificateKind

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class VerificationStatus(enum.StrEnum):
    GENUINE = "genuine"
    NOT_FOUND = "not_found"  # no certificate has this code
    NOT_GENUINE = "not_genuine"  # the file matches none, or the record fails its signature


@dataclass(frozen=True)
class VerificationResult:
    status: VerificationStatus
    kind: str = ""
    issued_at: datetime | None = None
    holder_masked: str = ""

    @property
    def genuine(self) -> bool:
        return self.status == VerificationStatus.GENUINE

    @property
    def kind_label(self) -> str:
        return str(CertificateKind(self.kind).label) if self.kind else ""

    @property
    def issued_at_text(self) -> str:
        """``2026-11-29 10:31`` (Beijing time), or empty when not genuine."""
        return f"{clock.localise(self.issued_at):%Y-%m-%d %H:%M}" if self.issued_at else ""

    @property
    def message(self) -> str:
        """One line for people: ``真实有效 · 签发于 2026-11-29 10:31 · 持证人 张*``."""
        if self.status == VerificationStatus.NOT_FOUND:
            return _("未找到该证照")
        if not self.genuine:
            return _("证照不真实")
        return _("真实有效 · 签发于 %(time)s · 持证人 %(holder)s") % {
            "time": self.issued_at_text,
            "holder": self.holder_masked,
        }


def trusted_public_keys() -> frozenset[str]:
    retired = getattr(settings, "HRSS_SM2_TRUSTED_PUBLIC_KEYS", ())
    return frozenset({platform_signer().public_key, *retired})


def signature_valid(certificate: Certificate) -> bool:
    """Does the row's signature verify, under a key the platform trusts?"""
    if certificate.signer_public_key not in trusted_public_keys():
        return False
    verifier = Sm2Signer(public_key=certificate.signer_public_key)
    return verifier.verify(statement_of(certificate), certificate.signature)


def _result(certificate: Certificate) -> VerificationResult:
    if not signature_valid(certificate):
        return VerificationResult(VerificationStatus.NOT_GENUINE)
    return VerificationResult(
        VerificationStatus.GENUINE,
        kind=certificate.kind,
        issued_at=certificate.issued_at,
        holder_masked=certificate.holder_masked,
    )


def certificate_verify_code(code: str) -> VerificationResult:
    """Look a certificate up by the code printed on it (typed or from the QR code)."""
    normalised = normalise_code(code)
    certificate = (
        Certificate.objects.filter(verification_code=normalised).first() if normalised else None
    )
    if certificate is None:
        return VerificationResult(VerificationStatus.NOT_FOUND)
    return _result(certificate)


def certificate_verify_bytes(data: bytes) -> VerificationResult:
    """Check a file: genuine only if it is byte for byte a certificate the platform signed."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise CertificateFileTooLarge()
    certificate = Certificate.objects.filter(content_sm3=sm3_hex(data)).first()
    if certificate is None:
        return VerificationResult(VerificationStatus.NOT_GENUINE)
    return _result(certificate)
