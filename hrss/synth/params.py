"""Policy parameters the generator uses and writes to ``parameters.csv``.

Illustrative values, not published figures (domain.md §6: Hubei's exact limits
are unsettled): an average wage of 7 012 yuan in 2024 growing 4.5 % a year
(6 % before 2024, 9 % before 2015); province-wide base limits at 60 %/300 % of
it, Wuhan (420100) at 64 %/320 %. Money is integer fen throughout.
"""

from __future__ import annotations

from datetime import date

from hrss.synth.dates import Span

PROVINCE = "420000"
WUHAN = "420100"
FIRST_ACCOUNT_YEAR = 1998  # personal accounts unified nationally (国发〔1997〕26号)

# Contribution rates in basis points of the base (1/10 000).
PENSION_ER, PENSION_EE = 1600, 800
UNEMPLOYMENT_ER, UNEMPLOYMENT_EE = 70, 30
FLEX_ER, FLEX_EE = 1200, 800  # flexible workers: 20 %, 8 % to the personal account
WORK_INJURY_BP = {1: 20, 2: 40, 3: 70, 4: 90, 5: 110, 6: 130, 7: 160, 8: 190}

MIN_WAGE_FEN = {PROVINCE: 195_000, WUHAN: 221_000}
UI_RATIO_PCT = 90
# 记账利率 in parts per million; 2016–2024 as announced, others illustrative.
INTEREST_PPM = {
    2016: 83_100,
    2017: 71_200,
    2018: 82_900,
    2019: 76_100,
    2020: 60_400,
    2021: 66_900,
    2022: 61_200,
    2023: 39_700,
    2024: 26_200,
    2025: 23_000,
}
DEFAULT_INTEREST_PPM = 30_000


def _wage_table() -> dict[int, int]:
    table = {2024: 7012}
    for year in range(2025, 2061):
        table[year] = table[year - 1] * 1045 // 1000
    for year in range(2023, 1979, -1):
        growth = 1060 if year >= 2014 else 1090
        table[year] = table[year + 1] * 1000 // growth
    return table


AVERAGE_WAGE_YUAN = _wage_table()


def pct(amount_fen: int, bp: int) -> int:
    """``amount × bp / 10 000`` rounded half up to the fen (non-negative amounts)."""
    return (amount_fen * bp + 5000) // 10000


def yuan(fen: int) -> str:
    """Fen as a yuan string with two decimals."""
    return f"{fen // 100}.{fen % 100:02d}"


def average_wage_fen(year: int) -> int:
    """全口径城镇单位就业人员月平均工资 of ``year`` in fen."""
    return AVERAGE_WAGE_YUAN[year] * 100


def limits_fen(year: int, wuhan: bool) -> tuple[int, int]:
    """Contribution base floor and ceiling (fen) for ``year``; whole yuan."""
    wage = AVERAGE_WAGE_YUAN[year]
    if wuhan:
        return (wage * 64 + 50) // 100 * 100, (wage * 320 + 50) // 100 * 100
    return (wage * 60 + 50) // 100 * 100, wage * 300


def is_wuhan(region: str) -> bool:
    """Does ``region`` fall under Wuhan's own parameter rows?"""
    return region.startswith("4201")


def ui_amount_fen(prefecture: str) -> int:
    """Monthly unemployment benefit paid by ``prefecture``: 90 % of the minimum wage."""
    wage = MIN_WAGE_FEN[WUHAN] if is_wuhan(prefecture) else MIN_WAGE_FEN[PROVINCE]
    return wage * UI_RATIO_PCT // 100


def interest_ppm(year: int) -> int:
    """The personal-account interest rate of ``year`` in parts per million."""
    return INTEREST_PPM.get(year, DEFAULT_INTEREST_PPM)


def year_interest(opening: int, credited: int, year: int) -> int:
    """A year's interest: opening × r + credited × r × 1.083 / 2 (monthly credits), fen."""
    rate = interest_ppm(year)
    numerator = opening * rate * 2000 + credited * rate * 1083
    denominator = 1_000_000 * 2000
    return (numerator + denominator // 2) // denominator


def _yearly(name: str, region: str, years: range, value: dict[int, str]) -> list[list[str]]:
    rows = []
    for year in years:
        valid_to = "" if year == years[-1] else f"{year + 1}-01-01"
        rows.append([name, region, f"{year}-01-01", valid_to, value[year]])
    return rows


def _limit_rows(years: range) -> list[list[str]]:
    rows = _yearly(
        "average_monthly_wage", PROVINCE, years, {y: yuan(average_wage_fen(y)) for y in years}
    )
    for region, wuhan in ((PROVINCE, False), (WUHAN, True)):
        floors = {y: yuan(limits_fen(y, wuhan)[0]) for y in years}
        ceilings = {y: yuan(limits_fen(y, wuhan)[1]) for y in years}
        rows += _yearly("contribution_base_floor", region, years, floors)
        rows += _yearly("contribution_base_ceiling", region, years, ceilings)
    return rows


def parameter_rows(span: Span) -> list[list[str]]:
    """Every row of ``parameters.csv``; ``valid_to`` is exclusive (the next row's start)."""
    years = range(span.first // 12, span.last // 12 + 1)
    start = f"{years[0]}-01-01"
    rows = _limit_rows(years)
    for region, fen in sorted(MIN_WAGE_FEN.items()):
        rows.append(["minimum_monthly_wage", region, start, "", yuan(fen)])
    rows.append(["unemployment_benefit_ratio", PROVINCE, start, "", f"0.{UI_RATIO_PCT}"])
    account_years = range(FIRST_ACCOUNT_YEAR, last_account_year(span.as_of) + 1)
    rates = {y: f"{interest_ppm(y) / 1_000_000:.4f}" for y in account_years}
    rows += _yearly("personal_account_interest_rate", PROVINCE, account_years, rates)
    return sorted(rows)


def last_account_year(as_of: date) -> int:
    """The last complete calendar year on ``as_of`` (personal-account rows stop there)."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
