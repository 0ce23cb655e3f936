"""The hook from a confirmed fund-fraud case to the insurance area: suspend the payment.

《社会保险法》第88条: benefits obtained by fraud are recovered — and the payment
that is still running must stop. Supervision sits above insurance, so it calls
the insurance area's service directly; insurance never imports supervision.

:func:`request_payment_suspension` looks for a suspension service in
:mod:`hrss.insurance.services` (``SUSPENSION_SERVICES``, first found wins) and
calls it inside the confirming transaction, so the case and the suspension commit
together. While insurance offers none, the hook records a ``payment_suspension.
pending`` audit row so that the request is not lost; see README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.supervision.models import ScreeningCase

SUSPENDING_RULES = frozenset({"F01", "F02", "F03", "F04", "F05"})
# Names the insurance area may give the service, in order of preference. Each must
# accept (*, actor, person, reason: str, source: str) and suspend that person's
# running benefit payments.
SUSPENSION_SERVICES = ("benefit_payments_suspend", "benefit_suspend", "payment_suspend")


def _suspension_service() -> Callable[..., Any] | None:
    from hrss.insurance import services

    for name in SUSPENSION_SERVICES:
        found = getattr(services, name, None)
        if callable(found):
            return found
    return None


def request_payment_suspension(*, actor: Actor, case: ScreeningCase) -> bool:
    """Suspend the person's payments for a confirmed F01–F05 case; ``True`` if a
    service did it, ``False`` if it is recorded as pending (no service yet)."""
    service = _suspension_service()
    reason = f"监管案件 {case.rule} #{case.pk} 确认违规"
    if service is not None and case.person is not None:
        service(actor=actor, person=case.person, reason=reason, source=f"supervision:{case.pk}")
        return True
    audit_record(
        actor=actor,
        action="payment_suspension.pending",
        object_type="supervision.screening_case",
        object_id=case.pk,
        person_id=case.person_id,
        reason=reason,
        extra={"rule": case.rule},
    )
    return False
