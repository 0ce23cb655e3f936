"""社会保障卡卡号: 9 characters, assigned by the issuing system, unique per issuing region.

No public check-digit scheme exists (domain notes §1.4), so the number is opaque:
one capital letter (no I or O, which read as 1 and 0) and 8 digits, drawn at random
(a sequence would reveal how many cards a region issues). The database's unique
constraint on (issuing region, number) is the final guard.
"""

from __future__ import annotations

import secrets
import string

from hrss.cards.errors import CardError
from hrss.cards.models import Card

LETTERS = "".join(c for c in string.ascii_uppercase if c not in "IO")
ATTEMPTS = 20


def card_number_draw() -> str:
    return secrets.choice(LETTERS) + "".join(secrets.choice(string.digits) for _ in range(8))


def card_number_new(*, issuing_region: str) -> str:
    """A number not yet used in ``issuing_region`` (24 × 10⁸ possibilities per region)."""
    for _ in range(ATTEMPTS):
        number = card_number_draw()
        if not Card.objects.filter(issuing_region=issuing_region, card_number=number).exists():
            return number
    raise CardError("cards.number_exhausted", "无法分配新的社会保障卡卡号,请稍后重试")
