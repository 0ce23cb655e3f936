"""Error codes of the service hall (stable: clients, pages and tests rely on them)."""

from __future__ import annotations

from hrss.core.errors import Conflict, DomainError, NotFound, PermissionDenied


class ServiceHallError(DomainError):
    default_code = "service_hall.invalid"


class ServiceItemNotFound(NotFound):
    default_code = "service_item.not_found"
    default_message = "未找到该服务事项"


class ApplicationNotFound(NotFound):
    """Missing, or not the actor's to see or handle: the same answer either way."""

    default_code = "application.not_found"
    default_message = "未找到该申请"


class MaterialNotFound(NotFound):
    default_code = "material.not_found"
    default_message = "未找到该材料"


class NotificationNotFound(NotFound):
    default_code = "notification.not_found"
    default_message = "未找到该消息"


class StaleVersion(Conflict):
    default_code = "application.stale_version"
    default_message = "该申请已被他人处理,请刷新后重试"


class IdempotencyMismatch(Conflict):
    default_code = "application.idempotency_mismatch"
    default_message = "该幂等键已用于内容不同的请求,请使用新的幂等键"


class WrongApplicant(PermissionDenied):
    default_code = "application.wrong_applicant"
    default_message = "该事项不能由当前账户申请"


class SameReviewer(PermissionDenied):
    default_code = "application.same_reviewer"
    default_message = "复核人不能是初审经办人"


class SecondReviewRequired(Conflict):
    default_code = "application.second_review_required"
    default_message = "该事项须经另一名经办人员复核后方可通过"


class NotEditable(Conflict):
    default_code = "application.not_editable"
    default_message = "申请已提交,当前不能修改材料"


class ExecutorNotAllowed(Conflict):
    default_code = "service_item.executor_not_allowed"
    default_message = "该事项配置的办理程序不在允许清单中,请联系系统管理员"


def invalid(code: str, message: str, **extra: object) -> ServiceHallError:
    """A 400 error with a stable code (bad input; nothing was written)."""
    return ServiceHallError(code, message, extra=dict(extra) if extra else None)
