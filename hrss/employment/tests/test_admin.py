"""The admin lists registrations and cards masked, and changes nothing."""

from datetime import date

import pytest

from conftest import SYSTEM, sign_in
from hrss.employment import services
from hrss.employment.tests.helpers import at, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_session(client, admin_wang):
    admin_wang.is_staff = admin_wang.is_superuser = True
    admin_wang.save()
    return sign_in(client, admin_wang)


def test_admin_shows_masked_people_and_numbers(admin_session):
    person = make_person(date(1990, 5, 1))
    with at("2026-04-10"):
        services.unemployment_register(actor=SYSTEM, person=person, on=date(2026, 4, 10))

    registrations = admin_session.get("/admin/employment/employmentregistration/")
    cards = admin_session.get("/admin/employment/entrepreneurshipcard/")

    assert registrations.status_code == cards.status_code == 200
    assert "赵**" in registrations.content.decode()
    page = cards.content.decode()
    assert "4201062026000001" not in page and "420106******0001" in page
    assert "赵测试" not in page
    assert admin_session.get("/admin/employment/entrepreneurshipcard/add/").status_code == 403
