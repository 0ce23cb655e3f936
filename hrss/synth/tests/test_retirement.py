"""The 2025 retirement-age rule against the public test vectors (domain.md §4.3)."""

from __future__ import annotations

from datetime import date

import pytest

from hrss.synth.dates import month_index
from hrss.synth.retirement import FEMALE, MALE, retirement_month


@pytest.mark.parametrize(
    ("birth", "gender", "lenient", "expected"),
    [
        (date(1965, 1, 15), MALE, False, date(2025, 2, 1)),
        (date(1965, 12, 1), MALE, False, date(2026, 3, 1)),
        (date(1976, 9, 1), MALE, False, date(2039, 9, 1)),
        (date(1964, 12, 1), MALE, False, date(2024, 12, 1)),
        (date(1971, 4, 1), FEMALE, False, date(2026, 8, 1)),
        (date(1984, 11, 1), FEMALE, True, date(2039, 11, 1)),
        (date(1974, 12, 1), FEMALE, True, date(2024, 12, 1)),
        (date(1975, 1, 1), FEMALE, True, date(2025, 2, 1)),
    ],
)
def test_retirement_month(birth, gender, lenient, expected):
    assert retirement_month(birth, gender, lenient=lenient) == month_index(expected)
