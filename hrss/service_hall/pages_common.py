"""What the service hall's pages share: who may open them, labels in plain words, files.

Pages are thin: a role check here, then one ``access_*`` selector, one service or
selector call, and a render. Errors the services raise (``DomainError``) become a
readable page in :mod:`hrss.web.middleware`; a stale ``version`` gets its own
conflict page (:func:`conflict_page`) because it needs its own way out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from hrss.core import blobstore
from hrss.core.errors import PermissionDenied
from hrss.iam.models import Account, Role, district_prefix
from hrss.registry.models import Region
from hrss.service_hall.errors import StaleVersion
from hrss.service_hall.models import Material
from hrss.service_hall.timelimits import TimeState
from hrss.service_hall.workflow import Action, Status

View = Callable[..., HttpResponse]
APPLICANT_ROLES = frozenset({Role.CITIZEN, Role.EMPLOYER_AGENT})
WORKBENCH_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR})
CONFLICT_TEMPLATE = "service_hall/workbench/conflict.html"

STATUS_LABELS: dict[str, Promise] = {
    Status.DRAFT: _("草稿"),
    Status.SUBMITTED: _("已提交,待受理"),
    Status.RETURNED: _("待补正"),
    Status.ACCEPTED: _("已受理"),
    Status.IN_REVIEW: _("审核中"),
    Status.SECOND_REVIEW: _("待复核"),
    Status.APPROVED: _("审核通过,待办结"),
    Status.REJECTED: _("不予批准"),
    Status.COMPLETED: _("已办结"),
    Status.WITHDRAWN: _("已撤回"),
}
ACTION_LABELS: dict[str, Promise] = {
    Action.CREATE: _("创建草稿"),
    Action.SUBMIT: _("提交申请"),
    Action.RETURN: _("退回补正(一次性告知)"),
    Action.RESUBMIT: _("补正后重新提交"),
    Action.ACCEPT: _("受理"),
    Action.START_REVIEW: _("开始审核"),
    Action.SEND_TO_SECOND_REVIEW: _("提交复核"),
    Action.APPROVE: _("审核通过"),
    Action.REJECT: _("不予批准"),
    Action.COMPLETE: _("办结"),
    Action.WITHDRAW: _("撤回申请"),
}
# Time left, in words (never colour alone); the CSS class adds the colour.
TIME_LABELS: dict[str, Promise] = {
    TimeState.NOT_STARTED: _("未受理"),
    TimeState.ON_TIME: _("正常"),
    TimeState.NEAR_DUE: _("即将超期"),
    TimeState.OVERDUE: _("已超期"),
    TimeState.PAUSED: _("补正中(暂停计时)"),
    TimeState.FINISHED: _("已结束"),
}
TYPE_NAMES = {"application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG"}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def role_required(roles: frozenset[str], message: Promise) -> Callable[[View], View]:
    """Log in first (redirect to the login page), then only ``roles`` (a 403 page otherwise)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not isinstance(user, Account) or user.role not in roles:
                raise PermissionDenied("page.role_not_allowed", str(message))
            return view(request, *args, **kwargs)

        return login_required(never_cache(wrapped))

    return decorate


applicant_page = role_required(APPLICANT_ROLES, _("此页面供参保人和单位经办人使用"))
workbench_page = role_required(WORKBENCH_ROLES, _("工作台供经办人员和监督管理人员使用"))


def account_of(request: HttpRequest) -> Account:
    """The signed-in account (the decorators above have checked it is one)."""
    user = request.user
    if not isinstance(user, Account):
        raise PermissionDenied()
    return user


def district_names(codes: Iterable[str]) -> dict[str, str]:
    """GB/T 2260 code → name, for the codes given (one query)."""
    wanted = {c for c in codes if c}
    return dict(Region.objects.filter(code__in=wanted).values_list("code", "name"))


def district_choices(account: Account) -> list[tuple[str, str]]:
    """The regions a staff account's district covers (current ones), for filters."""
    regions = Region.objects.filter(
        code__startswith=district_prefix(account.district), valid_to__isnull=True
    ).exclude(name__endswith="市辖区")
    return [(code, f"{name}({code})") for code, name in regions.values_list("code", "name")]


def type_names(types: Iterable[str]) -> str:
    return "、".join(TYPE_NAMES.get(t, t) for t in types)


def file_response(data: bytes, *, content_type: str, filename: str) -> HttpResponse:
    """A download that no shared cache keeps and no browser re-sniffs."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def material_file(material: Material) -> HttpResponse:
    return file_response(
        blobstore.get(material.blob_key),
        content_type=material.content_type,
        filename=material.filename,
    )


def conflict_page(
    request: HttpRequest, error: StaleVersion, *, seen: int, back_url: str
) -> HttpResponse:
    """409: someone else changed the application since the page was drawn; nothing saved."""
    context = {
        "seen": seen,
        "current": error.extra.get("current_version"),
        "back_url": back_url,
    }
    return render(request, CONFLICT_TEMPLATE, context, status=409)
