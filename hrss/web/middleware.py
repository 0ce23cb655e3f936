"""The page side of the one error handler: a DomainError raised under a page view
becomes a readable page (the APIs render the same errors as problem+json)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hrss.core.errors import DomainError, ValidationFailed


class DomainErrorPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DomainError) or request.path.startswith("/api/"):
            return None
        errors = exception.errors if isinstance(exception, ValidationFailed) else []
        context = {"message": exception.message, "code": exception.code, "errors": errors}
        return render(request, "web/error.html", context, status=exception.status)
