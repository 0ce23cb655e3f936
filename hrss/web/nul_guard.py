"""Refuse text input that carries NUL characters (U+0000), before any view runs.

No field of the platform may contain one, PostgreSQL text columns cannot store one,
and a NUL in a log line or a CSV export is a classic injection trick. Uploaded file
*contents* are binary and not inspected here; their form fields are.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hrss.core.errors import DomainError

NUL_ERROR = DomainError(
    "input.bad_character", "提交的内容含有不可见的非法字符(NUL),请检查后重新输入"
)


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path or any("\x00" in v for vs in request.GET.lists() for v in vs[1]):
        return True
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return False
    if (request.content_type or "").startswith("multipart/"):
        return any("\x00" in v for _k, vs in request.POST.lists() for v in vs)
    body = request.body
    return b"\x00" in body or b"\\u0000" in body


class NulGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return _refuse(request)
        return self.get_response(request)


def _refuse(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        from hrss.config.api import problem_response

        return problem_response(NUL_ERROR)
    context = {"message": NUL_ERROR.message, "code": NUL_ERROR.code, "errors": []}
    return render(request, "web/error.html", context, status=400)
