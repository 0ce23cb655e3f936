"""Error codes of the registry (stable: files, APIs and tests rely on them)."""

from __future__ import annotations

from hrss.core.errors import Conflict, DomainError, NotFound


class RegistryError(DomainError):
    default_code = "registry.invalid"


class PersonNotFound(NotFound):
    default_code = "registry.person_not_found"
    default_message = "未找到该人员"


class EmployerNotFound(NotFound):
    default_code = "registry.employer_not_found"
    default_message = "未找到该用人单位"


class PersonExists(Conflict):
    default_code = "registry.person_exists"
    default_message = "该身份证号码已登记,一人只能登记一次"


class EmployerExists(Conflict):
    default_code = "registry.employer_exists"
    default_message = "该统一社会信用代码已登记"


class RecordExists(Conflict):
    default_code = "registry.record_exists"
    default_message = "该记录已存在"
