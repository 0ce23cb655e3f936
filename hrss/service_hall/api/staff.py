"""Caseworker endpoints of the service hall. Each action takes the ``version`` the caseworker
saw; a stale one gets 409 ``application.stale_version`` and changes nothing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from hrss.iam.api_auth import current_account, staff_auth
from hrss.service_hall import selectors, services
from hrss.service_hall.api.files import FILE_RESPONSE, material_response
from hrss.service_hall.models import Application
from hrss.service_hall.schemas import (
    CompleteIn,
    NoteIn,
    QueueRowOut,
    RejectIn,
    ReturnIn,
    StaffApplicationOut,
    VersionIn,
    queue_row_out,
    staff_application_out,
)

staff_router = Router(tags=["service-hall 一网通办"], auth=staff_auth)
ACTION = "/applications/{application_id}/"


def _out(app: Application) -> StaffApplicationOut:
    return staff_application_out(selectors.application_detail(application=app))


@staff_router.get("/applications/queue", response=list[QueueRowOut], summary="待办队列")
def queue(
    request: HttpRequest, item_code: str = "", district: str = "", status: str = ""
) -> list[QueueRowOut]:
    """Open applications in my district (optionally one item, sub-district or status),
    soonest due first, each with its time state (on_time / near_due / overdue …)."""
    rows = selectors.application_queue(
        actor=current_account(request),
        item_code=item_code,
        district=district,
        statuses=(status,) if status else (),
    )
    return [queue_row_out(r) for r in rows]


@staff_router.get(
    "/applications/{application_id}", response=StaffApplicationOut, summary="办件详情"
)
def application_detail(request: HttpRequest, application_id: int) -> StaffApplicationOut:
    """An application in my district with its timeline (read audited; 404 outside it)."""
    app = selectors.access_application_by_id(
        actor=current_account(request), application_id=application_id
    )
    return _out(app)


@staff_router.post(ACTION + "accept", response=StaffApplicationOut, summary="受理")
def accept(request: HttpRequest, application_id: int, payload: NoteIn) -> StaffApplicationOut:
    """Accept (受理): the time limit starts, counted in working days."""
    return _out(
        services.application_accept(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.post(ACTION + "return", response=StaffApplicationOut, summary="退回补正(一次性告知)")
def return_for_correction(
    request: HttpRequest, application_id: int, payload: ReturnIn
) -> StaffApplicationOut:
    """Return with a one-time notice listing everything to fix; a running clock pauses."""
    return _out(
        services.application_return(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.post(ACTION + "start-review", response=StaffApplicationOut, summary="开始审核")
def start_review(
    request: HttpRequest, application_id: int, payload: VersionIn
) -> StaffApplicationOut:
    """Take the case: I become its first handler."""
    return _out(
        services.application_start_review(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.post(ACTION + "second-review", response=StaffApplicationOut, summary="提交复核")
def second_review(
    request: HttpRequest, application_id: int, payload: NoteIn
) -> StaffApplicationOut:
    """Send the case with my opinion to a second reviewer (who must be someone else)."""
    return _out(
        services.application_second_review(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.post(ACTION + "approve", response=StaffApplicationOut, summary="审核通过")
def approve(request: HttpRequest, application_id: int, payload: NoteIn) -> StaffApplicationOut:
    """Approve; items that need a second review are decided by the second reviewer only."""
    return _out(
        services.application_approve(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.post(ACTION + "reject", response=StaffApplicationOut, summary="不予批准")
def reject(request: HttpRequest, application_id: int, payload: RejectIn) -> StaffApplicationOut:
    """Reject with the reason the applicant is told (required)."""
    return _out(
        services.application_reject(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.post(ACTION + "complete", response=StaffApplicationOut, summary="办结")
def complete(request: HttpRequest, application_id: int, payload: CompleteIn) -> StaffApplicationOut:
    """Complete an approved application with the result the applicant is told."""
    return _out(
        services.application_complete(
            actor=current_account(request), application_id=application_id, **payload.dict()
        )
    )


@staff_router.get("/materials/{material_id}", summary="查看申请材料", openapi_extra=FILE_RESPONSE)
def material(request: HttpRequest, material_id: int) -> HttpResponse:
    """A material attached to an application in my district (audited; 404 otherwise)."""
    found = selectors.access_material_by_id(actor=current_account(request), material_id=material_id)
    return material_response(found)
