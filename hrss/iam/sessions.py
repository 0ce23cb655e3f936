"""Session bookkeeping shared by the login view and the middleware.

Keys kept in the session:

* ``mfa_ok`` — set by our login view once a staff account passed its TOTP check.
  A staff session without it came in by another door (e.g. Django's own login
  form) and is ended.
* ``last_activity`` — Unix seconds of the last request, for the idle timeout.
* ``iam_notice`` — why the last session ended, shown once on the login page.
"""

from __future__ import annotations

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext

from hrss.iam.models import Account
from hrss.iam.services import account_record_logout

SESSION_MFA_OK = "mfa_ok"
SESSION_LAST_ACTIVITY = "last_activity"
SESSION_NOTICE = "iam_notice"

NOTICE_IDLE = "idle"
NOTICE_SECOND_FACTOR = "second_factor"
NOTICE_LOGGED_OUT = "logged_out"


def notice_text(code: str) -> str:
    """The sentence shown on the login page for a notice code ('' if unknown)."""
    texts = {
        NOTICE_IDLE: gettext("长时间未操作,已自动退出"),
        NOTICE_SECOND_FACTOR: gettext("工作人员须通过本页输入动态验证码登录,请重新登录"),
        NOTICE_LOGGED_OUT: gettext("您已安全退出"),
    }
    return texts.get(code, "")


def end_session(request: HttpRequest, *, reason: str, notice: str = "") -> None:
    """Audit and end the session; keep ``notice`` for the next page in a fresh session."""
    user = getattr(request, "user", None)
    if isinstance(user, Account) and user.is_authenticated:
        account_record_logout(account=user, reason=reason)
    logout(request)
    if notice:
        request.session[SESSION_NOTICE] = notice


def login_required_response(request: HttpRequest, *, notice: str = "") -> HttpResponse:
    """Send a page request to the login page (with ``next``), an API call a 401 problem."""
    if request.path.startswith("/api/"):
        body = {
            "type": "urn:hrss:error:iam.session_ended",
            "title": notice_text(notice) or gettext("请先登录"),
            "status": 401,
            "code": "iam.session_ended",
        }
        return JsonResponse(body, status=401, content_type="application/problem+json")
    return redirect_to_login(request.get_full_path())
