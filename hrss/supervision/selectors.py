"""Reads of screening cases, scoped by district (inspectors and supervisors only).

A case is visible to an inspector or supervisor whose district covers the
case's ``district``; to anyone else, and for a missing id, the same not-found.
The person behind a case is read through ``registry.selectors.access_person_by_id``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.errors import NotFound
from hrss.iam.models import Role, district_prefix
from hrss.supervision.models import ScreeningCase
from hrss.supervision.workflow import OPEN_STATUSES

CASE_ROLES = (Role.INSPECTOR, Role.SUPERVISOR)


def _prefix(actor: Actor) -> str | None:
    district = getattr(actor, "district", "")
    if actor.role not in CASE_ROLES or not district:
        return None
    return district_prefix(district)


def case_list_for_actor(*, actor: Actor, open_only: bool = True) -> QuerySet[ScreeningCase]:
    """The cases of the actor's district, newest hit first (empty for other roles)."""
    prefix = _prefix(actor)
    if prefix is None:
        return ScreeningCase.objects.none()
    cases = ScreeningCase.objects.filter(district__startswith=prefix)
    if open_only:
        cases = cases.filter(status__in=OPEN_STATUSES)
    return cases.select_related("assignee").order_by("-last_seen", "-id")


def access_case_by_id(*, actor: Actor, case_id: int) -> ScreeningCase:
    """One case, if the actor's district covers it; else ``NotFound`` (same as missing).
    The read is audited (the case names a person)."""
    case: Any = case_list_for_actor(actor=actor, open_only=False).filter(pk=case_id).first()
    if case is None:
        raise NotFound()
    audit_record(
        actor=actor, action="screening_case.read", object_type="supervision.screening_case",
        object_id=case.pk, person_id=case.person_id,
    )  # fmt: skip
    return case
