"""Error codes of the supervision area (screening, cases)."""

from __future__ import annotations

from hrss.core.errors import Conflict, DomainError, PermissionDenied


class SupervisionError(DomainError):
    default_code = "supervision.invalid"
    default_message = "监管业务处理失败"


class CaseNotAllowed(PermissionDenied):
    default_code = "supervision.case_not_allowed"
    default_message = "您不能处理该案件"


class ScreeningBusy(Conflict):
    default_code = "supervision.screening_running"
    default_message = "已有筛查任务正在运行,请稍后再试"
