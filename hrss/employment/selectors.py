"""Reads of the employment area: registrations, the 《就业创业证》, late hire filings.

Callers obtain the ``Person`` through ``registry.selectors.access_person_*`` (or
``person_of_account`` for a citizen) first; these selectors add no access rule.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import DateField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncDate

from hrss.core import clock
from hrss.employment.models import (
    EmploymentRegistration,
    EntrepreneurshipCard,
    RegistrationKind,
    RegistrationStatus,
)
from hrss.iam.models import district_prefix
from hrss.registry.models import Employment, KeyGroup, KeyGroupTag, Person

# 《就业服务与就业管理规定》第六十二条: an employer files a new hire (就业登记/用工备案) with
# the public employment service within 30 days of hiring. Calendar days, the day of
# hiring not counted (民法典 第二百零一条), so a filing on start + 30 is in time.
# A constant, not a dated ``insurance.Parameter``: it is the national rule itself, not a
# local policy value, and employment may not import insurance (peers, docs/adr/0002).
HIRE_FILING_LIMIT_DAYS = 30


def registration_current(*, person: Person) -> EmploymentRegistration | None:
    """The person's one active registration (就业 or 失业), if any."""
    return EmploymentRegistration.objects.filter(
        person=person, status=RegistrationStatus.ACTIVE
    ).first()


def registration_list_for_person(*, person: Person) -> QuerySet[EmploymentRegistration]:
    """Every registration of the person, newest first (the history stays)."""
    return EmploymentRegistration.objects.filter(person=person).order_by("-registered_on", "-pk")


def unemployment_registration_on(*, person: Person, on: date) -> EmploymentRegistration | None:
    """The 失业登记 in force on ``on``: registered on or before, not ended by then."""
    return (
        EmploymentRegistration.objects.filter(
            person=person, kind=RegistrationKind.UNEMPLOYMENT, registered_on__lte=on
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))
        .order_by("-registered_on")
        .first()
    )


def _employed_since(person: Person, since: date, on: date) -> bool:
    """A job started in ``[since, on]``, or one still running on ``on`` (用工备案)."""
    return (
        Employment.objects.filter(person=person, start_date__lte=on)
        .filter(Q(start_date__gte=since) | Q(end_date__isnull=True) | Q(end_date__gte=on))
        .exists()
    )


def is_registered_unemployed(*, person: Person, on: date) -> bool:
    """Registered as unemployed on ``on`` (失业保险条例 第十四条 condition 3).

    A 失业登记 in force, and no employer has filed a job for the person that started
    since the registration or is still running: an employer's filing ends the
    unemployment even before the registration row is closed by the monthly job.
    """
    registration = unemployment_registration_on(person=person, on=on)
    if registration is None:
        return False
    return not _employed_since(person, registration.registered_on, on)


def entrepreneurship_card_for_person(*, person: Person) -> EntrepreneurshipCard | None:
    return EntrepreneurshipCard.objects.filter(person=person).first()


def hard_to_employ_tag(*, person: Person, on: date) -> KeyGroupTag | None:
    """The person's 就业困难人员 recognition (registry key-group tag) in force on ``on``."""
    return (
        KeyGroupTag.objects.filter(person=person, group=KeyGroup.HARD_TO_EMPLOY, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("-valid_from")
        .first()
    )


def hire_filing_deadline(start_date: date) -> date:
    """The last day an employer may file a hire that started on ``start_date``."""
    return start_date + timedelta(days=HIRE_FILING_LIMIT_DAYS)


def hire_filing_days_late(employment: Employment) -> int:
    """Days after the deadline the hire was filed (0 when in time)."""
    filed_on = clock.localise(employment.filed_at).date()
    return max((filed_on - hire_filing_deadline(employment.start_date)).days, 0)


def late_hire_filings(
    *, within_region: str | None = None, filed_since: date | None = None
) -> QuerySet[Employment]:
    """Hires (``registry.Employment``) filed more than 30 days after they started.

    ``within_region`` keeps employers located in that region (a city covers its
    districts); ``filed_since`` keeps filings made on or after that day. Rows loaded by
    a bulk import carry the import time as ``filed_at``: use ``filed_since`` to look only
    at filings made through the platform. Newest filing first, with person and employer.
    """
    deadline = ExpressionWrapper(
        F("start_date") + timedelta(days=HIRE_FILING_LIMIT_DAYS), output_field=DateField()
    )
    qs = Employment.objects.annotate(filed_on=TruncDate("filed_at"), deadline=deadline).filter(
        filed_on__gt=F("deadline")
    )
    if within_region:
        qs = qs.filter(employer__region__startswith=district_prefix(within_region))
    if filed_since is not None:
        qs = qs.filter(filed_on__gte=filed_since)
    return qs.select_related("person", "employer").order_by("-filed_at", "-pk")
