"""Citizen and employer endpoints of the service hall: access, one call, return."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import File, Header, Router, Status
from ninja.files import UploadedFile

from hrss.iam.api_auth import citizen_auth, current_account
from hrss.service_hall import selectors, services
from hrss.service_hall.api.files import FILE_RESPONSE, MAX_UPLOAD_BYTES, material_response
from hrss.service_hall.schemas import (
    ApplicationOut,
    ApplicationSummaryOut,
    AttachedMaterialOut,
    DraftIn,
    NotificationOut,
    ServiceItemOut,
    ServiceItemSummaryOut,
    SubmitNewIn,
    VersionIn,
    WithdrawIn,
    application_out,
    application_summary_out,
)

MY_APPLICATIONS_LIMIT = 200
citizen_router = Router(tags=["service-hall 一网通办"], auth=citizen_auth)
KEY_HEADER = Header(
    None, alias="Idempotency-Key", description="幂等键(必填):重试时使用同一个键,1–255个字符"
)


def _detail(application_id: int, request: HttpRequest) -> ApplicationOut:
    app = selectors.access_application_by_id(
        actor=current_account(request), application_id=application_id
    )
    return application_out(selectors.application_detail(application=app))


@citizen_router.get(
    "/service-items", response=list[ServiceItemSummaryOut], summary="服务事项目录与搜索"
)
def service_items(
    request: HttpRequest, q: str = "", category: str = ""
) -> list[ServiceItemSummaryOut]:
    """Active items; with ``q``, ranked by relevance ("失业金" finds 失业保险金申领)."""
    return [
        ServiceItemSummaryOut.of(i) for i in selectors.service_item_search(q, category=category)
    ]


@citizen_router.get("/service-items/{code}", response=ServiceItemOut, summary="办事指南")
def service_item(request: HttpRequest, code: str) -> ServiceItemOut:
    """Conditions, materials, time limits, fee, channels and steps of one item."""
    return ServiceItemOut.of(selectors.service_item_get(code))


@citizen_router.post("/applications/drafts", response={201: ApplicationOut}, summary="创建申请草稿")
def create_draft(request: HttpRequest, payload: DraftIn) -> Status[ApplicationOut]:
    """A draft for the signed-in person or employer; materials already on file are attached."""
    app = services.application_create_draft(
        actor=current_account(request), item_code=payload.item_code, form=payload.form
    )
    return Status(201, _detail(app.pk, request))


@citizen_router.post("/applications", response={201: ApplicationOut}, summary="一步提交申请")
def submit_new(
    request: HttpRequest, payload: SubmitNewIn, idempotency_key: str | None = KEY_HEADER
) -> Status[ApplicationOut]:
    """Create and submit in one request (Idempotency-Key required): a retry with the same key
    and body returns the same application; another body with the same key gets 409."""
    app = services.application_submit_new(
        actor=current_account(request),
        item_code=payload.item_code,
        form=payload.form,
        material_ids=payload.materials,
        idempotency_key=idempotency_key,
    )
    return Status(201, _detail(app.pk, request))


@citizen_router.post(
    "/applications/{application_id}/materials/{code}",
    response={201: AttachedMaterialOut},
    summary="上传申请材料",
)
def upload_material(
    request: HttpRequest, application_id: int, code: str, file: File[UploadedFile]
) -> Status[AttachedMaterialOut]:
    """Multipart upload for required material ``code``; the type is judged from the content."""
    link = services.material_upload(
        actor=current_account(request),
        application_id=application_id,
        code=code,
        filename=file.name or "",
        data=file.read(MAX_UPLOAD_BYTES + 1),
    )
    return Status(201, AttachedMaterialOut.of(link))


@citizen_router.post(
    "/applications/{application_id}/reuse-materials",
    response=list[AttachedMaterialOut],
    summary="复用已有材料(免提交)",
)
def reuse_materials(request: HttpRequest, application_id: int) -> list[AttachedMaterialOut]:
    """Attach materials already on file (ID copy, e-certificates …) instead of uploading again."""
    links = services.application_reuse_materials(
        actor=current_account(request), application_id=application_id
    )
    return [AttachedMaterialOut.of(link) for link in links]


@citizen_router.post(
    "/applications/{application_id}/submit", response=ApplicationOut, summary="提交申请"
)
def submit(
    request: HttpRequest,
    application_id: int,
    payload: VersionIn,
    idempotency_key: str | None = KEY_HEADER,
) -> ApplicationOut:
    """Submit a draft (Idempotency-Key required). Pre-review runs at once: anything missing
    comes back as one notice listing every problem."""
    app = services.application_submit(
        actor=current_account(request),
        application_id=application_id,
        version=payload.version,
        idempotency_key=idempotency_key,
    )
    return _detail(app.pk, request)


@citizen_router.get("/applications", response=list[ApplicationSummaryOut], summary="我的申请")
def my_applications(request: HttpRequest) -> list[ApplicationSummaryOut]:
    """The signed-in account's applications, newest first (the latest 200)."""
    apps = selectors.application_list_for_applicant(actor=current_account(request))
    return [application_summary_out(a) for a in apps[:MY_APPLICATIONS_LIMIT]]


@citizen_router.get(
    "/applications/{application_id}", response=ApplicationOut, summary="申请详情与办理进度"
)
def application_detail(request: HttpRequest, application_id: int) -> ApplicationOut:
    """One of my applications with its timeline, materials and current notice (404 otherwise)."""
    return _detail(application_id, request)


@citizen_router.post(
    "/applications/{application_id}/withdraw", response=ApplicationOut, summary="撤回申请"
)
def withdraw(request: HttpRequest, application_id: int, payload: WithdrawIn) -> ApplicationOut:
    """Withdraw an application not yet decided; ``version`` must be the one shown."""
    services.application_withdraw(
        actor=current_account(request),
        application_id=application_id,
        version=payload.version,
        reason=payload.reason,
    )
    return _detail(application_id, request)


@citizen_router.post(
    "/applications/{application_id}/resubmit", response=ApplicationOut, summary="补正后重新提交"
)
def resubmit(request: HttpRequest, application_id: int, payload: VersionIn) -> ApplicationOut:
    """Submit again after a return; pre-review runs again and the time limit resumes."""
    services.application_resubmit(
        actor=current_account(request), application_id=application_id, version=payload.version
    )
    return _detail(application_id, request)


@citizen_router.get("/notifications", response=list[NotificationOut], summary="我的消息")
def notifications(request: HttpRequest, unread: bool = False) -> list[NotificationOut]:
    """In-app messages about my applications, newest first (``unread`` for unread only)."""
    qs = selectors.notification_list(actor=current_account(request), unread_only=unread)
    return [NotificationOut.of(n) for n in qs[: selectors.INBOX_LIMIT]]


@citizen_router.post(
    "/notifications/{notification_id}/read", response=NotificationOut, summary="标记消息已读"
)
def mark_read(request: HttpRequest, notification_id: int) -> NotificationOut:
    """Mark one of my messages read (others' messages: 404)."""
    n = services.notification_mark_read(
        actor=current_account(request), notification_id=notification_id
    )
    return NotificationOut.of(n)


@citizen_router.get("/materials/{material_id}", summary="下载我的材料", openapi_extra=FILE_RESPONSE)
def download_material(request: HttpRequest, material_id: int) -> HttpResponse:
    """The file of one of my materials (404 for anyone else's, as for a missing one)."""
    material = selectors.access_material_by_id(
        actor=current_account(request), material_id=material_id
    )
    return material_response(material)
