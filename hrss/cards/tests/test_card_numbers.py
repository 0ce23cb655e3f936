"""Card numbers: 9 characters, unique per issuing region."""

import re

import pytest

from hrss.cards import numbers
from hrss.cards.models import Card


def test_a_number_is_one_letter_and_eight_digits():
    drawn = {numbers.card_number_draw() for _ in range(200)}
    assert all(re.fullmatch(r"[A-HJ-NP-Z][0-9]{8}", n) for n in drawn)
    assert len(drawn) == 200


@pytest.mark.django_db
def test_a_number_used_in_the_region_is_drawn_again(person_zhang, monkeypatch):
    Card.objects.create(
        person=person_zhang, card_number="A00000001", issuing_region="420106", status="applied"
    )
    draws = iter(["A00000001", "A00000002"])
    monkeypatch.setattr(numbers, "card_number_draw", lambda: next(draws))
    assert numbers.card_number_new(issuing_region="420106") == "A00000002"
    # the same number is free in another region
    monkeypatch.setattr(numbers, "card_number_draw", lambda: "A00000001")
    assert numbers.card_number_new(issuing_region="420102") == "A00000001"
