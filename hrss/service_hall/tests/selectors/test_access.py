"""access_application_by_id: the applicant, their employer's agents, covering staff; no one else."""

from datetime import date

import pytest

from hrss.audit.models import AuditEntry
from hrss.iam.models import Account
from hrss.registry.models import Employer
from hrss.service_hall.errors import ApplicationNotFound
from hrss.service_hall.selectors import access_application_by_id, application_list_for_applicant
from hrss.service_hall.tests.factories import draft, make_item, submitted

pytestmark = pytest.mark.django_db


def test_the_applicant_reads_without_an_audit_row(zhang, item):
    app = submitted(zhang, item)
    before = AuditEntry.objects.count()
    assert access_application_by_id(actor=zhang, application_id=app.pk) == app
    assert AuditEntry.objects.count() == before


def test_another_citizen_gets_the_same_not_found_as_for_a_missing_one(zhang, li, item):
    app = submitted(zhang, item)

    with pytest.raises(ApplicationNotFound) as forbidden:
        access_application_by_id(actor=li, application_id=app.pk)
    with pytest.raises(ApplicationNotFound) as missing:
        access_application_by_id(actor=li, application_id=app.pk + 1000)

    assert forbidden.value.as_problem() == missing.value.as_problem()
    denied = AuditEntry.objects.filter(action="application.read", outcome="denied")
    assert denied.count() == 2 and not any(e.object_id for e in denied)


def test_covering_staff_read_and_are_audited(zhang, clerk_wuchang, supervisor_wuhan, item):
    app = submitted(zhang, item)
    for staff in (clerk_wuchang, supervisor_wuhan):
        assert access_application_by_id(actor=staff, application_id=app.pk) == app
        entry = AuditEntry.objects.filter(actor_id=staff.pk, action="application.read").get()
        assert (entry.outcome, entry.object_id, entry.person_id) == (
            "ok",
            str(app.pk),
            app.person_id,
        )


def test_staff_of_another_district_and_administrators_cannot_read(
    zhang, clerk_xiangyang, admin_wang, item
):
    app = submitted(zhang, item)
    for actor in (clerk_xiangyang, admin_wang):
        with pytest.raises(ApplicationNotFound):
            access_application_by_id(actor=actor, application_id=app.pk)


def test_an_inactive_applicant_is_refused(zhang, item):
    app = submitted(zhang, item)
    zhang.is_active = False
    zhang.save()
    with pytest.raises(ApplicationNotFound):
        access_application_by_id(actor=zhang, application_id=app.pk)


def agent(username, uscc):
    return Account.objects.create_user(
        username=username, password="x-Test-1234", role="employer_agent", employer_uscc=uscc
    )


def test_agents_of_the_same_employer_share_its_applications(db):
    Employer.objects.create(
        uscc="91420106MA4K000001",
        name="武汉测试有限公司",
        industry="13",
        section="C",
        region="420106",
        risk_class=1,
        registered_on=date(2020, 1, 1),
    )
    item = make_item("GG09907001", applicant="employer", materials=[])
    first, colleague = (
        agent("agent_a", "91420106MA4K000001"),
        agent("agent_b", "91420106MA4K000001"),
    )
    stranger = agent("agent_c", "91420106MA4K000002")
    app = draft(first, item)

    assert app.district == "420106" and app.employer.name == "武汉测试有限公司"
    assert access_application_by_id(actor=colleague, application_id=app.pk) == app
    assert list(application_list_for_applicant(actor=colleague)) == [app]
    with pytest.raises(ApplicationNotFound):
        access_application_by_id(actor=stranger, application_id=app.pk)
    assert list(application_list_for_applicant(actor=stranger)) == []


def test_my_list_holds_only_mine(zhang, li, item):
    mine = submitted(zhang, item)
    submitted(li, item, key="other")
    assert list(application_list_for_applicant(actor=zhang)) == [mine]
