"""Statutory retirement month under the 2024-09-13 NPC decision (pure)."""

from datetime import date

import pytest

from hrss.insurance.pension import Age, statutory_retirement

M, CADRE, WORKER = "male", "female_cadre", "female_worker"


def month(text: str) -> date:
    return date(int(text[:4]), int(text[5:]), 1)


# The ten public test vectors the domain notes were checked against, plus the
# examples of domain.md §4.3.
PUBLIC_VECTORS = [
    ("1971-04", CADRE, "2026-08", (55, 4), 4),
    ("1995-12", WORKER, "2050-12", (55, 0), 60),
    ("1995-12", M, "2058-12", (63, 0), 36),
    ("2000-12", CADRE, "2058-12", (58, 0), 36),
    ("2000-12", M, "2063-12", (63, 0), 36),
    ("1965-12", M, "2026-03", (60, 3), 3),
    ("1963-12", M, "2023-12", (60, 0), 0),
    ("1963-04", CADRE, "2018-04", (55, 0), 0),
    ("1964-02", M, "2024-02", (60, 0), 0),
    ("1965-01", M, "2025-02", (60, 1), 1),
    ("1976-09", M, "2039-09", (63, 0), 36),
    ("1984-11", WORKER, "2039-11", (55, 0), 60),
]

# Boundaries of the algorithm: the last cohort without delay, the first with, each
# step edge (every 4th / 2nd birth month adds a month), and the last cohort below the cap.
BOUNDARIES = [
    ("1964-12", M, "2024-12", (60, 0), 0),  # original month 2024-12: idx −1, no delay
    ("1965-04", M, "2025-05", (60, 1), 1),  # idx 3 → 3 // 4 + 1 = 1
    ("1965-05", M, "2025-07", (60, 2), 2),  # idx 4 → 2
    ("1965-08", M, "2025-10", (60, 2), 2),  # idx 7 → 2
    ("1965-09", M, "2025-12", (60, 3), 3),  # idx 8 → 3
    ("1976-08", M, "2039-07", (62, 11), 35),  # idx 139 → 35, one below the cap
    ("1969-12", CADRE, "2024-12", (55, 0), 0),
    ("1970-01", CADRE, "2025-02", (55, 1), 1),
    ("1970-05", CADRE, "2025-07", (55, 2), 2),
    ("1981-08", CADRE, "2039-07", (57, 11), 35),
    ("1981-09", CADRE, "2039-09", (58, 0), 36),
    ("1974-12", WORKER, "2024-12", (50, 0), 0),
    ("1975-01", WORKER, "2025-02", (50, 1), 1),  # idx 0 → 1
    ("1975-02", WORKER, "2025-03", (50, 1), 1),  # idx 1 → 1
    ("1975-03", WORKER, "2025-05", (50, 2), 2),  # idx 2 → 2
    ("1984-10", WORKER, "2039-09", (54, 11), 59),  # idx 117 → 59
    ("1950-06", WORKER, "2000-06", (50, 0), 0),  # long before the change
]


@pytest.mark.parametrize(
    ("born", "category", "expected", "age", "delay"),
    [pytest.param(*case, id=f"{case[1]}_{case[0]}_case") for case in PUBLIC_VECTORS + BOUNDARIES],
)
def test_statutory_retirement_month(born, category, expected, age, delay):
    # when
    r = statutory_retirement(birth_month=month(born), category=category)
    # then
    assert (f"{r.month:%Y-%m}", (r.age.years, r.age.months), r.delay_months) == (
        expected,
        age,
        delay,
    )


def test_day_of_birth_does_not_matter_and_age_reads_in_chinese():
    r = statutory_retirement(birth_month=date(1965, 12, 31), category=M)
    assert r.month == date(2026, 3, 1)
    assert str(r.age) == "60岁3个月"
    assert str(Age(63, 0)) == "63岁"
    assert r.original_month == date(2025, 12, 1)
