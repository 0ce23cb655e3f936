"""《就业创业证》 numbers: ``RRRRRRYYYYNNNNNN`` (16 digits).

* ``RRRRRR`` — GB/T 2260 code of the issuing region (the registrant's 常住地);
* ``YYYY`` — the year of issue;
* ``NNNNNN`` — the sequence of that region and year, from 000001.

Example: ``4201062026000123`` is the 123rd card issued in 武昌区 in 2026. No national
check-digit scheme is published for this certificate, so none is invented here; the
number is unique (database constraint) and never re-used or changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Max

from hrss.employment.errors import EmploymentError
from hrss.employment.models import EntrepreneurshipCard

NUMBER_RE = re.compile(r"^(\d{6})(\d{4})(\d{6})$")
MAX_SEQUENCE = 999_999


@dataclass(frozen=True)
class CardNumber:
    region: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.region}{self.year:04d}{self.sequence:06d}"


def card_number_parse(number: str) -> CardNumber:
    """The parts of a card number; ``employment.bad_card_number`` when it is not one."""
    match = NUMBER_RE.match(number.strip())
    if match is None or int(match.group(3)) == 0:
        raise EmploymentError("employment.bad_card_number", "《就业创业证》编号应为16位数字")
    region, year, sequence = match.groups()
    return CardNumber(region, int(year), int(sequence))


def card_number_next(*, region: str, year: int) -> str:
    """The next free number of ``region`` and ``year`` (the caller retries on a race)."""
    prefix = f"{region}{year:04d}"
    last = EntrepreneurshipCard.objects.filter(number__startswith=prefix).aggregate(
        last=Max("number")
    )["last"]
    sequence = int(last[-6:]) + 1 if last else 1
    if sequence > MAX_SEQUENCE:
        raise EmploymentError(
            "employment.card_number_exhausted", f"{region}地区{year}年的《就业创业证》编号已用完"
        )
    return str(CardNumber(region, year, sequence))
