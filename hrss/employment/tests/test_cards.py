"""《就业创业证》: the number format, and 申领 for a registered person, once."""

from datetime import date

import pytest

from conftest import SYSTEM
from hrss.core.errors import DomainError
from hrss.employment import services
from hrss.employment.errors import CardExists
from hrss.employment.numbers import CardNumber, card_number_parse
from hrss.employment.tests.helpers import at, make_person


def test_number_parts():
    assert card_number_parse("4201062026000123") == CardNumber("420106", 2026, 123)
    assert str(CardNumber("420106", 2026, 123)) == "4201062026000123"


@pytest.mark.parametrize("bad", ["420106202600012", "42010620260001234", "4201062026000000", "x"])
def test_bad_numbers(bad):
    with pytest.raises(DomainError) as caught:
        card_number_parse(bad)
    assert caught.value.code == "employment.bad_card_number"


@pytest.mark.django_db
def test_apply_needs_a_registration_and_is_granted_once():
    person = make_person(date(1995, 2, 3))
    with at("2026-05-06"), pytest.raises(DomainError) as caught:
        services.entrepreneurship_card_apply(actor=SYSTEM, person=person)
    assert caught.value.code == "employment.no_registration"

    with at("2026-05-06"):
        services.employment_register(actor=SYSTEM, person=person, on=date(2026, 5, 6))
        card = services.entrepreneurship_card_apply(actor=SYSTEM, person=person)
        with pytest.raises(CardExists) as again:
            services.entrepreneurship_card_apply(actor=SYSTEM, person=person)

    assert (card.number, card.issued_on) == ("4201062026000001", date(2026, 5, 6))
    assert again.value.message == "您已于2026-05-06领取《就业创业证》(编号4201062026000001)"
