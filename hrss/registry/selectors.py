"""Reads of the registry.

Personal data leaves this module only through ``access_*`` selectors, which
apply the role and district rules, write an audit row, and answer the same
"not found" for a missing person and for one the actor may not see.
"""

from __future__ import annotations

from django.db.models import QuerySet

from hrss.audit.models import Outcome
from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.errors import DomainError, PermissionDenied
from hrss.core.identifiers import parse_id_number
from hrss.core.regions import PROVINCE_CODES, TABLE_PROVINCE
from hrss.iam.models import DISTRICT_ROLES, Account, Role
from hrss.registry.errors import EmployerNotFound, PersonNotFound
from hrss.registry.models import Employer, Employment, Person, Region
from hrss.registry.protection import id_number_index, reveal_id_number, reveal_phone
from hrss.registry.validation import RegionCheck

SYSTEM_ROLES = frozenset({"system"})


def region_checker() -> RegionCheck:
    """Hubei codes must be in the Region table; elsewhere the province must exist."""
    codes = frozenset(Region.objects.values_list("code", flat=True))

    def is_region(code: str) -> bool:
        if len(code) != 6 or not code.isdigit():
            return False
        if code[:2] == TABLE_PROVINCE:
            return code in codes
        return code[:2] in PROVINCE_CODES and code[:2] not in {"71", "81", "82"}

    return is_region


def person_get_by_id_number(id_number: str) -> Person | None:
    """Internal lookup for services and importers (no actor, no audit)."""
    try:
        value = parse_id_number(id_number).value
    except DomainError:
        return None
    return Person.objects.filter(id_number_index=id_number_index(value)).first()


def employer_get_by_uscc(uscc: str) -> Employer | None:
    return Employer.objects.filter(uscc=uscc.strip().upper()).first()


def _can_see_person(actor: Actor, person: Person) -> bool:
    if actor.role in SYSTEM_ROLES:
        return True
    if not isinstance(actor, Account) or not actor.is_active:
        return False
    if actor.role == Role.CITIZEN:
        return bool(actor.person_index) and actor.person_index == person.id_number_index
    if actor.role == Role.EMPLOYER_AGENT:
        return (
            bool(actor.employer_uscc)
            and Employment.objects.filter(
                person=person, employer__uscc=actor.employer_uscc
            ).exists()
        )
    if actor.role in DISTRICT_ROLES:
        return actor.covers_region(person.district)
    return False


def _is_self(actor: Actor, person: Person) -> bool:
    return isinstance(actor, Account) and actor.person_index == person.id_number_index


def _access(
    actor: Actor, person: Person | None, *, lookup: str, reason: str, action: str = "person.read"
) -> Person:
    allowed = person is not None and _can_see_person(actor, person)
    if person is not None and _is_self(actor, person) and action == "person.read":
        return person  # a citizen reading their own record: not a third-party access
    audit_record(
        actor=actor,
        action=action,
        object_type="registry.person",
        object_id=person.pk if person and allowed else "",
        person_id=person.pk if person and allowed else None,
        outcome=Outcome.OK if allowed else Outcome.DENIED,
        reason=reason,
        extra={"lookup": lookup, "found": person is not None},
    )
    if not allowed or person is None:
        raise PersonNotFound()
    return person


def access_person_by_id_number(*, actor: Actor, id_number: str, reason: str = "") -> Person:
    """The person with this ID number, if ``actor`` may see them; else ``PersonNotFound``."""
    return _access(actor, person_get_by_id_number(id_number), lookup="id_number", reason=reason)


def access_person_by_id(*, actor: Actor, person_id: int, reason: str = "") -> Person:
    person = Person.objects.filter(pk=person_id).first()
    return _access(actor, person, lookup="id", reason=reason)


def person_of_account(*, actor: Actor) -> Person:
    """The person a citizen account belongs to (linked by the ID number's blind index)."""
    index = getattr(actor, "person_index", "")
    person = Person.objects.filter(id_number_index=index).first() if index else None
    if person is None:
        raise PersonNotFound()
    return person


def access_person_identifiers(*, actor: Actor, person: Person, reason: str) -> dict[str, str]:
    """Unmasked ID number and phone, for staff who give a reason (audited)."""
    reason = reason.strip()
    if not reason:
        raise PermissionDenied("registry.reason_required", "查看完整信息须填写查看事由")
    if actor.role not in DISTRICT_ROLES | SYSTEM_ROLES and not _is_self(actor, person):
        raise PermissionDenied()
    _access(actor, person, lookup="reveal", reason=reason, action="person.reveal")
    phone = reveal_phone(bytes(person.phone_enc)) if person.phone_enc else ""
    return {"id_number": reveal_id_number(bytes(person.id_number_enc)), "phone": phone}


def access_employer_by_uscc(*, actor: Actor, uscc: str) -> Employer:
    """Employer records are not personal data: any staff role, or the employer's own agent."""
    employer = employer_get_by_uscc(uscc)
    if employer is None:
        raise EmployerNotFound()
    if isinstance(actor, Account) and actor.role == Role.EMPLOYER_AGENT:
        if actor.employer_uscc != employer.uscc:
            raise EmployerNotFound()
    elif isinstance(actor, Account) and actor.role == Role.CITIZEN:
        raise EmployerNotFound()
    return employer


def employment_list_for_person(*, person: Person) -> QuerySet[Employment]:
    return person.employments.select_related("employer").order_by("-start_date")


def employment_list_for_employer(
    *, employer: Employer, current_only: bool = False
) -> QuerySet[Employment]:
    qs = employer.employments.select_related("person").order_by("-start_date")
    return qs.filter(end_date__isnull=True) if current_only else qs
