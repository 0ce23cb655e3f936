"""就业登记 ends the 失业登记; an employer's filing ends it too (selector, monthly job)."""

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import DomainError, ValidationFailed
from hrss.employment import selectors, services
from hrss.employment.models import EmploymentRegistration
from hrss.employment.tests.helpers import at, job, make_employer, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    """Registered as unemployed in 武昌区 on 2026-04-10."""
    person = make_person(date(1990, 5, 1))
    job(person, make_employer(), "2023-04-01", "2026-03-31", "contract_end")
    with at("2026-04-10"):
        services.unemployment_register(actor=SYSTEM, person=person, on=date(2026, 4, 10))
    return person


def test_employment_registration_ends_the_unemployment_registration(registered):
    employer = make_employer(region="420102", name="江岸某物流公司")
    with at("2026-06-03"):
        done = services.employment_register(
            actor=SYSTEM, person=registered, on=date(2026, 6, 1), employer=employer
        )

    assert (done.registration.kind, done.registration.region) == ("employment", "420102")
    assert done.registration.employer == employer
    ended = done.ended
    assert ended is not None and ended.kind == "unemployment"
    assert (ended.status, ended.ended_on, ended.end_reason) == (
        "ended",
        date(2026, 6, 1),
        "employed",
    )
    assert selectors.is_registered_unemployed(person=registered, on=date(2026, 5, 31))
    assert not selectors.is_registered_unemployed(person=registered, on=date(2026, 6, 1))
    assert selectors.registration_current(person=registered) == done.registration
    assert AuditEntry.objects.filter(
        action="employment_registration.end", person_id=registered.pk
    ).exists()


def test_flexible_work_registers_at_the_residence_and_only_once(registered):
    with at("2026-05-02"):
        done = services.employment_register(actor=SYSTEM, person=registered, on=date(2026, 5, 2))
        with pytest.raises(ValidationFailed) as caught:
            services.employment_register(actor=SYSTEM, person=registered, on=date(2026, 5, 2))

    assert (done.registration.region, done.registration.employer) == ("420106", None)
    assert [e.message for e in caught.value.errors] == ["已于2026-05-02办理就业登记,无需重复登记"]
    assert EmploymentRegistration.objects.filter(person=registered, status="active").count() == 1


def test_a_day_before_the_registration_is_refused(registered):
    with at("2026-05-02"), pytest.raises(DomainError) as caught:
        services.employment_register(actor=SYSTEM, person=registered, on=date(2026, 4, 1))
    assert caught.value.code == "employment.before_registration"
    assert EmploymentRegistration.objects.get(person=registered).status == "active"


def test_an_employer_filing_a_job_ends_the_unemployment(registered):
    # the new employer files a job that started on 2026-05-20; nobody told the registry
    job(registered, make_employer(name="新单位"), "2026-05-20")

    assert selectors.is_registered_unemployed(person=registered, on=date(2026, 5, 19))
    assert not selectors.is_registered_unemployed(person=registered, on=date(2026, 5, 20))

    with at("2026-06-01"):
        closed = services.unemployment_registrations_close_reemployed(
            actor=SYSTEM, on=date(2026, 6, 1)
        )
        again = services.unemployment_registrations_close_reemployed(
            actor=SYSTEM, on=date(2026, 6, 1)
        )

    assert (closed, again) == (1, 0)
    registration = EmploymentRegistration.objects.get(person=registered)
    assert (registration.status, registration.ended_on, registration.end_reason) == (
        "ended",
        date(2026, 5, 20),
        "employed",
    )


def test_a_job_still_running_at_registration_filed_late_also_counts(registered):
    # filed after the registration, but the job started before it and still runs
    job(registered, make_employer(name="迟报单位"), "2026-04-01")
    assert not selectors.is_registered_unemployed(person=registered, on=date(2026, 4, 15))
