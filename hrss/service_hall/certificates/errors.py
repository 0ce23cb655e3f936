"""Error codes of e-certificates (stable: APIs, pages and tests rely on them)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from hrss.core.errors import DomainError, NotFound


class CertificateNotFound(NotFound):
    """Missing, or not the caller's own certificate: the same answer for both."""

    default_code = "certificates.not_found"
    default_message = "未找到该证照"


class CertificateFileTooLarge(DomainError):
    status = 413
    default_code = "certificates.file_too_large"
    default_message = "文件超过 5 MB,请上传平台签发的原始 PDF 文件"


class CertificateFontMissing(ImproperlyConfigured):
    """The server lacks the Chinese fonts the PDFs embed (a deployment fault, not user input)."""
