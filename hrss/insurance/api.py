"""Insurance endpoints: my records (citizen) and a person's records (staff)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from hrss.iam.api_auth import citizen_auth, current_account, staff_auth
from hrss.insurance.records import person_records
from hrss.insurance.schemas import RecordsOut
from hrss.registry import selectors as registry_selectors

citizen_router = Router(tags=["me 我的"], auth=citizen_auth)
staff_router = Router(tags=["insurance 社会保险"], auth=staff_auth)


@citizen_router.get("/me/records", response=RecordsOut, summary="我的个人权益记录")
def my_records(request: HttpRequest) -> RecordsOut:
    """Enrolments, contribution months by year and the personal account of the caller."""
    person = registry_selectors.person_of_account(actor=current_account(request))
    return person_records(person=person)


@staff_router.get("/persons/{person_id}/records", response=RecordsOut, summary="人员权益记录")
def records_of_person(request: HttpRequest, person_id: int) -> RecordsOut:
    """A person's insurance record; same district rule and audit as the person record."""
    person = registry_selectors.access_person_by_id(
        actor=current_account(request), person_id=person_id
    )
    return person_records(person=person)
