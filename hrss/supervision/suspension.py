"""The hook from a confirmed fund-fraud case to the insurance area: suspend the payment.

《社会保险法》第88条: benefits obtained by fraud are recovered — and the payment
that is still running must stop. Supervision sits above insurance, so it calls
the insurance area's service :func:`hrss.insurance.suspension.benefit_payments_suspend`
directly, inside the confirming transaction (the case and the suspension commit
together); insurance never imports supervision.

A case with no person (which F01–F05 never are: their subjects are persons) cannot
be suspended; the request is then kept as a ``payment_suspension.pending`` audit row.
"""

from __future__ import annotations

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.insurance.suspension import benefit_payments_suspend
from hrss.supervision.models import ScreeningCase

SUSPENDING_RULES = frozenset({"F01", "F02", "F03", "F04", "F05"})


def request_payment_suspension(*, actor: Actor, case: ScreeningCase) -> bool:
    """Suspend the person's payments for a confirmed F01–F05 case; ``True`` if the
    insurance service ran, ``False`` if the request is recorded as pending."""
    reason = f"监管案件 {case.rule} #{case.pk} 确认违规"
    if case.person is not None:
        benefit_payments_suspend(
            actor=actor, person=case.person, reason=reason, source=f"supervision:{case.pk}"
        )
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
