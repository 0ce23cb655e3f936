"""Personas shared by every test (after healthchecks' Alice, Bob and Charlie).

* ``zhang`` — 张伟, a citizen of 武昌区 (420106) who owns the data;
* ``li`` — 李娜, another citizen, who must not see 张伟's data;
* ``clerk_wuchang`` — caseworker of 武昌区 (may see 张伟);
* ``clerk_xiangyang`` — caseworker of 襄阳市 (420600, may not);
* ``admin_wang`` — system administrator (runs the system; reads no personal data).
"""

from __future__ import annotations

from datetime import date

import pytest

from hrss.core.actors import SystemActor
from hrss.core.identifiers.id_number import build_id_number

SYSTEM = SystemActor("test-fixture")
ZHANG_ID = build_id_number("420106", date(1985, 3, 14), 123)  # odd sequence: male
LI_ID = build_id_number("420102", date(1990, 7, 2), 246)  # even: female


@pytest.fixture(autouse=True)
def _default_language():
    """A page test that asks for English leaves the language active in its thread:
    every test starts and ends in the site's default language (Chinese)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _audit_guard(request):
    """Keep the audit log append-only in every database test; lift the guard only
    after a transactional test, so that Django can flush the tables."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )
    uses_db = transactional or marker is not None or "db" in request.fixturenames
    if not uses_db:
        yield
        return
    from django.db import connection

    from hrss.audit.guard import disable_guard, enable_guard

    request.getfixturevalue("transactional_db" if transactional else "db")
    enable_guard(connection)
    if transactional:
        _reseed_reference_data()
    yield
    if transactional:
        disable_guard(connection)


def _reseed_reference_data():
    """A transactional test's flush empties the tables that migrations seeded."""
    from hrss.insurance.models import Parameter
    from hrss.insurance.seed import load_reference_parameters
    from hrss.registry.models import Region
    from hrss.registry.seed import load_regions

    if not Region.objects.exists():
        load_regions(Region)
    if not Parameter.objects.exists():
        load_reference_parameters(Parameter)
    from hrss.service_hall.models import RequiredMaterial, ServiceItem
    from hrss.service_hall.seed import load_service_catalog

    if not ServiceItem.objects.exists():
        load_service_catalog(ServiceItem, RequiredMaterial)


@pytest.fixture
def system_actor() -> SystemActor:
    return SYSTEM


def _person(id_number: str, name: str, gender: int, born: date, region: str, phone: str):
    from hrss.registry import services

    return services.person_register(
        actor=SYSTEM,
        id_number=id_number,
        name=name,
        gender=gender,
        birth_date=born,
        hukou_region=region,
        phone=phone,
    )


@pytest.fixture
def person_zhang(db):
    return _person(ZHANG_ID, "张伟", 1, date(1985, 3, 14), "420106", "13812341234")


@pytest.fixture
def person_li(db):
    return _person(LI_ID, "李娜", 2, date(1990, 7, 2), "420102", "13998765432")


def _account(username: str, role: str, district: str = "", person_index: str = ""):
    from hrss.iam.models import Account

    return Account.objects.create_user(
        username=username,
        password="Test-Passw0rd!",
        role=role,
        district=district,
        person_index=person_index,
    )


@pytest.fixture
def zhang(person_zhang):
    return _account("zhang", "citizen", person_index=person_zhang.id_number_index)


@pytest.fixture
def li(person_li):
    return _account("li", "citizen", person_index=person_li.id_number_index)


@pytest.fixture
def clerk_wuchang(db):
    return _account("clerk_wuchang", "caseworker", district="420106")


@pytest.fixture
def clerk_xiangyang(db):
    return _account("clerk_xiangyang", "caseworker", district="420600")


@pytest.fixture
def admin_wang(db):
    return _account("admin_wang", "administrator")


def sign_in(client, account):
    """Log ``account`` in as our login view would (second factor passed for staff)."""
    from hrss.iam.testing import force_login_staff

    force_login_staff(client, account)
    return client
