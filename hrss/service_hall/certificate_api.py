"""E-certificate endpoints: issue and download (holders), verify (anyone, no login).

``citizen_router`` is mounted on the citizen API under the session auth of
citizens and employer agents; ``public_router`` operations carry ``auth=None``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import File, Router
from ninja.files import UploadedFile
from ninja.responses import Status

from hrss.iam.api_auth import citizen_auth, current_account
from hrss.service_hall.certificate_views import pdf_response
from hrss.service_hall.certificates import selectors, services, verification
from hrss.service_hall.certificates.errors import CertificateFileTooLarge
from hrss.service_hall.certificates.schemas import CertificateOut, VerificationOut

citizen_router = Router(tags=["certificates 电子证照"], auth=citizen_auth)
public_router = Router(tags=["verify 证照核验"])

PDF_RESPONSE = {
    "responses": {
        200: {
            "description": "参保证明 PDF",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}

# The upload takes one field, ``file``; say so, so that clients and fuzzers send no other.
ONE_FILE_ONLY = {
    "requestBody": {"content": {"multipart/form-data": {"schema": {"additionalProperties": False}}}}
}


@citizen_router.post(
    "/certificates/insurance-proof",
    response={201: CertificateOut},
    summary="开具参保证明",
    url_name="certificate_issue",
)
def insurance_proof_issue(request: HttpRequest) -> Status[CertificateOut]:
    """Issue a signed 参保证明 PDF: a citizen's own (个人), an employer agent's employer's (单位).

    Returns the verification code, the download URL and the public verification URL.
    """
    certificate = services.issue_insurance_proof_for(actor=current_account(request))
    return Status(201, CertificateOut.from_certificate(certificate))


@citizen_router.get(
    "/certificates/{code}/pdf",
    summary="下载电子证照 PDF",
    url_name="certificate_pdf",
    openapi_extra=PDF_RESPONSE,
)
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    """The PDF exactly as issued and signed; only its holder may download it.

    Anyone else gets the same 404 (``certificates.not_found``) as for an unknown code.
    """
    certificate = selectors.certificate_for_holder(actor=current_account(request), code=code)
    return pdf_response(selectors.certificate_pdf(certificate), certificate.verification_code)


@public_router.get(
    "/verify/{code}",
    response=VerificationOut,
    auth=None,
    summary="按验证码核验电子证照",
    url_name="certificate_verify_code",
)
def verify_by_code(request: HttpRequest, code: str) -> VerificationOut:
    """Public, no login. Says whether a certificate with this code exists and is genuine.

    Reveals only its kind, issue time and masked holder (``张*``).
    """
    return VerificationOut.from_result(verification.certificate_verify_code(code))


@public_router.post(
    "/verify",
    response=VerificationOut,
    auth=None,
    summary="上传文件核验电子证照",
    url_name="certificate_verify_file",
    openapi_extra=ONE_FILE_ONLY,
)
def verify_by_file(request: HttpRequest, file: File[UploadedFile]) -> VerificationOut:
    """Public, no login. Upload a PDF (multipart field ``file``, at most 5 MB).

    Genuine only if the file is byte for byte a certificate the platform signed;
    larger files are refused with 413 ``certificates.file_too_large``.
    """
    if file.size is None or file.size > verification.MAX_UPLOAD_BYTES:
        raise CertificateFileTooLarge()
    return VerificationOut.from_result(verification.certificate_verify_bytes(file.read()))
