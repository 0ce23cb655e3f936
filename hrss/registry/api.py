"""Registry endpoints: access check, one selector or service call, return."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from hrss.iam.api_auth import citizen_auth, current_account, staff_auth
from hrss.registry import selectors, services
from hrss.registry.schemas import (
    IdentifiersOut,
    PersonLookupIn,
    PersonOut,
    PersonRegisterIn,
    RevealIn,
)

staff_router = Router(tags=["registry 一库"], auth=staff_auth)
citizen_router = Router(tags=["me 我的"], auth=citizen_auth)


@staff_router.post("/persons/lookup", response=PersonOut, summary="按身份证号码查询人员")
def person_lookup(request: HttpRequest, payload: PersonLookupIn) -> PersonOut:
    """Masked record of a person in the caller's district (audited); 404 otherwise."""
    person = selectors.access_person_by_id_number(
        actor=current_account(request),
        id_number=payload.id_number,
        reason=payload.reason,
    )
    return PersonOut.from_person(person)


@staff_router.get("/persons/{person_id}", response=PersonOut, summary="查看人员(脱敏)")
def person_detail(request: HttpRequest, person_id: int) -> PersonOut:
    """Masked record by internal number (audited); 404 when missing or outside the district."""
    person = selectors.access_person_by_id(actor=current_account(request), person_id=person_id)
    return PersonOut.from_person(person)


@staff_router.post(
    "/persons/{person_id}/reveal", response=IdentifiersOut, summary="查看完整证件号码"
)
def person_reveal(request: HttpRequest, person_id: int, payload: RevealIn) -> IdentifiersOut:
    """Unmasked ID number and phone; requires a reason, which is audited."""
    person = selectors.access_person_by_id(actor=current_account(request), person_id=person_id)
    data = selectors.access_person_identifiers(
        actor=current_account(request), person=person, reason=payload.reason
    )
    return IdentifiersOut(**data)


@staff_router.post("/persons", response={201: PersonOut}, summary="人员登记")
def person_register(request: HttpRequest, payload: PersonRegisterIn) -> tuple[int, PersonOut]:
    """Register a person; every invalid field is reported at once (422-style problem list)."""
    person = services.person_register(actor=current_account(request), **payload.dict())
    return 201, PersonOut.from_person(person)


@citizen_router.get("/me", response=PersonOut, summary="我的基本信息")
def me(request: HttpRequest) -> PersonOut:
    """The signed-in citizen's own record (masked)."""
    return PersonOut.from_person(selectors.person_of_account(actor=current_account(request)))
