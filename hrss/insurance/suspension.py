"""暂停发放: stop paying a person's running benefits while a confirmed irregularity is dealt with.

《社会保险法》第88条 (benefits obtained by fraud are recovered) and the fund-supervision
practice of stopping the payment at once (《社会保险基金行政监督办法》第32条, 责令
暂停支付): a higher area (supervision, after an inspector confirms an F01–F05 case)
calls :func:`benefit_payments_suspend`; insurance does not import that area.

What it does, in one transaction:

* every **pension claim** in force (``active``, or already ``suspended``) becomes
  ``suspended`` with this reason. The certification job resumes only claims whose
  reason is its own (``not_certified``), so neither a liveness check nor the end of a
  certification suspension lifts this one; lifting it is a decision of staff;
* every **active unemployment claim** is stopped from the current month
  (``stop_reason = other``, the reason in ``stop_note``): the claim model knows no
  "suspended" state, and 失业保险条例 第15条 stops the benefit when the conditions fail;
  the monthly run pays no stopped claim;
* one outbox ``Notice`` tells the person (topic :data:`NOTICE_TOPIC`, once per source);
* one audit row ``benefit.suspend`` names the claims touched.

Idempotent: a second call with the same reason changes nothing and sends no second
notice (the audit row still records the request).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import DomainError
from hrss.insurance import notices
from hrss.insurance.models import (
    NoticeTopic,
    PensionClaim,
    PensionClaimStatus,
    StopReason,
    UnemploymentBenefitClaim,
    UnemploymentClaimStatus,
)
from hrss.registry.models import Person

NOTICE_TOPIC = NoticeTopic.BENEFIT_SUSPENDED
NOTICE_TEXT = (
    "经核查,您的社会保险待遇自{month}起暂停发放。"
    "如有异议,请携带身份证件到参保地经办机构说明情况,或拨打12333咨询。"
)


@dataclass
class Suspension:
    """What a suspension touched (claim ids)."""

    pension_claims: list[int] = field(default_factory=list)
    unemployment_claims: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.pension_claims or self.unemployment_claims)


def _suspend_pensions(person: Person, reason: str) -> list[int]:
    in_force = (PensionClaimStatus.ACTIVE, PensionClaimStatus.SUSPENDED)
    claims = PensionClaim.objects.select_for_update().filter(person=person, status__in=in_force)
    claims = claims.exclude(status=PensionClaimStatus.SUSPENDED, status_reason=reason[:100])
    ids = list(claims.values_list("pk", flat=True))
    PensionClaim.objects.filter(pk__in=ids).update(
        status=PensionClaimStatus.SUSPENDED, status_reason=reason[:100],
        status_changed_on=clock.today(),
    )  # fmt: skip
    return ids


def _stop_unemployment(person: Person, reason: str) -> list[int]:
    claims = UnemploymentBenefitClaim.objects.select_for_update().filter(
        person=person, status=UnemploymentClaimStatus.ACTIVE
    )
    ids = list(claims.values_list("pk", flat=True))
    UnemploymentBenefitClaim.objects.filter(pk__in=ids).update(
        status=UnemploymentClaimStatus.STOPPED, stop_reason=StopReason.OTHER,
        stop_note=reason[:200], stopped_from=clock.today().replace(day=1),
    )  # fmt: skip
    return ids


@transaction.atomic
def benefit_payments_suspend(
    *, actor: Actor, person: Person, reason: str, source: str
) -> Suspension:
    """Suspend ``person``'s running pension and stop the unemployment benefit; audited.

    ``reason`` is shown to staff on the claim (required); ``source`` names the caller's
    record (e.g. ``supervision:42``) and makes the person's notice once per source.
    """
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("insurance.reason_required", "暂停发放须说明原因")
    done = Suspension(_suspend_pensions(person, reason), _stop_unemployment(person, reason))
    if done.changed:
        notices.notice_add(
            person_id=person.pk, topic=NOTICE_TOPIC,
            message=NOTICE_TEXT.format(month=f"{clock.today():%Y年%m月}"),
            dedupe_key=f"{NOTICE_TOPIC}:{person.pk}:{source}"[:100],
            payload={"source": source},
        )  # fmt: skip
    audit_record(
        actor=actor, action="benefit.suspend", object_type="registry.person",
        object_id=person.pk, person_id=person.pk, reason=reason,
        extra={"source": source, "pension_claims": done.pension_claims,
               "unemployment_claims": done.unemployment_claims},
    )  # fmt: skip
    return done
