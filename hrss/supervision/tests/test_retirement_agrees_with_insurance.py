"""Analytics' retirement rule (F05) agrees with the insurance area's calculation.

Analytics may not import insurance (layering); supervision sits above both.
"""

from __future__ import annotations

from datetime import date

from hrss.analytics.retirement import FEMALE, MALE, retirement_month
from hrss.insurance.pension import RetirementCategory, statutory_retirement


def _mi(day: date) -> int:
    return day.year * 12 + day.month - 1


def test_same_month_for_men_and_women_workers_born_1950_to_2000():
    for year in range(1950, 2001):
        for month in range(1, 13):
            born = date(year, month, 15)
            men = statutory_retirement(birth_month=born, category=RetirementCategory.MALE)
            women = statutory_retirement(
                birth_month=born, category=RetirementCategory.FEMALE_WORKER
            )
            assert retirement_month(born, MALE) == _mi(men.month), born
            assert retirement_month(born, FEMALE) == _mi(women.month), born
