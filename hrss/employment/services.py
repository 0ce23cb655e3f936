"""Writes of the employment area: atomic, keyword-only, audited.

Each service locks the person's row, checks every condition (``rules``) and refuses
with ``ValidationFailed`` naming each unmet one in words, or writes the registration,
its audit row and, on a first 失业登记, the 《就业创业证》.

Legal basis: 《中华人民共和国就业促进法》 (第五十二条 就业困难人员);
《就业服务与就业管理规定》 第六十一条、第六十二条 (就业登记), 第六十三条 (失业登记 at the
常住地), 第六十四条 (《就业创业证》).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery

from hrss.audit.services import audit_record
from hrss.core import clock
from hrss.core.actors import Actor
from hrss.core.errors import Conflict, DomainError, ValidationFailed
from hrss.employment import rules, selectors
from hrss.employment.errors import CardExists, EmploymentError
from hrss.employment.models import (
    EmploymentRegistration,
    EntrepreneurshipCard,
    HardshipReason,
    RegistrationEndReason,
    RegistrationKind,
    RegistrationStatus,
)
from hrss.employment.numbers import card_number_next
from hrss.registry.models import Employer, Employment, KeyGroup, KeyGroupTag, Person, Region
from hrss.registry.services import key_group_tag_add

NUMBER_ATTEMPTS = 10
CHUNK = 1000


@dataclass(frozen=True)
class UnemploymentRegistered:
    registration: EmploymentRegistration
    card: EntrepreneurshipCard
    card_issued: bool  # this (first) registration issued the card


@dataclass(frozen=True)
class EmploymentRegistered:
    registration: EmploymentRegistration
    ended: EmploymentRegistration | None  # the 失业登记 this 就业登记 ended


def _lock(person: Person) -> Person:
    return Person.objects.select_for_update().get(pk=person.pk)


def _audit(actor: Actor, registration: EmploymentRegistration, verb: str, **extra: str) -> None:
    audit_record(
        actor=actor,
        action=f"employment_registration.{verb}",
        object_type="employment.registration",
        object_id=registration.pk,
        person_id=registration.person_id,
        extra={"kind": registration.kind, **extra},
    )


def _future_problem(on: date) -> list[DomainError]:
    if on > clock.today():
        return [DomainError("employment.future_date", f"登记日期{on:%Y-%m-%d}晚于今天")]
    return []


def _end_current(
    actor: Actor, person: Person, on: date, reason: str
) -> EmploymentRegistration | None:
    """End the person's active registration (if any) on ``on``."""
    current = (
        EmploymentRegistration.objects.select_for_update()
        .filter(person=person, status=RegistrationStatus.ACTIVE)
        .first()
    )
    if current is None:
        return None
    if on < current.registered_on:
        raise EmploymentError(
            "employment.before_registration",
            f"日期{on:%Y-%m-%d}早于现有{current.get_kind_display()}的登记日期"
            f"{current.registered_on:%Y-%m-%d}",
        )
    current.status, current.ended_on, current.end_reason = RegistrationStatus.ENDED, on, reason
    current.save(update_fields=["status", "ended_on", "end_reason"])
    _audit(actor, current, "end", reason=reason)
    return current


def _card_issue(actor: Actor, person: Person, region: str, on: date) -> EntrepreneurshipCard:
    """A new card numbered in ``region`` and the year of ``on``.

    Numbering is serialised per region by locking its ``Region`` row (PostgreSQL), so the
    next number read is the last one committed; a region without a row (outside the
    province) relies on the unique number and a retry.
    """
    Region.objects.select_for_update().filter(code=region).first()
    for _attempt in range(NUMBER_ATTEMPTS):
        number = card_number_next(region=region, year=on.year)
        try:
            with transaction.atomic():
                card = EntrepreneurshipCard.objects.create(
                    person=person, number=number, region=region, issued_on=on
                )
        except IntegrityError:
            continue  # another registrant of the region took the number meanwhile
        audit_record(
            actor=actor,
            action="entrepreneurship_card.issue",
            object_type="employment.entrepreneurship_card",
            object_id=card.pk,
            person_id=person.pk,
            extra={"region": region},
        )
        return card
    raise Conflict("employment.card_number_busy", "《就业创业证》编号分配繁忙,请稍后重试")


@transaction.atomic
def unemployment_register(
    *,
    actor: Actor,
    person: Person,
    on: date,
    region: str | None = None,
    retirement_month: date | None = None,
) -> UnemploymentRegistered:
    """失业登记 (《就业服务与就业管理规定》第六十三条; 《就业促进法》).

    For a person within the legal working age (16 to ``retirement_month``, the statutory
    retirement month the caller computes: retirement rules belong to insurance, a peer),
    alive, not serving a sentence, without a running job, at the place of habitual
    residence (``region`` defaults to it; a city covering it is accepted). Ends an
    active 就业登记. The first 失业登记 of a person issues the 《就业创业证》 (第六十四条).
    """
    person = _lock(person)
    region = (region or rules.habitual_residence(person)).strip()
    problems = _future_problem(on) + rules.unemployment_registration_problems(
        person=person, on=on, region=region, retirement_month=retirement_month
    )
    if problems:
        raise ValidationFailed(problems, message="不符合办理失业登记的条件")
    _end_current(actor, person, on, RegistrationEndReason.UNEMPLOYED)
    registration = EmploymentRegistration.objects.create(
        person=person, kind=RegistrationKind.UNEMPLOYMENT, registered_on=on, region=region
    )
    _audit(actor, registration, "register", region=region)
    card = selectors.entrepreneurship_card_for_person(person=person)
    if card is not None:
        return UnemploymentRegistered(registration, card, card_issued=False)
    return UnemploymentRegistered(registration, _card_issue(actor, person, region, on), True)


@transaction.atomic
def employment_register(
    *, actor: Actor, person: Person, on: date, employer: Employer | None = None
) -> EmploymentRegistered:
    """就业登记 (《就业服务与就业管理规定》第六十一条、第六十二条): the person works from ``on``
    — at ``employer``, or in flexible work / self-employment when it is ``None``.

    Ends an active 失业登记 on ``on`` (实现就业). Refused while a 就业登记 is active.
    """
    person = _lock(person)
    problems = _future_problem(on) + rules.life_problems(person, on)
    current = selectors.registration_current(person=person)
    if current is not None and current.kind == RegistrationKind.EMPLOYMENT:
        problems.append(
            DomainError(
                "employment.already_registered_employed",
                f"已于{current.registered_on:%Y-%m-%d}办理就业登记,无需重复登记",
            )
        )
    if problems:
        raise ValidationFailed(problems, message="不能办理就业登记")
    ended = _end_current(actor, person, on, RegistrationEndReason.EMPLOYED)
    region = employer.region if employer is not None else rules.habitual_residence(person)
    registration = EmploymentRegistration.objects.create(
        person=person,
        kind=RegistrationKind.EMPLOYMENT,
        registered_on=on,
        region=region,
        employer=employer,
    )
    _audit(actor, registration, "register", region=region)
    return EmploymentRegistered(registration, ended)


@transaction.atomic
def hard_to_employ_recognise(
    *, actor: Actor, person: Person, reason: str, on: date | None = None
) -> KeyGroupTag:
    """就业困难人员认定 (《就业促进法》第五十二条): a registered unemployed person in one of
    the categories of ``HardshipReason``; becomes the registry key-group tag
    ``hard_to_employ`` from ``on`` (today by default). Refused with every reason."""
    on = on or clock.today()
    person = _lock(person)
    problems = rules.hard_to_employ_problems(person=person, reason=reason, on=on)
    if problems:
        raise ValidationFailed(problems, message="不符合就业困难人员认定条件")
    tag = key_group_tag_add(
        actor=actor,
        person=person,
        group=KeyGroup.HARD_TO_EMPLOY,
        valid_from=on,
        source=f"employment:{reason}",
    )
    audit_record(
        actor=actor,
        action="hard_to_employ.recognise",
        object_type="registry.key_group_tag",
        object_id=tag.pk,
        person_id=person.pk,
        extra={"reason": HardshipReason(reason).value},
    )
    return tag


@transaction.atomic
def entrepreneurship_card_apply(
    *, actor: Actor, person: Person, on: date | None = None
) -> EntrepreneurshipCard:
    """《就业创业证》申领 (第六十四条) by a person registered (employed or unemployed) who
    has no card yet; numbered in the region of the latest registration. Issued once."""
    on = on or clock.today()
    person = _lock(person)
    card = selectors.entrepreneurship_card_for_person(person=person)
    if card is not None:
        raise CardExists(
            message=f"您已于{card.issued_on:%Y-%m-%d}领取《就业创业证》(编号{card.number})"
        )
    latest = selectors.registration_list_for_person(person=person).first()
    if latest is None:
        raise EmploymentError(
            "employment.no_registration", "未办理就业登记或失业登记,请先办理登记后再申领"
        )
    return _card_issue(actor, person, latest.region, on)


def unemployment_registrations_close_reemployed(*, actor: Actor, on: date) -> int:
    """End every active 失业登记 whose person has a job (用工备案) that started since the
    registration, on that job's first day. The monthly job runs it; idempotent."""
    first_job = (
        Employment.objects.filter(
            person=OuterRef("person"),
            start_date__gte=OuterRef("registered_on"),
            start_date__lte=on,
        )
        .order_by("start_date")
        .values("start_date")[:1]
    )
    rows = list(
        EmploymentRegistration.objects.filter(
            kind=RegistrationKind.UNEMPLOYMENT, status=RegistrationStatus.ACTIVE
        )
        .annotate(first_job=Subquery(first_job))
        .filter(first_job__isnull=False)
        .values_list("pk", "first_job")
    )
    for start in range(0, len(rows), CHUNK):
        with transaction.atomic():
            for pk, job_start in rows[start : start + CHUNK]:
                _close_one(actor, pk, job_start)
    return len(rows)


def _close_one(actor: Actor, pk: int, job_start: date) -> None:
    registration = (
        EmploymentRegistration.objects.select_for_update()
        .filter(pk=pk, status=RegistrationStatus.ACTIVE)
        .first()
    )
    if registration is None:
        return
    registration.status, registration.ended_on = RegistrationStatus.ENDED, job_start
    registration.end_reason = RegistrationEndReason.EMPLOYED
    registration.save(update_fields=["status", "ended_on", "end_reason"])
    _audit(actor, registration, "end", reason=RegistrationEndReason.EMPLOYED, source="用工备案")
