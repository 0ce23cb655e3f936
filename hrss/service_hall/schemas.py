"""API schemas of the service hall. Names leave masked; forms hold no ID numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from hrss.core.masking import mask_name
from hrss.iam.models import Role
from hrss.service_hall.models import (
    Application,
    ApplicationEvent,
    ApplicationMaterial,
    Channel,
    Notification,
    RequiredMaterial,
    ServiceItem,
)
from hrss.service_hall.selectors import ApplicationDetail, QueueRow
from hrss.service_hall.workflow import (
    APPLICANT_ACTIONS,
    STAFF_ACTIONS,
    Action,
    Status,
    allowed_actions,
)

ROLE_LABELS = {**dict(Role.choices), "system": "系统自动预审"}

# ---- catalog ---------------------------------------------------------------------------


class RequiredMaterialOut(Schema):
    code: str
    name: str
    description: str
    accepted_types: list[str] = Field(description="按文件内容识别的可接受类型")
    max_bytes: int
    optional: bool
    reusable: bool = Field(description="已有同类材料(如身份证件、电子证照)时免提交")

    @staticmethod
    def of(m: RequiredMaterial) -> RequiredMaterialOut:
        return RequiredMaterialOut(
            code=m.code,
            name=m.name,
            description=m.description,
            accepted_types=m.accepted_type_list,
            max_bytes=m.max_bytes,
            optional=m.optional,
            reusable=bool(m.reusable_kind),
        )


class ServiceItemSummaryOut(Schema):
    code: str = Field(description="事项编码(GB/T 39554 基本编码)")
    name: str
    category: str
    category_label: str
    applicant: str = Field(description="person 个人 / employer 单位")
    promised_limit_days: int = Field(description="承诺办结时限(工作日)")
    fully_online: bool = Field(description="全程网办")
    instant: bool = Field(description="即办件")

    @staticmethod
    def of(item: ServiceItem) -> ServiceItemSummaryOut:
        return ServiceItemSummaryOut(
            code=item.code,
            name=item.name,
            category=item.category,
            category_label=item.get_category_display(),
            applicant=item.applicant,
            promised_limit_days=item.promised_limit_days,
            fully_online=item.fully_online,
            instant=item.instant,
        )


class ChannelOut(Schema):
    code: str
    label: str


class ServiceItemOut(ServiceItemSummaryOut):
    """办事指南: what a person needs to know before starting."""

    legal_basis: str
    conditions: str
    legal_limit_days: int = Field(description="法定办结时限(工作日)")
    fee: Decimal = Field(description="收费标准(元)")
    channels: list[ChannelOut]
    steps: list[str]
    needs_second_review: bool
    materials: list[RequiredMaterialOut]

    @staticmethod
    def of(item: ServiceItem) -> ServiceItemOut:
        labels = dict(Channel.choices)
        return ServiceItemOut(
            **ServiceItemSummaryOut.of(item).dict(),
            legal_basis=item.legal_basis,
            conditions=item.conditions,
            legal_limit_days=item.legal_limit_days,
            fee=item.fee,
            channels=[ChannelOut(code=c, label=labels.get(c, c)) for c in item.channel_list],
            steps=item.step_list,
            needs_second_review=item.needs_second_review,
            materials=[RequiredMaterialOut.of(m) for m in item.materials.all()],
        )


# ---- requests --------------------------------------------------------------------------


class DraftIn(Schema):
    item_code: str = Field(max_length=10)
    form: dict[str, Any] = Field(default_factory=dict, description="申请表(不得含身份证号码)")


class SubmitNewIn(DraftIn):
    materials: dict[str, int] = Field(
        default_factory=dict, description="材料编码 → 本人已上传材料的编号"
    )


class VersionIn(Schema):
    version: int = Field(description="客户端看到的版本号(乐观锁)")


class WithdrawIn(VersionIn):
    reason: str = Field("", max_length=500)


class NoteIn(VersionIn):
    note: str = Field("", max_length=2000, description="办理意见")


class ReturnIn(VersionIn):
    notice: list[str] = Field(description="一次性告知:需要补正的全部内容,每项一条", min_length=1)


class RejectIn(VersionIn):
    reason: str = Field(max_length=2000, description="不予批准的理由(必填,告知申请人)")


class CompleteIn(VersionIn):
    result: str = Field("", max_length=2000, description="办理结果")


# ---- applications ----------------------------------------------------------------------


class NoticeItemOut(Schema):
    code: str
    message: str
    material_code: str = ""


class EventOut(Schema):
    seq: int
    action: str
    action_label: str
    from_status: str
    to_status: str
    actor_role: str = Field(description="办理人角色")
    at: datetime
    note: str
    detail: list[NoticeItemOut]


class StaffEventOut(EventOut):
    actor_name: str = Field(description="办理人账号")


def event_fields(e: ApplicationEvent) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "action": e.action,
        "action_label": Action(e.action).label,
        "from_status": e.from_status,
        "to_status": e.to_status,
        "actor_role": ROLE_LABELS.get(e.actor_role, e.actor_role),
        "at": e.at,
        "note": e.note,
        "detail": [NoticeItemOut(**d) for d in e.detail],
    }


class AttachedMaterialOut(Schema):
    code: str = Field(description="材料编码")
    material_id: int
    filename: str
    content_type: str = Field(description="按文件内容识别的类型")
    size: int
    reused: bool = Field(description="免提交:复用已有材料")

    @staticmethod
    def of(link: ApplicationMaterial) -> AttachedMaterialOut:
        m = link.material
        return AttachedMaterialOut(
            code=link.code,
            material_id=m.pk,
            filename=m.filename,
            content_type=m.content_type,
            size=m.size,
            reused=link.reused,
        )


class ApplicationSummaryOut(Schema):
    id: int
    item_code: str
    item_name: str
    status: str
    status_label: str
    version: int
    created_at: datetime
    submitted_at: datetime | None
    due_date: date | None = Field(description="办结期限(受理后按工作日计算)")


def summary_fields(a: Application) -> dict[str, Any]:
    return {
        "id": a.pk,
        "item_code": a.item.code,
        "item_name": a.item.name,
        "status": a.status,
        "status_label": Status(a.status).label,
        "version": a.version,
        "created_at": a.created_at,
        "submitted_at": a.submitted_at,
        "due_date": a.due_date,
    }


def application_summary_out(a: Application) -> ApplicationSummaryOut:
    return ApplicationSummaryOut(**summary_fields(a))


class ApplicationDetailBase(ApplicationSummaryOut):
    time_state: str = Field(description="on_time / near_due / overdue / paused / not_started ...")
    paused_working_days: int = Field(description="补正期间暂停计时的工作日数")
    form: dict[str, Any]
    result: str
    notice: list[NoticeItemOut] = Field(description="当前一次性告知(待补正时)")
    materials: list[AttachedMaterialOut]
    allowed_actions: list[str]


def detail_fields(d: ApplicationDetail, actions: frozenset[Action]) -> dict[str, Any]:
    a = d.application
    return {
        **summary_fields(a),
        "time_state": d.time_state,
        "paused_working_days": a.paused_working_days,
        "form": a.form,
        "result": a.result,
        "notice": [NoticeItemOut(**x) for x in d.notice.detail] if d.notice else [],
        "materials": [AttachedMaterialOut.of(link) for link in d.materials],
        "allowed_actions": [x for x in allowed_actions(a.status) if x in actions],
    }


class ApplicationOut(ApplicationDetailBase):
    """The applicant's view: progress (timeline), the notice to answer, materials, result."""

    timeline: list[EventOut]


def application_out(d: ApplicationDetail) -> ApplicationOut:
    return ApplicationOut(
        **detail_fields(d, APPLICANT_ACTIONS),
        timeline=[EventOut(**event_fields(e)) for e in d.timeline],
    )


def applicant_label(a: Application) -> str:
    """A person's masked name, or the employer's name."""
    if a.person is not None:
        return mask_name(a.person.name)
    return a.employer.name if a.employer is not None else ""


class StaffApplicationOut(ApplicationDetailBase):
    """The caseworker's view: the applicant's, plus district, applicant and handlers."""

    district: str
    applicant: str = Field(description="申请人(个人姓名脱敏)或单位名称")
    person_id: int | None
    needs_second_review: bool
    timeline: list[StaffEventOut]


def staff_application_out(d: ApplicationDetail) -> StaffApplicationOut:
    a = d.application
    return StaffApplicationOut(
        **detail_fields(d, STAFF_ACTIONS),
        district=a.district,
        applicant=applicant_label(a),
        person_id=a.person_id,
        needs_second_review=a.item.needs_second_review,
        timeline=[StaffEventOut(**event_fields(e), actor_name=e.actor_name) for e in d.timeline],
    )


class QueueRowOut(ApplicationSummaryOut):
    district: str
    applicant: str
    time_state: str


def queue_row_out(row: QueueRow) -> QueueRowOut:
    a = row.application
    return QueueRowOut(
        **summary_fields(a),
        district=a.district,
        applicant=applicant_label(a),
        time_state=row.time_state,
    )


class NotificationOut(Schema):
    id: int
    application_id: int | None
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None

    @staticmethod
    def of(n: Notification) -> NotificationOut:
        return NotificationOut(
            id=n.pk,
            application_id=n.application_id,
            title=n.title,
            body=n.body,
            created_at=n.created_at,
            read_at=n.read_at,
        )
