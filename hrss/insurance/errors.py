"""Error codes of the insurance area."""

from __future__ import annotations

from hrss.core.errors import Conflict, DomainError


class InsuranceError(DomainError):
    default_code = "insurance.invalid"


class ParameterMissing(DomainError):
    default_code = "insurance.parameter_missing"
    default_message = "缺少适用的政策参数,请联系管理员维护"


class InsuranceRecordExists(Conflict):
    default_code = "insurance.record_exists"
    default_message = "该记录已存在"
