"""养老保险关系转移接续 (国办发〔2009〕66号《城镇企业职工基本养老保险关系转移接续暂行办法》).

* Who: insured employees moving between 统筹地区, not people already drawing a
  pension (第2条). The two places may be two regions of this installation.
* Funds (第4条): the whole personal-account balance, plus the pooled fund = 12 % (a
  parameter) of the actual contribution bases of each year since 1998-01-01 paid at
  the old place (employers located there; flexible contributions when the person is
  registered there).
* Procedure and limits (第8条): apply at the new place → it accepts within 15 working
  days → the old place transfers within 15 → the new place completes within 15
  (≤ 45 in all); days and limits are parameters, holidays from ``core.workdays``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import Conflict, DomainError, ValidationFailed
from hrss.core.money import to_fen
from hrss.iam.models import district_prefix
from hrss.insurance import selectors
from hrss.insurance.models import (
    Contribution,
    Insurance,
    ParameterName,
    PensionClaim,
    PensionClaimStatus,
    PensionTransfer,
    PensionTransferEvent,
)
from hrss.insurance.workflow import OPEN_STATUSES, TransferAction, TransferStatus, next_status
from hrss.registry.models import Person
from hrss.registry.selectors import region_checker

POOLED_SINCE = date(1998, 1, 1)


@dataclass(frozen=True)
class TransferAmounts:
    account: Decimal  # 个人账户储存额
    pooled: Decimal  # 统筹基金 = ratio × bases_total, rounded once
    bases_total: Decimal  # Σ bases since 1998-01-01 paid at the old place
    months: int  # contribution months at the old place (all years)
    ratio: Decimal


def _paid_at(person: Person, region: str) -> Q:
    """Paid pension contributions attributable to ``region``."""
    prefix = district_prefix(region)
    q = Q(employer__region__startswith=prefix)
    if person.district.startswith(prefix):
        q |= Q(employer__isnull=True)
    return q & Q(person=person, insurance=Insurance.PENSION, paid_on__isnull=False)


def transfer_amounts(*, person: Person, from_region: str, on: date) -> TransferAmounts:
    """What the old place transfers on ``on`` (国办发〔2009〕66号 第4条)."""
    paid = Contribution.objects.filter(_paid_at(person, from_region), period__lt=on)
    bases = paid.filter(period__gte=POOLED_SINCE).aggregate(total=Sum("base"))["total"]
    bases = bases or Decimal("0.00")
    ratio = selectors.parameter_value(
        name=ParameterName.TRANSFER_POOLED_FUND_RATIO, region=from_region, on=on
    )
    return TransferAmounts(
        account=to_fen(selectors.personal_account_balance(person=person, on=on)),
        pooled=to_fen(bases * ratio),
        bases_total=to_fen(bases),
        months=paid.values("period").distinct().count(),
        ratio=ratio,
    )


def _apply_problems(person: Person, from_region: str, to_region: str) -> list[DomainError]:
    is_region, problems = region_checker(), []
    for field, code in (("from_region", from_region), ("to_region", to_region)):
        if not is_region(code):
            problems.append(
                DomainError(
                    "registry.unknown_region",
                    f"“{code}”不是有效的行政区划代码",
                    extra={"field": field},
                )
            )
    if problems:
        return problems
    a, b = district_prefix(from_region), district_prefix(to_region)
    if a.startswith(b) or b.startswith(a):
        problems.append(
            DomainError("insurance.transfer_same_area", "转出地与转入地属于同一统筹地区,无需转移")
        )
    if PensionClaim.objects.filter(
        person=person, status__in=[PensionClaimStatus.ACTIVE, PensionClaimStatus.SUSPENDED]
    ).exists():
        problems.append(
            DomainError("insurance.transfer_pensioner", "已按月领取基本养老金,不办理转移接续")
        )
    if not Contribution.objects.filter(_paid_at(person, from_region)).exists():
        problems.append(
            DomainError("insurance.transfer_no_record", "在转出地没有基本养老保险缴费记录")
        )
    return problems


def _event(actor: Actor, transfer: PensionTransfer, old: str, action: str, note: str = "") -> None:
    PensionTransferEvent.objects.create(
        transfer=transfer,
        from_status=old,
        to_status=transfer.status,
        action=action,
        actor_name=actor.get_username(),
        at=clock.now(),
        note=note,
    )
    audit_record(
        actor=actor,
        action=f"pension_transfer.{action}",
        object_type="insurance.pension_transfer",
        object_id=transfer.pk,
        person_id=transfer.person_id,
        extra={"status": transfer.status},
    )


@transaction.atomic
def pension_transfer_apply(
    *,
    actor: Actor,
    person: Person,
    from_region: str,
    to_region: str,
    applied_on: date | None = None,
) -> PensionTransfer:
    """转移接续申请, received by the new place (``to_region``). 国办发〔2009〕66号 第8条.

    Refused (every reason at once) for an unknown region, two regions of one
    统筹地区, a pensioner, or no contribution at the old place; one open case per person.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    problems = _apply_problems(person, from_region.strip(), to_region.strip())
    if problems:
        raise ValidationFailed(problems, message="不能办理养老保险关系转移接续")
    if PensionTransfer.objects.filter(person=person, status__in=OPEN_STATUSES).exists():
        raise Conflict("insurance.transfer_open", "已有正在办理的转移接续申请")
    transfer = PensionTransfer.objects.create(
        person=person,
        from_region=from_region.strip(),
        to_region=to_region.strip(),
        status=TransferStatus.APPLIED,
        applied_on=applied_on or clock.today(),
    )
    _event(actor, transfer, "", TransferAction.APPLY)
    return transfer


def _advance(
    *, actor: Actor, transfer: PensionTransfer, action: str, on: date | None, note: str = ""
) -> PensionTransfer:
    locked = PensionTransfer.objects.select_for_update().get(pk=transfer.pk)
    old = locked.status
    locked.status = next_status(old, action)
    day = on or clock.today()
    stamp = {
        TransferAction.ACCEPT: "accepted_on",
        TransferAction.SEND: "sent_on",
        TransferAction.COMPLETE: "completed_on",
    }.get(TransferAction(action), "closed_on")
    setattr(locked, stamp, day)
    fields = ["status", stamp]
    if action == TransferAction.SEND:
        amounts = transfer_amounts(person=locked.person, from_region=locked.from_region, on=day)
        locked.account_amount, locked.pooled_amount = amounts.account, amounts.pooled
        locked.bases_total, locked.contribution_months = amounts.bases_total, amounts.months
        fields += ["account_amount", "pooled_amount", "bases_total", "contribution_months"]
    if note:
        locked.note = note[:200]
        fields.append("note")
    locked.save(update_fields=fields)
    _event(actor, locked, old, action, note)
    return locked


@transaction.atomic
def pension_transfer_accept(
    *, actor: Actor, transfer: PensionTransfer, on: date | None = None
) -> PensionTransfer:
    """转入地 sends the 同意接收函 (within 15 working days of the application)."""
    return _advance(actor=actor, transfer=transfer, action=TransferAction.ACCEPT, on=on)


@transaction.atomic
def pension_transfer_send(
    *, actor: Actor, transfer: PensionTransfer, on: date | None = None
) -> PensionTransfer:
    """转出地 transfers the relationship and the funds (within 15 working days);
    the amounts are computed from the records on that day and kept on the case."""
    return _advance(actor=actor, transfer=transfer, action=TransferAction.SEND, on=on)


@transaction.atomic
def pension_transfer_complete(
    *, actor: Actor, transfer: PensionTransfer, on: date | None = None
) -> PensionTransfer:
    """转入地 records the years and the funds (within 15 working days)."""
    return _advance(actor=actor, transfer=transfer, action=TransferAction.COMPLETE, on=on)


@transaction.atomic
def pension_transfer_reject(
    *, actor: Actor, transfer: PensionTransfer, reason: str, on: date | None = None
) -> PensionTransfer:
    """Refuse the case (new place at review, or old place), with the reason in words."""
    if not reason.strip():
        raise DomainError("insurance.reason_required", "请填写不予受理的原因")
    return _advance(
        actor=actor, transfer=transfer, action=TransferAction.REJECT, on=on, note=reason.strip()
    )


@transaction.atomic
def pension_transfer_withdraw(
    *, actor: Actor, transfer: PensionTransfer, on: date | None = None
) -> PensionTransfer:
    """The applicant withdraws before the new place has accepted."""
    return _advance(actor=actor, transfer=transfer, action=TransferAction.WITHDRAW, on=on)


def pension_transfer_problems(
    *, person: Person, from_region: str, to_region: str
) -> list[DomainError]:
    """Every reason ``pension_transfer_apply`` would refuse, in the same words; writes
    nothing (for the service hall's pre-review)."""
    problems = _apply_problems(person, from_region.strip(), to_region.strip())
    if PensionTransfer.objects.filter(person=person, status__in=OPEN_STATUSES).exists():
        problems.append(DomainError("insurance.transfer_open", "已有正在办理的转移接续申请"))
    return problems
