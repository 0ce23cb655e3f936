"""Pages of e-certificates: the public verification page and the holder's download page.

Both work without JavaScript: verification is a GET form (code) and a multipart
POST form (file); the download is a POST form (CSRF) answered with the PDF itself.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from hrss.core.errors import PermissionDenied
from hrss.iam.models import Account, Role
from hrss.service_hall.certificates import selectors, services, verification
from hrss.service_hall.certificates.codes import normalise_code
from hrss.service_hall.certificates.verification import VerificationResult

HOLDER_ROLES = frozenset({Role.CITIZEN, Role.EMPLOYER_AGENT})
VERIFY_TEMPLATE = "service_hall/certificate_verify.html"
PROOF_TEMPLATE = "service_hall/certificate_insurance_proof.html"


class CodeForm(forms.Form):
    code = forms.CharField(label=_("验证码"), max_length=40)

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("验证码应为 16 位字母和数字(不含 0、1、I、L、O、U),请核对证明上印的验证码")
            )
        return code


class FileForm(forms.Form):
    file = forms.FileField(label=_("证照文件(PDF)"))

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is None or upload.size > verification.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("文件超过 5 MB,请上传平台签发的原始 PDF 文件"))
        return upload


def pdf_response(data: bytes, code: str) -> HttpResponse:
    """A PDF download that no shared cache keeps (it holds personal data)."""
    disposition = content_disposition_header(as_attachment=True, filename=f"参保证明-{code}.pdf")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = disposition or "attachment"
    response["Cache-Control"] = "private, no-store"
    return response


def _verify_page(
    request: HttpRequest,
    *,
    code_form: CodeForm | None = None,
    file_form: FileForm | None = None,
    result: VerificationResult | None = None,
    by_file: bool = False,
) -> HttpResponse:
    context: dict[str, Any] = {
        "code_form": code_form or CodeForm(),
        "file_form": file_form or FileForm(),
        "result": result,
        "by_file": by_file,
        "max_mb": verification.MAX_UPLOAD_BYTES // (1024 * 1024),
    }
    return render(request, VERIFY_TEMPLATE, context)


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """证照核验 (public): type a code (GET, redirects to its page) or upload the PDF (POST)."""
    if request.method == "POST":
        file_form = FileForm(request.POST, request.FILES)
        if not file_form.is_valid():
            return _verify_page(request, file_form=file_form)
        data = file_form.cleaned_data["file"].read()
        result = verification.certificate_verify_bytes(data)
        return _verify_page(request, result=result, by_file=True)
    if "code" not in request.GET:
        return _verify_page(request)
    code_form = CodeForm(request.GET)
    if not code_form.is_valid():
        return _verify_page(request, code_form=code_form)
    return redirect("certificates:verify_code", code=code_form.cleaned_data["code"])


@require_http_methods(["GET"])
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    """The page a certificate's QR code opens: genuine or not, kind, time, masked holder."""
    return _verify_page(request, result=verification.certificate_verify_code(code))


@login_required
@require_http_methods(["GET", "POST"])
def insurance_proof(request: HttpRequest) -> HttpResponse:
    """参保证明 (instant): a button that issues a signed PDF and downloads it (no JS)."""
    account = request.user
    if not isinstance(account, Account) or account.role not in HOLDER_ROLES:
        raise PermissionDenied("certificates.role", "参保证明由参保人本人或单位经办人开具")
    if request.method == "POST":
        certificate = services.issue_insurance_proof_for(actor=account)
        data = selectors.certificate_pdf(certificate)
        return pdf_response(data, certificate.verification_code)
    is_employer = account.role == Role.EMPLOYER_AGENT
    return render(request, PROOF_TEMPLATE, {"is_employer": is_employer})


app_name = "certificates"
urlpatterns = [
    path("verify/", verify, name="verify"),
    path("verify/<str:code>/", verify_code, name="verify_code"),
    path("me/certificates/insurance-proof/", insurance_proof, name="insurance_proof"),
]
