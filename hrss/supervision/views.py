"""Supervision pages: the screening button and its progress, the runs, proactive tasks.

``/supervision/`` — supervisors start a screening (all rules or a selection) as a
background job and follow its progress bar; the page can be left and come back
to (it refreshes itself with a plain ``<meta http-equiv=refresh>`` while a run is
active, no JavaScript needed). Inspectors see their district's cases from here.
Cases are in :mod:`hrss.supervision.views_cases`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hrss.analytics.rules import RULES
from hrss.core.errors import DomainError
from hrss.iam.models import Role
from hrss.supervision import runs
from hrss.supervision.models import ProactiveKind, ProactiveTask
from hrss.supervision.pages import (
    DONE_TEXT,
    PER_PAGE,
    account_of,
    district_label,
    page_number,
    person_label,
    run_row,
    supervision_page,
)
from hrss.supervision.proactive import OFFERS
from hrss.supervision.proactive_services import proactive_task_done, proactive_task_list_for_actor
from hrss.supervision.selectors import case_list_for_actor
from hrss.supervision.workflow import CaseStatus

REFRESH_SECONDS = 3


def _start_form(request: HttpRequest) -> dict[str, Any]:
    """The screening form's choices and what was last posted."""
    picked = set(request.POST.getlist("rules"))
    return {
        "rules": [
            {"code": r.code, "title": r.title, "checked": r.code in picked} for r in RULES.values()
        ],  # fmt: skip
        "engines": runs.engine_choices(),
        "engine": request.POST.get("engine", "duckdb"),
        "as_of": request.POST.get("as_of", ""),
    }


def _index_context(request: HttpRequest) -> dict[str, Any]:
    actor = account_of(request)
    cases = case_list_for_actor(actor=actor)
    by_status = dict(cases.order_by().values_list("status").annotate(n=Count("id")))
    active = runs.active_run() if actor.role == Role.SUPERVISOR else None
    return {
        "supervisor": actor.role == Role.SUPERVISOR,
        "counts": [
            (CaseStatus(s).label, s, by_status.get(s, 0))
            for s in CaseStatus
            if s != CaseStatus.CLOSED
        ],  # fmt: skip
        "mine": cases.filter(assignee=actor).count(),
        "open_tasks": proactive_task_list_for_actor(actor=actor).count(),
        "active": run_row(active) if active else None,
        "runs": [run_row(r) for r in runs.run_list(actor=actor)],
        "form": _start_form(request),
        "refresh": REFRESH_SECONDS if active else None,
        "district": district_label(actor.district),
        "tab": "index",
    }


@supervision_page
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """监管首页: the button, the active run's progress, the latest runs, the case counts."""
    return render(request, "supervision/index.html", _index_context(request))


def _as_of(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text.strip() else None
    except ValueError:
        raise DomainError(
            "supervision.bad_as_of", "筛查基准日格式不正确,请按 2026-10-31 的格式填写"
        ) from None


@supervision_page
@require_POST
def run_start(request: HttpRequest) -> HttpResponse:
    """开始筛查: queue the job and go to its progress page (errors: back to the form)."""
    post = request.POST
    try:
        run = runs.screening_request(
            actor=account_of(request), rules=post.getlist("rules"),
            engine=post.get("engine", "duckdb"), as_of=_as_of(post.get("as_of", "")),
            retirement=post.get("retirement") == "1",
        )  # fmt: skip
    except DomainError as error:
        context = {**_index_context(request), "error": error.message}
        return render(request, "supervision/index.html", context, status=error.status)
    return redirect("supervision:run", run_id=run.pk)


@supervision_page
@require_GET
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    """One run: stage, progress bar, counts; refreshes itself while the run is active."""
    run = runs.access_run_by_id(actor=account_of(request), run_id=run_id)
    row = run_row(run)
    context = {"row": row, "refresh": REFRESH_SECONDS if row["active"] else None, "tab": "index"}
    return render(request, "supervision/run.html", context)


@supervision_page
@require_GET
def run_progress(request: HttpRequest, run_id: int) -> JsonResponse:
    """The same as JSON (for a script that would rather poll than reload)."""
    run = runs.access_run_by_id(actor=account_of(request), run_id=run_id)
    fields = ("status", "stage", "progress", "hits", "opened", "seen_again", "tasks_opened")
    body = {name: getattr(run, name) for name in fields}
    body["url"] = reverse("supervision:run", kwargs={"run_id": run.pk})
    return JsonResponse(body)


def _task_rows(tasks: Any) -> list[dict[str, Any]]:
    return [
        {"task": t, "kind": ProactiveKind(t.kind).label, "person": person_label(t.person),
         "district": district_label(t.district), "item": OFFERS[t.kind].item_name}
        for t in tasks
    ]  # fmt: skip


@supervision_page
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    """主动服务任务: persons to approach (F07, F08, retirement age), by kind and status."""
    kind = request.GET.get("kind", "")
    kind = kind if kind in ProactiveKind.values else ""
    status = request.GET.get("status", ProactiveTask.Status.OPEN)
    status = status if status in ProactiveTask.Status.values else ""
    tasks = proactive_task_list_for_actor(actor=account_of(request), kind=kind, status=status)
    page = Paginator(tasks, PER_PAGE).get_page(page_number(request))
    context = {
        "page": page, "rows": _task_rows(page.object_list), "kind": kind, "status": status,
        "kinds": ProactiveKind.choices, "statuses": ProactiveTask.Status.choices,
        "done": DONE_TEXT.get(request.GET.get("done", "")), "tab": "tasks",
    }  # fmt: skip
    return render(request, "supervision/tasks.html", context)


@supervision_page
@require_POST
def task_done(request: HttpRequest, task_id: int) -> HttpResponse:
    """标记已办结 (not found outside the actor's district)."""
    proactive_task_done(
        actor=account_of(request), task_id=task_id, note=request.POST.get("note", "")
    )
    return redirect(f"{reverse('supervision:tasks')}?done=task_done")
