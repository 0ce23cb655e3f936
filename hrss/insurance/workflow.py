"""Lifecycle of a pension transfer (养老保险关系转移接续, 国办发〔2009〕66号). Pure, no queries.

The person applies at the **new** place. Each leg has 15 working days (a parameter)::

    applied -accept-> accepted -send-> sent -complete-> completed
       |                 |
       |-reject----------'-> rejected
       '-withdraw-> withdrawn

* accept: the new agency reviews and sends the 同意接收函 (≤ 15 working days);
* send: the old agency transfers the relationship and the funds, with the amounts
  (personal account + 12 % of the bases since 1998-01-01) (≤ 15 working days);
* complete: the new agency records the years and the funds (≤ 15 working days);
  the whole case ≤ 45 working days.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from django.db import models

from hrss.core.errors import InvalidTransition


class TransferStatus(models.TextChoices):
    APPLIED = "applied", "已申请(转入地受理)"
    ACCEPTED = "accepted", "已发出同意接收函"
    SENT = "sent", "转出地已转出关系和资金"
    COMPLETED = "completed", "已办结"
    REJECTED = "rejected", "不予受理"
    WITHDRAWN = "withdrawn", "已撤回"


class TransferAction(models.TextChoices):
    APPLY = "apply", "申请"
    ACCEPT = "accept", "同意接收"
    SEND = "send", "转出"
    COMPLETE = "complete", "办结"
    REJECT = "reject", "不予受理"
    WITHDRAW = "withdraw", "撤回"


TRANSITIONS: Final[Mapping[tuple[str, str], str]] = {
    (TransferStatus.APPLIED, TransferAction.ACCEPT): TransferStatus.ACCEPTED,
    (TransferStatus.ACCEPTED, TransferAction.SEND): TransferStatus.SENT,
    (TransferStatus.SENT, TransferAction.COMPLETE): TransferStatus.COMPLETED,
    (TransferStatus.APPLIED, TransferAction.REJECT): TransferStatus.REJECTED,
    (TransferStatus.ACCEPTED, TransferAction.REJECT): TransferStatus.REJECTED,
    (TransferStatus.APPLIED, TransferAction.WITHDRAW): TransferStatus.WITHDRAWN,
}

OPEN_STATUSES: Final = (TransferStatus.APPLIED, TransferStatus.ACCEPTED, TransferStatus.SENT)
FINAL_STATUSES: Final = frozenset(TransferStatus) - frozenset(OPEN_STATUSES)


def next_status(current: str, action: str) -> TransferStatus:
    try:
        return TransferStatus(TRANSITIONS[(current, action)])
    except KeyError:
        label = TransferStatus(current).label if current in TransferStatus.values else current
        raise InvalidTransition(
            "insurance.transfer_invalid_transition",
            f"转移接续申请当前状态为“{label}”,不能办理此操作",
            extra={"status": current, "action": action},
        ) from None


def allowed_actions(current: str) -> list[TransferAction]:
    return [TransferAction(a) for (s, a) in TRANSITIONS if s == current]
