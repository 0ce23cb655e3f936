"""The caseworker's side: accept, return with a one-time notice, review, second review,
approve (running the item's executor), reject with a reason, complete.

Every action takes the ``version`` the caseworker saw; only a caseworker whose district
covers the application may act (anyone else gets "not found", and nothing is written).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.models import calendar_overrides
from hrss.service_hall.errors import SameReviewer, SecondReviewRequired, invalid
from hrss.service_hall.executors import resolve_executor
from hrss.service_hall.models import Application
from hrss.service_hall.prereview import Problem, notice_text, problems_as_detail
from hrss.service_hall.selectors.access import can_handle
from hrss.service_hall.services.transitions import apply_action, lock_application
from hrss.service_hall.timelimits import due_date_for
from hrss.service_hall.workflow import Action, Status, next_status

MAX_NOTE = 2000


def _lock_for_staff(actor: Actor, application_id: int, version: int) -> Application:
    return lock_application(
        actor=actor, application_id=application_id, allowed=can_handle, version=version
    )


def _act(
    actor: Actor, application_id: int, version: int, action: Action, note: str = "", **changes: Any
) -> Application:
    application = _lock_for_staff(actor, application_id, version)
    apply_action(
        actor=actor,
        application=application,
        action=action,
        note=note.strip()[:MAX_NOTE],
        changes=changes,
    )
    return application


@transaction.atomic
def application_accept(
    *, actor: Actor, application_id: int, version: int, note: str = ""
) -> Application:
    """受理: the time limit starts today (unless it started at an earlier acceptance)."""
    application = _lock_for_staff(actor, application_id, version)
    changes: dict[str, Any] = {}
    if application.accepted_at is None:
        today = clock.today()
        limit = application.item.limit_days
        changes = {
            "accepted_at": clock.now(),
            "due_date": due_date_for(today, limit, calendar_overrides(start=today)),
        }
    apply_action(
        actor=actor, application=application, action=Action.ACCEPT, note=note, changes=changes
    )
    return application


def clean_notice(items: list[str]) -> list[Problem]:
    """The caseworker's notice items; at least one, each non-blank."""
    problems = [Problem("notice.item", text.strip()[:500]) for text in items if text.strip()]
    if not problems:
        raise invalid("application.notice_required", "退回补正须列明需要补正的全部内容")
    return problems


@transaction.atomic
def application_return(
    *, actor: Actor, application_id: int, version: int, notice: list[str]
) -> Application:
    """退回补正 with a one-time notice listing everything to fix; the clock pauses if running."""
    problems = clean_notice(notice)
    application = _lock_for_staff(actor, application_id, version)
    changes = {"clock_paused_on": clock.today()} if application.accepted_at else {}
    apply_action(
        actor=actor,
        application=application,
        action=Action.RETURN,
        note=notice_text(problems),
        detail=problems_as_detail(problems),
        changes=changes,
    )
    return application


@transaction.atomic
def application_start_review(*, actor: Actor, application_id: int, version: int) -> Application:
    """开始审核: the actor becomes the first handler."""
    return _act(actor, application_id, version, Action.START_REVIEW, handler_id=actor.pk)


@transaction.atomic
def application_second_review(
    *, actor: Actor, application_id: int, version: int, note: str = ""
) -> Application:
    """提交复核: the first handler sends the case, with an opinion, to another caseworker."""
    return _act(
        actor, application_id, version, Action.SEND_TO_SECOND_REVIEW, note, handler_id=actor.pk
    )


def _check_reviewer(actor: Actor, application: Application, action: Action) -> None:
    next_status(application.status, action)  # an impossible action fails as such, first
    if application.status == Status.SECOND_REVIEW and actor.pk == application.handler_id:
        raise SameReviewer()
    if application.status == Status.IN_REVIEW and application.item.needs_second_review:
        raise SecondReviewRequired()  # the decision, either way, is the second reviewer's


def _run_executor(actor: Actor, application: Application) -> str:
    path = application.item.executor
    if not path:
        return ""
    result = resolve_executor(path)(actor=actor, application=application)
    return str(result or "")[:MAX_NOTE]


@transaction.atomic
def application_approve(
    *, actor: Actor, application_id: int, version: int, note: str = ""
) -> Application:
    """审核通过; runs the item's executor (the owning area's service) in the same transaction."""
    application = _lock_for_staff(actor, application_id, version)
    _check_reviewer(actor, application, Action.APPROVE)
    result = _run_executor(actor, application)
    apply_action(
        actor=actor,
        application=application,
        action=Action.APPROVE,
        note=(note.strip() or result)[:MAX_NOTE],
        changes={"result": result} if result else {},
    )
    return application


@transaction.atomic
def application_reject(
    *, actor: Actor, application_id: int, version: int, reason: str
) -> Application:
    """不予批准, with the reason the applicant is told (required)."""
    reason = reason.strip()[:MAX_NOTE]
    if not reason:
        raise invalid("application.reason_required", "不予批准须说明理由")
    application = _lock_for_staff(actor, application_id, version)
    _check_reviewer(actor, application, Action.REJECT)
    apply_action(
        actor=actor,
        application=application,
        action=Action.REJECT,
        note=reason,
        changes={"result": reason, "closed_at": clock.now(), "clock_paused_on": None},
    )
    return application


@transaction.atomic
def application_complete(
    *, actor: Actor, application_id: int, version: int, result: str = ""
) -> Application:
    """办结: the application is done; ``result`` is what the applicant is told they got."""
    application = _lock_for_staff(actor, application_id, version)
    now = clock.now()
    text = result.strip()[:MAX_NOTE] or application.result
    apply_action(
        actor=actor,
        application=application,
        action=Action.COMPLETE,
        note=text,
        changes={"result": text, "completed_at": now, "closed_at": now},
    )
    return application
