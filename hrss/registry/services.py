"""Writes to the registry (一库). Every function is atomic and audited.

Rules come from :mod:`hrss.registry.validation` (shared with the bulk importers);
uniqueness is enforced twice: checked here for a clear message, and by the
database's unique constraints against races.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from hrss.audit.services import audit_record
from hrss.core.actors import Actor
from hrss.core.errors import Conflict, DomainError
from hrss.registry.errors import EmployerExists, PersonExists, RecordExists
from hrss.registry.models import Employer, Employment, KeyGroup, KeyGroupTag, LifeEvent, Person
from hrss.registry.protection import id_number_index, protect_id_number, protect_phone
from hrss.registry.selectors import region_checker
from hrss.registry.validation import (
    EmployerInput,
    PersonInput,
    clean_contact,
    clean_employer,
    clean_employment,
    clean_life_event,
    clean_person,
)


def person_build(data: PersonInput) -> Person:
    """An unsaved Person with its identifiers encrypted (shared with the importer)."""
    idn = protect_id_number(data.id_number.value)
    person = Person(
        id_number_enc=idn.enc,
        id_number_index=idn.blind_index,
        id_number_masked=idn.masked,
        id_kind=data.id_number.kind.value,
        name=data.name,
        gender=data.gender,
        birth_date=data.birth_date,
        hukou_region=data.hukou_region,
        residence_region=data.residence_region,
        district=data.district,
        address=data.address,
    )
    if data.phone:
        phone = protect_phone(data.phone)
        person.phone_enc, person.phone_index, person.phone_masked = (
            phone.enc,
            phone.blind_index,
            phone.masked,
        )
    return person


@transaction.atomic
def person_register(
    *,
    actor: Actor,
    id_number: str,
    name: str,
    gender: int | str,
    birth_date: date | str,
    hukou_region: str,
    residence_region: str = "",
    phone: str = "",
    address: str = "",
) -> Person:
    """Register a person (一人一档). Gender and birth date must agree with the ID number.

    Raises ``ValidationFailed`` (every problem at once) or ``PersonExists``.
    """
    data = clean_person(
        id_number=id_number,
        name=name,
        gender=gender,
        birth_date=birth_date,
        hukou_region=hukou_region,
        residence_region=residence_region,
        phone=phone,
        address=address,
        is_region=region_checker(),
    )
    if Person.objects.filter(id_number_index=id_number_index(data.id_number.value)).exists():
        raise PersonExists()
    person = person_build(data)
    try:
        with transaction.atomic():
            person.save(force_insert=True)
    except IntegrityError:
        raise PersonExists() from None
    audit_record(
        actor=actor,
        action="person.register",
        object_type="registry.person",
        object_id=person.pk,
        person_id=person.pk,
    )
    return person


@transaction.atomic
def person_update_contact(
    *, actor: Actor, person: Person, version: int, phone: str, address: str, residence_region: str
) -> Person:
    """Change phone, address or residence; ``version`` must be the one the caller saw."""
    phone_clean, residence = clean_contact(
        phone=phone, residence_region=residence_region, is_region=region_checker()
    )
    updated = Person.objects.filter(pk=person.pk, version=version).update(version=version + 1)
    if not updated:
        raise Conflict("registry.stale_version", "该人员信息已被他人修改,请刷新后重试")
    person.refresh_from_db()
    if phone_clean:
        p = protect_phone(phone_clean)
        person.phone_enc, person.phone_index, person.phone_masked = p.enc, p.blind_index, p.masked
    else:
        person.phone_enc, person.phone_index, person.phone_masked = None, "", ""
    person.address, person.residence_region = address.strip(), residence
    person.district = residence or person.hukou_region
    person.save(
        update_fields=[
            "phone_enc",
            "phone_index",
            "phone_masked",
            "address",
            "residence_region",
            "district",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action="person.update_contact",
        object_type="registry.person",
        object_id=person.pk,
        person_id=person.pk,
    )
    return person


def employer_build(data: EmployerInput) -> Employer:
    return Employer(
        uscc=data.uscc.value,
        name=data.name,
        industry=data.industry,
        section=data.section,
        region=data.region,
        risk_class=data.risk_class,
        registered_on=data.registered_on,
    )


@transaction.atomic
def employer_register(
    *,
    actor: Actor,
    uscc: str,
    name: str,
    industry: str,
    region: str,
    risk_class: int | str,
    registered_on: date | str,
) -> Employer:
    """Register an employer (one per USCC, both check characters verified)."""
    data = clean_employer(
        uscc=uscc,
        name=name,
        industry=industry,
        region=region,
        risk_class=risk_class,
        registered_on=registered_on,
        is_region=region_checker(),
    )
    if Employer.objects.filter(uscc=data.uscc.value).exists():
        raise EmployerExists()
    employer = employer_build(data)
    try:
        with transaction.atomic():
            employer.save(force_insert=True)
    except IntegrityError:
        raise EmployerExists() from None
    audit_record(
        actor=actor,
        action="employer.register",
        object_type="registry.employer",
        object_id=employer.pk,
    )
    return employer


@transaction.atomic
def employment_file(
    *,
    actor: Actor,
    person: Person,
    employer: Employer,
    start_date: date | str,
    end_date: date | str | None = None,
    end_reason: str = "",
    occupation: str = "",
) -> Employment:
    """用工备案: record that ``person`` works (or worked) at ``employer``."""
    data = clean_employment(
        start_date=start_date, end_date=end_date, end_reason=end_reason, occupation=occupation
    )
    if data.start_date < person.birth_date:
        raise DomainError("registry.start_before_birth", "入职日期早于出生日期")
    if Employment.objects.filter(
        person=person, employer=employer, start_date=data.start_date
    ).exists():
        raise RecordExists("registry.employment_exists", "该用工备案已存在")
    employment = Employment.objects.create(
        person=person,
        employer=employer,
        start_date=data.start_date,
        end_date=data.end_date,
        end_reason=data.end_reason,
        occupation=data.occupation,
    )
    audit_record(
        actor=actor,
        action="employment.file",
        object_type="registry.employment",
        object_id=employment.pk,
        person_id=person.pk,
    )
    return employment


@transaction.atomic
def employment_end(
    *, actor: Actor, employment: Employment, end_date: date | str, end_reason: str
) -> Employment:
    """Close an ongoing employment (离职备案)."""
    locked = Employment.objects.select_for_update().get(pk=employment.pk)
    if locked.end_date is not None:
        raise Conflict("registry.employment_already_ended", "该用工备案已办理离职")
    data = clean_employment(
        start_date=locked.start_date,
        end_date=end_date,
        end_reason=end_reason,
        occupation=locked.occupation,
    )
    locked.end_date, locked.end_reason = data.end_date, data.end_reason
    locked.save(update_fields=["end_date", "end_reason"])
    audit_record(
        actor=actor,
        action="employment.end",
        object_type="registry.employment",
        object_id=locked.pk,
        person_id=locked.person_id,
        extra={"end_reason": data.end_reason},
    )
    return locked


@transaction.atomic
def life_event_record(
    *, actor: Actor, person: Person, event: str, event_date: date | str, source: str
) -> LifeEvent:
    """Record a partner agency's report (death, imprisonment, release, emigration)."""
    data = clean_life_event(event=event, event_date=event_date, source=source)
    if data.event_date < person.birth_date:
        raise DomainError("registry.event_before_birth", "事件日期早于出生日期")
    if LifeEvent.objects.filter(
        person=person, event=data.event, event_date=data.event_date
    ).exists():
        raise RecordExists("registry.life_event_exists", "该事件已登记")
    life_event = LifeEvent.objects.create(
        person=person, event=data.event, event_date=data.event_date, source=data.source
    )
    audit_record(
        actor=actor,
        action="life_event.record",
        object_type="registry.life_event",
        object_id=life_event.pk,
        person_id=person.pk,
        extra={"event": data.event},
    )
    return life_event


@transaction.atomic
def key_group_tag_add(
    *, actor: Actor, person: Person, group: str, valid_from: date, source: str = ""
) -> KeyGroupTag:
    """Mark a person as belonging to a key group (重点群体)."""
    if group not in KeyGroup.values:
        raise DomainError("registry.bad_key_group", "重点群体类别无效")
    tag, created = KeyGroupTag.objects.get_or_create(
        person=person, group=group, valid_from=valid_from, defaults={"source": source}
    )
    if not created:
        raise RecordExists("registry.key_group_exists", "该重点群体认定已存在")
    audit_record(
        actor=actor,
        action="key_group.add",
        object_type="registry.key_group_tag",
        object_id=tag.pk,
        person_id=person.pk,
        extra={"group": group},
    )
    return tag
