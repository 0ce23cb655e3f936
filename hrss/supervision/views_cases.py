"""Case pages: the list (filter by rule, status, district), one case with its timeline,
and the case actions — each through the case services of :mod:`hrss.supervision.services`.

A case outside the actor's district is not found (the same page as a missing one),
and nothing is written. An action refused by the service (wrong status, not the
assignee, bad amount) shows the case again with the reason next to the forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hrss.analytics.rules import RULES
from hrss.core.errors import DomainError, NotFound
from hrss.iam.models import Account, Role, district_prefix
from hrss.supervision import services
from hrss.supervision.models import ScreeningCase
from hrss.supervision.pages import (
    DONE_TEXT,
    PER_PAGE,
    account_of,
    case_row,
    page_number,
    supervision_page,
)
from hrss.supervision.selectors import access_case_by_id, case_list_for_actor
from hrss.supervision.workflow import CaseAction, CaseStatus, allowed_actions

SUPERVISOR_ACTIONS = frozenset({CaseAction.ASSIGN, CaseAction.CLOSE})


def _filters(request: HttpRequest) -> dict[str, str]:
    """The list's filters, each ignored unless well formed (they can only narrow)."""
    get = request.GET
    rule = get.get("rule", "")
    status = get.get("status", "")
    district = get.get("district", "").strip()
    run = get.get("run", "")
    return {
        "rule": rule if rule in RULES else "",
        "status": status if status in CaseStatus.values else "",
        "district": district if district.isdigit() and 2 <= len(district) <= 6 else "",
        "run": run if run.isdigit() else "",
        "mine": "1" if get.get("mine") == "1" else "",
    }


def _filtered(actor: Account, f: dict[str, str]) -> QuerySet[ScreeningCase]:
    cases = case_list_for_actor(actor=actor, open_only=not f["status"])
    if f["rule"]:
        cases = cases.filter(rule=f["rule"])
    if f["status"]:
        cases = cases.filter(status=f["status"])
    if f["district"]:
        d = f["district"]
        cases = cases.filter(district__startswith=district_prefix(d) if len(d) == 6 else d)
    if f["run"]:
        cases = cases.filter(last_run_id=int(f["run"]))
    if f["mine"]:
        cases = cases.filter(assignee=actor)
    return cases.select_related("person")


@supervision_page
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    """案件列表: the actor's district only; open cases unless a status is chosen."""
    f = _filters(request)
    page = Paginator(_filtered(account_of(request), f), PER_PAGE).get_page(page_number(request))
    query = "&".join(f"{k}={v}" for k, v in f.items() if v)
    context = {
        "page": page, "rows": [case_row(c) for c in page.object_list], "f": f, "query": query,
        "rules": [(r.code, r.title) for r in RULES.values()], "statuses": CaseStatus.choices,
        "tab": "cases",
    }  # fmt: skip
    return render(request, "supervision/cases.html", context)


def _assignees(case: ScreeningCase) -> list[Account]:
    """Inspectors and supervisors whose district covers the case."""
    d = case.district
    covering = {d, d[:4] + "00", d[:2] + "0000"}
    staff = Account.objects.filter(
        role__in=(Role.INSPECTOR, Role.SUPERVISOR), district__in=covering, is_active=True
    )
    return [a for a in staff.order_by("role", "username") if a.covers_region(d)]


def _actions(actor: Account, case: ScreeningCase) -> list[str]:
    """The actions this actor may take on the case in its status (the forms shown)."""
    supervisor = actor.role == Role.SUPERVISOR
    assignee = case.assignee_id == actor.pk
    return [
        str(a) for a in allowed_actions(case.status)
        if supervisor or (assignee and a not in SUPERVISOR_ACTIONS)
    ]  # fmt: skip


def _detail(request: HttpRequest, case: ScreeningCase, *, error: str = "",
            status: int = 200) -> HttpResponse:  # fmt: skip
    actor = account_of(request)
    actions = _actions(actor, case)
    context = {
        **case_row(case),
        "basis": RULES[case.rule].basis if case.rule in RULES else "",
        "events": list(case.events.all()),
        "actions": actions,
        "assignees": _assignees(case) if CaseAction.ASSIGN in actions else [],
        "error": error,
        "done": DONE_TEXT.get(request.GET.get("done", "")),
        "posted": request.POST if error else {},
        "tab": "cases",
    }
    return render(request, "supervision/case.html", context, status=status)


@supervision_page
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """One case: what was found, its timeline, the actions (the read is audited)."""
    return _detail(request, access_case_by_id(actor=account_of(request), case_id=case_id))


def _assignee(request: HttpRequest) -> Account:
    text = request.POST.get("assignee", "")
    found = Account.objects.filter(pk=int(text)).first() if text.isdigit() else None
    if found is None:
        raise DomainError("supervision.bad_assignee", "请选择承办人")
    return found


ACTIONS: dict[str, Callable[[Account, int, HttpRequest], Any]] = {
    CaseAction.ASSIGN: lambda a, c, r: services.case_assign(
        actor=a, case_id=c, assignee=_assignee(r)),
    CaseAction.START: lambda a, c, r: services.case_start_investigation(actor=a, case_id=c),
    CaseAction.CONFIRM: lambda a, c, r: services.case_confirm(
        actor=a, case_id=c, amount_to_recover=r.POST.get("amount", "").strip(),
        note=r.POST.get("note", "")),
    CaseAction.DISMISS: lambda a, c, r: services.case_dismiss(
        actor=a, case_id=c, reason=r.POST.get("reason", "")),
    CaseAction.RECOVER: lambda a, c, r: services.case_record_recovery(
        actor=a, case_id=c, amount=r.POST.get("amount", "").strip()),
    CaseAction.CLOSE: lambda a, c, r: services.case_close(
        actor=a, case_id=c, note=r.POST.get("note", "")),
}  # fmt: skip


@supervision_page
@require_POST
def case_action(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    """Do ``action`` on the case through its service, then show the case again."""
    actor = account_of(request)
    if (
        action not in ACTIONS
        or not case_list_for_actor(actor=actor, open_only=False).filter(pk=case_id).exists()
    ):
        raise NotFound()
    try:
        ACTIONS[action](actor, case_id, request)
    except DomainError as error:
        case = access_case_by_id(actor=actor, case_id=case_id)
        return _detail(request, case, error=error.message, status=error.status)
    url = reverse("supervision:case", kwargs={"case_id": case_id})
    return redirect(f"{url}?done={action}")
