"""Session guards: staff second factor, idle timeout (等保 level 3 身份鉴别)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from hrss.core import clock
from hrss.iam.models import STAFF_ROLES
from hrss.iam.sessions import (
    NOTICE_IDLE,
    NOTICE_SECOND_FACTOR,
    SESSION_LAST_ACTIVITY,
    SESSION_MFA_OK,
    end_session,
    login_required_response,
)

# Write the activity stamp at most this often (a session save per click is wasted work).
ACTIVITY_RESOLUTION_SECONDS = 15


def _is_login_page(request: HttpRequest) -> bool:
    return request.path == reverse("iam:login")


class StaffSecondFactorMiddleware:
    """End any staff session that did not pass the TOTP check of our login view.

    Closes every other door that can log a staff account in with a password
    alone (Django admin's login form, a future API login, ``client.login``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "role", None) in STAFF_ROLES
            and not request.session.get(SESSION_MFA_OK)
        ):
            end_session(request, reason="second_factor_missing", notice=NOTICE_SECOND_FACTOR)
            if not _is_login_page(request):
                return login_required_response(request, notice=NOTICE_SECOND_FACTOR)
        return self.get_response(request)


class IdleTimeoutMiddleware:
    """Log out a session idle for ``HRSS_SESSION_IDLE_SECONDS`` (clock: ``hrss.core.clock``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(clock.now().timestamp())
            last = request.session.get(SESSION_LAST_ACTIVITY)
            if last is not None and now - int(last) >= settings.HRSS_SESSION_IDLE_SECONDS:
                end_session(request, reason="idle", notice=NOTICE_IDLE)
                if not _is_login_page(request):
                    return login_required_response(request, notice=NOTICE_IDLE)
            elif last is None or now - int(last) >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[SESSION_LAST_ACTIVITY] = now
        return self.get_response(request)
