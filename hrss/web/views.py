"""Portal pages: the home page and the large-text (适老化) switch."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

TEXT_SIZE_COOKIE = "hrss_text_size"
TEXT_SIZES = ("normal", "large")
ONE_YEAR = 365 * 24 * 60 * 60


def home(request: HttpRequest) -> HttpResponse:
    """首页: what the platform offers and where each kind of user starts."""
    return render(request, "web/home.html")


def text_size(request: HttpRequest) -> HttpResponse:
    """Switch large text on or off (a plain link, no JavaScript) and remember it in a cookie."""
    size = request.GET.get("size", "")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    if size in TEXT_SIZES:
        response.set_cookie(
            TEXT_SIZE_COOKIE,
            size,
            max_age=ONE_YEAR,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    return response
