"""Case services: assign, start investigation, confirm, dismiss, record recovery, close.

Each one, in one transaction, locks the case, applies ``workflow.next_status``,
writes a :class:`CaseEvent` and an audit row. Who may act: a supervisor whose
district covers the case assigns and closes; the assignee (or such a
supervisor) investigates, confirms, dismisses and records recoveries.
Confirming an F01–F05 case asks the insurance area to suspend the payment
(:mod:`hrss.supervision.suspension`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.core.money import to_fen
from hrss.iam.models import Role
from hrss.supervision.errors import CaseNotAllowed
from hrss.supervision.models import CaseEvent, ScreeningCase
from hrss.supervision.suspension import SUSPENDING_RULES, request_payment_suspension
from hrss.supervision.workflow import CaseAction, next_status

CASE_ROLES = (Role.INSPECTOR, Role.SUPERVISOR)


def _covers(actor: Any, case: ScreeningCase) -> bool:
    covers = getattr(actor, "covers_region", None)
    return bool(covers and covers(case.district))


def _check(actor: Actor, case: ScreeningCase, *, supervisor_only: bool) -> None:
    """Supervisors of the case's district; for the work itself, also its assignee."""
    if actor.role == Role.SUPERVISOR and _covers(actor, case):
        return
    if not supervisor_only and actor.pk is not None and actor.pk == case.assignee_id:
        return
    raise CaseNotAllowed(extra={"case": case.pk})


def _locked(case_id: int) -> ScreeningCase:
    return ScreeningCase.objects.select_for_update().get(pk=case_id)


def _step(
    actor: Actor,
    case: ScreeningCase,
    action: CaseAction,
    *,
    note: str = "",
    amount: Decimal | None = None,
    fields: tuple[str, ...] = (),
) -> ScreeningCase:
    """Move ``case`` (locked) by ``action``: status, event row, audit row."""
    old = case.status
    case.status = next_status(old, action)
    case.version += 1
    case.save(update_fields=["status", "version", *fields])
    CaseEvent.objects.create(
        case=case, action=action, from_status=old, to_status=case.status, actor_id=actor.pk,
        actor_name=actor.get_username()[:150], at=clock.now(), note=note[:200], amount=amount,
    )  # fmt: skip
    audit_record(
        actor=actor,
        action=f"screening_case.{action}",
        object_type="supervision.screening_case",
        object_id=case.pk,
        person_id=case.person_id,
        extra={"rule": case.rule, "status": case.status, "amount": str(amount or "")},
    )
    return case


@transaction.atomic
def case_assign(*, actor: Actor, case_id: int, assignee: Any) -> ScreeningCase:
    """分派: a supervisor gives the case to an inspector or supervisor of its district."""
    case = _locked(case_id)
    _check(actor, case, supervisor_only=True)
    if getattr(assignee, "role", None) not in CASE_ROLES or not _covers(assignee, case):
        raise CaseNotAllowed(
            "supervision.bad_assignee", "只能分派给辖区覆盖该案件的监察员或监督管理人员"
        )
    case.assignee = assignee
    return _step(actor, case, CaseAction.ASSIGN, note=assignee.get_username(), fields=("assignee",))


@transaction.atomic
def case_start_investigation(*, actor: Actor, case_id: int) -> ScreeningCase:
    """开始核查."""
    case = _locked(case_id)
    _check(actor, case, supervisor_only=False)
    return _step(actor, case, CaseAction.START)


def _amount(value: Decimal | str, field: str) -> Decimal:
    try:
        amount = to_fen(Decimal(value))
    except (ArithmeticError, TypeError, ValueError):
        raise DomainError(
            "supervision.bad_amount", "金额格式不正确", extra={"field": field}
        ) from None
    if amount < 0:
        raise DomainError("supervision.bad_amount", "金额不能为负数", extra={"field": field})
    return amount


@transaction.atomic
def case_confirm(
    *, actor: Actor, case_id: int, amount_to_recover: Decimal | str, note: str = ""
) -> ScreeningCase:
    """确认违规, with the amount to recover; F01–F05 also ask to suspend the payment."""
    amount = _amount(amount_to_recover, "amount_to_recover")
    case = _locked(case_id)
    _check(actor, case, supervisor_only=False)
    case.amount_to_recover = amount
    case = _step(
        actor, case, CaseAction.CONFIRM, note=note, amount=amount, fields=("amount_to_recover",)
    )
    if case.rule in SUSPENDING_RULES:
        request_payment_suspension(actor=actor, case=case)
    return case


@transaction.atomic
def case_dismiss(*, actor: Actor, case_id: int, reason: str) -> ScreeningCase:
    """排除 (a false positive, or a lawful exception): the reason is required."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("supervision.reason_required", "排除案件须填写理由")
    case = _locked(case_id)
    _check(actor, case, supervisor_only=False)
    case.dismiss_reason = reason[:200]
    return _step(actor, case, CaseAction.DISMISS, note=reason, fields=("dismiss_reason",))


@transaction.atomic
def case_record_recovery(*, actor: Actor, case_id: int, amount: Decimal | str) -> ScreeningCase:
    """登记追回: one instalment (several are allowed); the total is kept on the case."""
    value = _amount(amount, "amount")
    if value == 0:
        raise DomainError("supervision.bad_amount", "追回金额须大于零", extra={"field": "amount"})
    case = _locked(case_id)
    _check(actor, case, supervisor_only=False)
    case.amount_recovered = case.amount_recovered + value
    return _step(actor, case, CaseAction.RECOVER, amount=value, fields=("amount_recovered",))


@transaction.atomic
def case_close(*, actor: Actor, case_id: int, note: str = "") -> ScreeningCase:
    """结案 (after recovery or dismissal). A later hit then opens a new case."""
    case = _locked(case_id)
    _check(actor, case, supervisor_only=True)
    return _step(actor, case, CaseAction.CLOSE, note=note)
