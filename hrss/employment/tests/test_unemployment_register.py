"""失业登记: conditions in citizen words, the place of habitual residence, and the
《就业创业证》 issued on the first registration only."""

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.audit.models import AuditEntry
from hrss.core.errors import ValidationFailed
from hrss.employment import selectors, services
from hrss.employment.models import EmploymentRegistration, EntrepreneurshipCard
from hrss.employment.tests.helpers import at, job, make_employer, make_person
from hrss.registry import services as registry_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def laid_off():
    """Born 1990, lives in 武昌区; the contract ended on 2026-03-31."""
    person = make_person(date(1990, 5, 1))
    job(person, make_employer(), "2023-04-01", "2026-03-31", "contract_end")
    return person


def register(person, on: str = "2026-04-10", **kwargs):
    with at(on):
        return services.unemployment_register(
            actor=SYSTEM, person=person, on=date.fromisoformat(on), **kwargs
        )


def test_first_registration_issues_the_card_numbered_by_region_year_and_sequence(laid_off):
    done = register(laid_off)

    registration = done.registration
    assert (registration.kind, registration.status, registration.region) == (
        "unemployment",
        "active",
        "420106",
    )
    assert registration.registered_on == date(2026, 4, 10)
    assert done.card_issued and done.card.number == "4201062026000001"
    assert done.card.issued_on == date(2026, 4, 10)
    assert selectors.is_registered_unemployed(person=laid_off, on=date(2026, 4, 10))
    assert not selectors.is_registered_unemployed(person=laid_off, on=date(2026, 4, 9))
    actions = list(
        AuditEntry.objects.filter(person_id=laid_off.pk)
        .filter(action__in=["employment_registration.register", "entrepreneurship_card.issue"])
        .values_list("action", flat=True)
    )
    assert sorted(actions) == ["employment_registration.register", "entrepreneurship_card.issue"]


def test_the_card_is_issued_once_however_often_the_person_registers(laid_off):
    first = register(laid_off)
    with at("2026-06-01"):
        services.employment_register(actor=SYSTEM, person=laid_off, on=date(2026, 6, 1))

    again = register(laid_off, on="2026-09-01")

    assert not again.card_issued and again.card.pk == first.card.pk
    assert again.card.number == "4201062026000001"
    assert EntrepreneurshipCard.objects.filter(person=laid_off).count() == 1
    assert EmploymentRegistration.objects.filter(person=laid_off).count() == 3


def test_numbers_count_per_region_and_year(laid_off):
    second = make_person(date(1991, 1, 1))
    elsewhere = make_person(date(1992, 1, 1), region="420600")
    numbers = [register(p).card.number for p in (laid_off, second, elsewhere)]
    next_year = make_person(date(1993, 1, 1))
    numbers.append(register(next_year, on="2027-01-05").card.number)

    assert numbers == [
        "4201062026000001",
        "4201062026000002",
        "4206002026000001",
        "4201062027000001",
    ]


def test_every_unmet_condition_is_named_and_nothing_is_written():
    # given: still working (no separation filed), and asking to register in 襄阳市
    person = make_person(date(1990, 5, 1))
    job(person, make_employer(name="汉口某商贸公司"), "2024-01-02")
    # when
    with pytest.raises(ValidationFailed) as caught:
        register(person, region="420600")
    # then
    assert caught.value.message == "不符合办理失业登记的条件"
    assert [(e.code, e.message) for e in caught.value.errors] == [
        (
            "employment.still_employed",
            "目前仍处于就业状态(汉口某商贸公司自2024-01-02起的用工备案尚未办理离职)",
        ),
        ("employment.not_habitual_residence", "失业登记应在常住地办理(您的常住地为武昌区(420106))"),
    ]
    assert not EmploymentRegistration.objects.exists()
    assert not EntrepreneurshipCard.objects.exists()


def test_the_residence_not_the_hukou_decides_and_a_city_covering_it_is_accepted():
    # 户籍 in 襄阳市, living in 武昌区: registers in Wuhan, not in Xiangyang
    person = make_person(date(1990, 5, 1), region="420600", residence="420106")
    with pytest.raises(ValidationFailed) as caught:
        register(person, region="420600")
    assert caught.value.errors[0].code == "employment.not_habitual_residence"

    done = register(person, region="420100")

    assert done.registration.region == "420100"
    assert done.card.number.startswith("4201002026")


@pytest.mark.parametrize(
    ("born", "retirement", "code", "message"),
    [
        pytest.param(
            date(2010, 6, 1),
            None,
            "employment.under_working_age",
            "未满16周岁,不在法定劳动年龄内(现年15周岁)",
            id="under_16",
        ),
        pytest.param(
            date(1965, 6, 1),
            date(2025, 8, 1),
            "employment.over_working_age",
            "已达到法定退休年龄(2025年08月),不在法定劳动年龄内",
            id="past_retirement",
        ),
    ],
)
def test_working_age(born, retirement, code, message):
    person = make_person(born)
    with pytest.raises(ValidationFailed) as caught:
        register(person, retirement_month=retirement)
    assert [(e.code, e.message) for e in caught.value.errors] == [(code, message)]


def test_a_second_registration_and_a_dead_person_are_refused(laid_off):
    register(laid_off)
    with pytest.raises(ValidationFailed) as caught:
        register(laid_off, on="2026-04-20")
    assert [e.message for e in caught.value.errors] == [
        "已于2026-04-10在武昌区(420106)办理失业登记,无需重复登记"
    ]

    other = make_person(date(1980, 1, 1))
    registry_services.life_event_record(
        actor=SYSTEM, person=other, event="death", event_date="2026-01-02", source="civil_affairs"
    )
    with pytest.raises(ValidationFailed) as caught:
        register(other)
    assert [e.code for e in caught.value.errors] == ["employment.person_deceased"]


def test_a_future_day_is_refused(laid_off):
    with at("2026-04-10"), pytest.raises(ValidationFailed) as caught:
        services.unemployment_register(actor=SYSTEM, person=laid_off, on=date(2026, 4, 11))
    assert caught.value.errors[0].message == "登记日期2026-04-11晚于今天"


def test_registering_as_unemployed_ends_an_active_employment_registration(laid_off):
    with at("2026-02-01"):
        services.employment_register(actor=SYSTEM, person=laid_off, on=date(2026, 2, 1))

    register(laid_off)

    ended = EmploymentRegistration.objects.get(person=laid_off, kind="employment")
    assert (ended.status, ended.ended_on, ended.end_reason) == (
        "ended",
        date(2026, 4, 10),
        "unemployed",
    )
