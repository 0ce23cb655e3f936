"""Checks on what an applicant sends: who may apply, the form, the idempotency key.

Pure functions and small reads; they raise before anything is written.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hrss.core.actors import Actor
from hrss.core.crypto import sm3_hex
from hrss.iam.models import Account, Role
from hrss.registry.models import Employer, Person
from hrss.registry.selectors import employer_get_by_uscc
from hrss.service_hall.errors import IdempotencyMismatch, WrongApplicant, invalid
from hrss.service_hall.form_fields import holds_id_number
from hrss.service_hall.models import ApplicantKind, Application, ServiceItem

MAX_FORM_BYTES = 16 * 1024
MAX_FORM_DEPTH = 4
KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")  # visible ASCII, as the IETF draft allows


def applicant_context(actor: Actor, item: ServiceItem) -> tuple[Person | None, Employer | None]:
    """The person or employer an application of ``item`` by ``actor`` is for."""
    if not isinstance(actor, Account) or not actor.is_active:
        raise WrongApplicant()
    if item.applicant == ApplicantKind.PERSON:
        if actor.role != Role.CITIZEN:
            raise WrongApplicant()
        person = Person.objects.filter(id_number_index=actor.person_index).first()
        if not actor.person_index or person is None:
            raise WrongApplicant(
                "application.no_person_record", "未查询到您的人员信息,请先办理人员登记"
            )
        return person, None
    employer = employer_get_by_uscc(actor.employer_uscc) if actor.employer_uscc else None
    if actor.role != Role.EMPLOYER_AGENT or employer is None:
        raise WrongApplicant()
    return None, employer


def _depth(value: Any, level: int = 0) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def clean_form(form: dict[str, Any] | None) -> dict[str, Any]:
    """The form as stored: a JSON object, small and shallow, with no ID number in it."""
    form = form or {}
    if not isinstance(form, dict):
        raise invalid("application.form_invalid", "申请表格式不正确")
    text = json.dumps(form, ensure_ascii=False)
    if len(text.encode()) > MAX_FORM_BYTES or _depth(form) > MAX_FORM_DEPTH:
        raise invalid("application.form_too_large", "申请表内容过多")
    if holds_id_number(text):
        raise invalid(
            "application.form_contains_id_number",
            "申请表中不能填写身份证号码(系统已根据您的账户获取,无需重复填写)",
        )
    return form


def clean_key(key: str | None) -> str:
    """The ``Idempotency-Key``: required, 1–255 visible ASCII characters."""
    if not key:
        raise invalid("application.idempotency_key_required", "提交申请须提供 Idempotency-Key")
    if not KEY_RE.match(key):
        raise invalid("application.idempotency_key_invalid", "Idempotency-Key 格式不正确")
    return key


def request_hash(payload: dict[str, Any]) -> str:
    """SM3 of the request's canonical JSON (what "the same body" means)."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return sm3_hex(text.encode())


def replay(*, applicant_id: int | None, key: str, digest: str) -> Application | None:
    """The application an earlier request with this key made; refused if the body differed."""
    earlier = Application.objects.filter(applicant_id=applicant_id, idempotency_key=key).first()
    if earlier is None:
        return None
    if earlier.request_hash != digest:
        raise IdempotencyMismatch()
    return earlier
