"""The security matrix of access_person_*: persona × record."""

from datetime import date

import pytest

from conftest import LI_ID, SYSTEM, ZHANG_ID
from hrss.audit.models import AuditEntry
from hrss.core.errors import PermissionDenied
from hrss.core.identifiers.id_number import build_id_number
from hrss.iam.models import Account
from hrss.registry import selectors, services
from hrss.registry.errors import PersonNotFound

pytestmark = pytest.mark.django_db

MISSING_ID = build_id_number("420106", date(1970, 1, 1), 11)


def test_caseworker_of_the_district_sees_the_person_and_it_is_audited(person_zhang, clerk_wuchang):
    found = selectors.access_person_by_id_number(
        actor=clerk_wuchang, id_number=ZHANG_ID, reason="窗口办理"
    )

    assert found.pk == person_zhang.pk
    entry = AuditEntry.objects.filter(action="person.read").get()
    assert (entry.actor_name, entry.person_id, entry.outcome, entry.reason) == (
        "clerk_wuchang",
        person_zhang.pk,
        "ok",
        "窗口办理",
    )


def test_other_district_gets_the_same_not_found_as_a_missing_person(person_zhang, clerk_xiangyang):
    with pytest.raises(PersonNotFound) as forbidden:
        selectors.access_person_by_id_number(actor=clerk_xiangyang, id_number=ZHANG_ID)
    with pytest.raises(PersonNotFound) as missing:
        selectors.access_person_by_id_number(actor=clerk_xiangyang, id_number=MISSING_ID)

    assert forbidden.value.as_problem() == missing.value.as_problem()
    denied = AuditEntry.objects.filter(action="person.read", outcome="denied")
    assert denied.count() == 2
    assert all(e.person_id is None and e.actor_name == "clerk_xiangyang" for e in denied)


def test_city_level_caseworker_covers_its_districts(person_zhang):
    city = Account.objects.create_user(
        username="wuhan", password="x", role="caseworker", district="420100"
    )
    assert selectors.access_person_by_id(actor=city, person_id=person_zhang.pk) == person_zhang


def test_citizen_sees_only_themselves(person_zhang, zhang, li):
    assert selectors.access_person_by_id_number(actor=zhang, id_number=ZHANG_ID) == person_zhang
    with pytest.raises(PersonNotFound):
        selectors.access_person_by_id_number(actor=li, id_number=ZHANG_ID)
    assert (
        AuditEntry.objects.filter(action="person.read", outcome="denied", actor_name="li").count()
        == 1
    )


def test_administrator_reads_no_personal_data(person_zhang, admin_wang):
    with pytest.raises(PersonNotFound):
        selectors.access_person_by_id(actor=admin_wang, person_id=person_zhang.pk)


def test_employer_agent_sees_own_employees_only(person_zhang, person_li):
    employer = services.employer_register(
        actor=SYSTEM,
        uscc="91110108551385082Q",
        name="武汉某科技有限公司",
        industry="65",
        region="420106",
        risk_class=1,
        registered_on="2020-01-01",
    )
    services.employment_file(
        actor=SYSTEM, person=person_zhang, employer=employer, start_date="2021-03-01"
    )
    agent = Account.objects.create_user(
        username="hr", password="x", role="employer_agent", employer_uscc=employer.uscc
    )

    assert selectors.access_person_by_id_number(actor=agent, id_number=ZHANG_ID) == person_zhang
    with pytest.raises(PersonNotFound):
        selectors.access_person_by_id_number(actor=agent, id_number=LI_ID)


def test_reveal_needs_a_reason_and_is_audited(person_zhang, clerk_wuchang, clerk_xiangyang):
    with pytest.raises(PermissionDenied):
        selectors.access_person_identifiers(actor=clerk_wuchang, person=person_zhang, reason="  ")

    shown = selectors.access_person_identifiers(
        actor=clerk_wuchang, person=person_zhang, reason="核对身份"
    )

    assert shown == {"id_number": ZHANG_ID, "phone": "13812341234"}
    entry = AuditEntry.objects.get(action="person.reveal")
    assert (entry.reason, entry.outcome) == ("核对身份", "ok")
    with pytest.raises(PersonNotFound):
        selectors.access_person_identifiers(
            actor=clerk_xiangyang, person=person_zhang, reason="好奇"
        )
