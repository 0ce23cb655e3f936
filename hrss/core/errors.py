"""The error hierarchy every area raises.

A :class:`DomainError` carries a stable machine code (``"id_number.bad_checksum"``),
a message a person understands (Chinese first) and optional ``extra`` data. One
handler renders it: RFC 9457 problem+json for APIs, a readable message on pages.

    DomainError                      400  rule broken by the input
    ├── ValidationFailed             400  several field errors at once (one-time notice)
    ├── NotFound                     404  missing, *or* not yours to see (same answer)
    ├── PermissionDenied             403  authenticated, but the action is not allowed
    ├── Conflict                     409  stale version, duplicate, idempotency mismatch
    └── InvalidTransition            409  workflow action not allowed in this state
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A business rule was broken. Nothing was written."""

    status = 400
    default_code = "domain.error"
    default_message = "请求无法处理"

    def __init__(
        self,
        code: str | None = None,
        message: str | None = None,
        *,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.code = code or self.default_code
        self.message = message or self.default_message
        self.extra = extra or {}
        super().__init__(f"{self.code}: {self.message}")

    def as_problem(self) -> dict[str, Any]:
        """The RFC 9457 problem document (``type`` names the stable code)."""
        body: dict[str, Any] = {
            "type": f"urn:hrss:error:{self.code}",
            "title": self.message,
            "status": self.status,
            "code": self.code,
            "message": self.message,
        }
        if self.extra:
            body["extra"] = self.extra
        return body


class ValidationFailed(DomainError):
    """Several problems, reported together so a person can fix them all at once."""

    default_code = "validation.failed"
    default_message = "提交的信息有误,请按提示修改"

    def __init__(self, errors: list[DomainError], message: str | None = None) -> None:
        self.errors = errors
        super().__init__(
            self.default_code,
            message,
            extra={"errors": [{"code": e.code, "message": e.message, **e.extra} for e in errors]},
        )


class NotFound(DomainError):
    status = 404
    default_code = "not_found"
    default_message = "未找到相关记录"


class PermissionDenied(DomainError):
    status = 403
    default_code = "permission_denied"
    default_message = "您没有办理此事项的权限"


class Conflict(DomainError):
    status = 409
    default_code = "conflict"
    default_message = "记录已被他人修改,请刷新后重试"


class InvalidTransition(Conflict):
    default_code = "workflow.invalid_transition"
    default_message = "当前状态下不能进行此操作"
