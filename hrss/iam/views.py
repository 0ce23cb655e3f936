"""Login and logout pages (thin: one service call each)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from hrss.core import clock
from hrss.iam.errors import AuthenticationFailed
from hrss.iam.forms import LoginForm
from hrss.iam.models import STAFF_ROLES, Account
from hrss.iam.services import account_authenticate
from hrss.iam.sessions import (
    NOTICE_LOGGED_OUT,
    SESSION_LAST_ACTIVITY,
    SESSION_MFA_OK,
    SESSION_NOTICE,
    end_session,
    notice_text,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _start_session(request: HttpRequest, account: Account) -> None:
    login(request, account, backend=MODEL_BACKEND)  # new session key: no fixation
    request.session[SESSION_MFA_OK] = account.role in STAFF_ROLES
    request.session[SESSION_LAST_ACTIVITY] = int(clock.now().timestamp())


@sensitive_post_parameters("password", "totp_code")
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    """登录: password for everyone, plus the TOTP code for staff roles."""
    next_url = _safe_next(request)
    notice = notice_text(request.session.pop(SESSION_NOTICE, ""))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = account_authenticate(
                **form.cleaned_data,
                client_ip=request.META.get("REMOTE_ADDR", ""),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        except AuthenticationFailed as error:
            form.add_authentication_error(error)
        else:
            _start_session(request, account)
            return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "notice": notice,
        "max_failures": settings.HRSS_LOGIN_MAX_FAILURES,
        "lock_minutes": settings.HRSS_LOGIN_LOCK_MINUTES,
    }
    return render(request, "iam/login.html", context, status=400 if form.errors else 200)


@require_POST
@csrf_protect
def logout_view(request: HttpRequest) -> HttpResponse:
    """退出: POST only, so a link or an image on another site cannot log anyone out."""
    end_session(request, reason="user", notice=NOTICE_LOGGED_OUT)
    return redirect("iam:login")


def admin_login_redirect(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """Stands in for the Django admin's login form: everyone logs in through ours."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    return redirect_to_login(next_url)


def admin_logout(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """Stands in for the Django admin's logout, so that logout is audited the same way."""
    return logout_view(request)
