"""Shared parts of the supervision pages: who may open them, labels, masked subjects.

Inspectors and supervisors only; anyone else (and an inspector outside a case's
district) gets the same not-found page as for a missing record. Personal data
is masked by default: a person is shown as a masked name and ID number
(``张*  420106********123X``), an employer by its USCC, a claim by its claim id;
nothing personal goes into a URL or a page title.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from hrss.analytics.rules import RULES
from hrss.core.errors import NotFound
from hrss.core.masking import mask_name
from hrss.core.regions import region_name
from hrss.iam.models import Account, Role
from hrss.supervision.models import ScreeningCase, ScreeningRun
from hrss.supervision.workflow import CaseAction, CaseStatus

View = Callable[..., HttpResponse]
PAGE_ROLES = frozenset({Role.INSPECTOR, Role.SUPERVISOR})
PER_PAGE = 50
STATUS_TAGS = {  # a word and a colour class (never colour alone)
    CaseStatus.NEW: "warn", CaseStatus.ASSIGNED: "info", CaseStatus.INVESTIGATING: "info",
    CaseStatus.CONFIRMED: "bad", CaseStatus.DISMISSED: "muted", CaseStatus.RECOVERED: "ok",
    CaseStatus.CLOSED: "muted",
}  # fmt: skip
RUN_TAGS = {
    ScreeningRun.Status.QUEUED: "info", ScreeningRun.Status.RUNNING: "info",
    ScreeningRun.Status.FINISHED: "ok", ScreeningRun.Status.FAILED: "bad",
}  # fmt: skip
DONE_TEXT = {
    CaseAction.ASSIGN: "案件已分派。", CaseAction.START: "已开始核查。",
    CaseAction.CONFIRM: "已确认违规;属于待遇类违规的,已通知暂停发放。",
    CaseAction.DISMISS: "案件已排除。", CaseAction.RECOVER: "追回金额已登记。",
    CaseAction.CLOSE: "案件已结案。", "task_done": "主动服务任务已办结。",
}  # fmt: skip


def supervision_page(view: View) -> View:
    """Signed in (else the login page), inspector or supervisor (else not found)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if getattr(request.user, "role", None) not in PAGE_ROLES:
            raise NotFound()
        return view(request, *args, **kwargs)

    return login_required(never_cache(wrapped))


def account_of(request: HttpRequest) -> Account:
    """The signed-in account (``supervision_page`` has checked it is one)."""
    user = request.user
    assert isinstance(user, Account)
    return user


def rule_title(code: str) -> str:
    rule = RULES.get(code)
    return f"{code} {rule.title}" if rule else code


def person_label(person: Any) -> str:
    """``张*  420106********123X`` (the masked ID number is stored masked)."""
    return f"{mask_name(person.name)}  {person.id_number_masked}" if person else "—"


def subject_label(case: ScreeningCase) -> str:
    """The case's subject, masked: person, employer (USCC) or claim (claim id)."""
    if case.subject_kind == "person":
        return person_label(case.person)
    if case.subject_kind == "claim":
        return f"结算单 {case.subject_key}"
    return f"单位 {case.subject_key}"


def district_label(code: str) -> str:
    return f"{region_name(code)}({code})" if code else "—"


def page_number(request: HttpRequest) -> int:
    text = request.GET.get("page", "1")
    return int(text) if text.isdigit() and 0 < int(text) < 100_000 else 1


def case_row(case: ScreeningCase) -> dict[str, Any]:
    """What the list and the detail page show of a case."""
    return {
        "case": case,
        "rule": rule_title(case.rule),
        "subject": subject_label(case),
        "district": district_label(case.district),
        "status": CaseStatus(case.status).label,
        "tag": STATUS_TAGS.get(CaseStatus(case.status), "muted"),
        "assignee": case.assignee.get_username() if case.assignee else "未分派",
    }


def run_row(run: ScreeningRun) -> dict[str, Any]:
    active = run.status in (ScreeningRun.Status.QUEUED, ScreeningRun.Status.RUNNING)
    return {
        "run": run, "active": active, "status": ScreeningRun.Status(run.status).label,
        "tag": RUN_TAGS.get(ScreeningRun.Status(run.status), "muted"),
        "rules": "全部规则" if len(run.rules.split(",")) == len(RULES) else run.rules,
    }  # fmt: skip
