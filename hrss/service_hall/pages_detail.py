"""What both detail pages show (applicant's and caseworker's): steps, timeline, holder, due date.

Built from :class:`~hrss.service_hall.selectors.ApplicationDetail`, already read by
the view through the access selector; no further query but one for district names.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from hrss.core.masking import mask_name
from hrss.service_hall.models import Application, ApplicationEvent
from hrss.service_hall.pages_common import (
    ACTION_LABELS,
    TIME_LABELS,
    district_names,
    status_label,
)
from hrss.service_hall.pages_progress import current_position, progress_steps
from hrss.service_hall.selectors import ApplicationDetail
from hrss.service_hall.workflow import EDITABLE_STATES, FINAL_STATES, Status

STAFF_HOLDS = frozenset({Status.ACCEPTED, Status.IN_REVIEW, Status.SECOND_REVIEW, Status.APPROVED})


def holder_text(app: Application, district_name: str) -> str:
    """Who has the application now, in words."""
    if app.status in EDITABLE_STATES:
        return _("申请人(待您操作)")
    if app.status == Status.SUBMITTED:
        return _("{district}人社经办机构(待受理)").format(district=district_name)
    if app.status in STAFF_HOLDS:
        return _("{district}人社经办机构 · 经办人员").format(district=district_name)
    return _("已结束,无人办理")


def applicant_display(app: Application) -> str:
    """The applicant, masked: 张* or the employer's name (not personal data)."""
    if app.employer is not None:
        return app.employer.name
    return mask_name(app.person.name) if app.person is not None else ""


def timeline_rows(timeline: list[ApplicationEvent], *, staff: bool) -> list[dict[str, Any]]:
    """Each event in words; the applicant sees roles, staff also see account names."""
    rows = []
    for event in timeline:
        who = _actor_words(event)
        if staff and event.actor_role not in ("system", "citizen", "employer_agent"):
            who = f"{who}({event.actor_name})"
        rows.append(
            {
                "event": event,
                "action": str(ACTION_LABELS.get(event.action, event.action)),
                "status": status_label(event.to_status),
                "who": who,
                "items": [d.get("message", "") for d in event.detail if isinstance(d, dict)],
            }
        )
    return rows


def _actor_words(event: ApplicationEvent) -> str:
    if event.actor_name == "pre-review":
        return _("系统自动预审")
    if event.actor_role in ("citizen", "employer_agent"):
        return _("申请人")
    if event.actor_role == "system":
        return _("系统")
    return _("经办人员")


def detail_context(detail: ApplicationDetail, *, staff: bool = False) -> dict[str, Any]:
    app = detail.application
    steps = progress_steps(
        status=app.status,
        timeline=detail.timeline,
        needs_second_review=app.item.needs_second_review,
    )
    district = district_names([app.district]).get(app.district, app.district)
    return {
        "app": app,
        "detail": detail,
        "steps": steps,
        "position": current_position(steps),
        "status_label": status_label(app.status),
        "time_state": detail.time_state,
        "time_label": str(TIME_LABELS.get(detail.time_state, detail.time_state)),
        "district_name": district,
        "holder": holder_text(app, district),
        "applicant_name": applicant_display(app),
        "timeline": timeline_rows(detail.timeline, staff=staff),
        "notice": detail.notice,
        "notice_items": _notice_items(detail.notice),
        "is_final": app.status in FINAL_STATES,
        "has_result": app.status in (Status.APPROVED, Status.COMPLETED, Status.REJECTED),
    }


def _notice_items(notice: ApplicationEvent | None) -> list[str]:
    if notice is None:
        return []
    items = [d.get("message", "") for d in notice.detail if isinstance(d, dict)]
    return [i for i in items if i] or [line for line in notice.note.splitlines() if line.strip()]
