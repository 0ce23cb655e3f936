"""API schemas of e-certificates: what the holder gets, what anyone verifying gets."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from ninja import Schema

from hrss.core import clock
from hrss.service_hall.certificates.codes import format_code
from hrss.service_hall.certificates.services import verify_url
from hrss.service_hall.certificates.verification import VerificationResult
from hrss.service_hall.models import Certificate, CertificateKind


class CertificateOut(Schema):
    verification_code: str
    verification_code_display: str
    kind: str
    kind_label: str
    issued_at: datetime
    holder_masked: str
    content_sm3: str
    download_url: str
    verify_url: str

    @classmethod
    def from_certificate(cls, certificate: Certificate) -> CertificateOut:
        code = certificate.verification_code
        return cls(
            verification_code=code,
            verification_code_display=format_code(code),
            kind=certificate.kind,
            kind_label=str(CertificateKind(certificate.kind).label),
            issued_at=clock.localise(certificate.issued_at),
            holder_masked=certificate.holder_masked,
            content_sm3=certificate.content_sm3,
            download_url=reverse("citizen_api:certificate_pdf", kwargs={"code": code}),
            verify_url=verify_url(code),
        )


class VerificationOut(Schema):
    """Never more than kind, issue time and masked holder; all null unless genuine."""

    genuine: bool
    status: str
    message: str
    kind: str | None
    kind_label: str | None
    issued_at: datetime | None
    holder_masked: str | None

    @classmethod
    def from_result(cls, result: VerificationResult) -> VerificationOut:
        return cls(
            genuine=result.genuine,
            status=str(result.status),
            message=result.message,
            kind=result.kind or None,
            kind_label=result.kind_label or None,
            issued_at=clock.localise(result.issued_at) if result.issued_at else None,
            holder_masked=result.holder_masked or None,
        )
