"""计发月数, the minimum contribution, flexible retirement and the pension formula."""

from datetime import date
from decimal import Decimal

import pytest

from hrss.insurance import retirement
from hrss.insurance.pension import (
    Age,
    PensionInputs,
    flexible_retirement_problems,
    pension_compute,
    statutory_retirement,
)
from hrss.insurance.tests.helpers import set_param

ON = date(2026, 3, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("age", "months"),
    [(50, 195), (55, 170), (60, 139), (63, 117), (40, 233), (47, 208), (70, 56)],
    ids=lambda v: str(v),
)
def test_payment_months_are_seeded_per_age(age, months):
    assert retirement.payment_months_at(age=Age(age, 0), region="420106", on=ON).months == months


@pytest.mark.django_db
def test_ages_with_months_use_the_whole_years_value_by_default():
    result = retirement.payment_months_at(age=Age(60, 3), region="420106", on=ON)
    assert (result.months, result.rule) == (139, "按退休年龄60岁(整岁)对应的计发月数")


@pytest.mark.django_db
def test_ages_with_months_can_be_interpolated_or_loaded_month_by_month():
    # given: the province switches to interpolation from 2026
    set_param("pension_payment_months_method", "1", valid_from="2026-01-01")
    # then: 139 + (132 − 139) × 3 ÷ 12 = 137.25 → 137
    assert retirement.payment_months_at(age=Age(60, 3), region="420106", on=ON).months == 137
    # given: MOHRSS publishes a value for 60 years 3 months
    set_param("pension_payment_months", "138", valid_from="2026-01-01", key="60.03")
    assert retirement.payment_months_at(age=Age(60, 3), region="420106", on=ON).months == 138


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("on", "months"),
    [
        ("2025-06-01", 180),
        ("2029-12-01", 180),
        ("2030-01-01", 186),
        ("2031-07-01", 192),
        ("2035-06-01", 216),
        ("2038-12-01", 234),
        ("2039-01-01", 240),
        ("2045-01-01", 240),
    ],
)
def test_minimum_contribution_rises_six_months_a_year_from_2030(on, months):
    got = retirement.minimum_contribution_months(region="420106", on=date.fromisoformat(on))
    assert got == months


def test_pension_checked_by_hand_to_the_fen():
    # C = 7489.33, Ī = 0.8765, N = 25.5, balance 98765.43, 计发月数 139, 视同 3.25 years, 1.2 %
    # 基础:   7489.33 × 1.8765 = 14053.727745; ÷ 2 = 7026.8638725; × 25.5 = 179185.02874875;
    #         × 1 % = 1791.8502874875 → 1791.85
    # 个人账户: 98765.43 ÷ 139 = 710.542661… → 710.54
    # 过渡性:  7489.33 × 0.8765 = 6564.397745; × 3.25 = 21334.29267125; × 0.012 = 256.0115… → 256.01
    # 合计:   1791.85 + 710.54 + 256.01 = 2758.40
    result = pension_compute(
        PensionInputs(
            average_wage=Decimal("7489.33"),
            average_index=Decimal("0.8765"),
            contribution_years=Decimal("25.5"),
            account_balance=Decimal("98765.43"),
            payment_months=139,
            pre_reform_years=Decimal("3.25"),
            transitional_coefficient=Decimal("0.012"),
        )
    )
    assert (result.basic, result.account, result.transitional, result.total) == (
        Decimal("1791.85"),
        Decimal("710.54"),
        Decimal("256.01"),
        Decimal("2758.40"),
    )
    steps = {s.key: s for s in result.steps}
    assert steps["basic"].formula == "C×(1+Ī)÷2×N×1% = 7489.33×(1+0.8765)÷2×25.5×1%"
    assert steps["contribution_years"].value == "25年6个月"
    assert steps["transitional"].formula.endswith("7489.33×0.8765×3.25×1.2%")
    assert [s.key for s in result.steps][-1] == "total"


def test_each_component_is_rounded_half_up_once():
    # 560.28 ÷ 56 = 10.005 exactly: half up gives 10.01 (banker's rounding would give 10.00)
    result = pension_compute(
        PensionInputs(
            average_wage=Decimal("0"),
            average_index=Decimal("0"),
            contribution_years=Decimal("0"),
            account_balance=Decimal("560.28"),
            payment_months=56,
        )
    )
    assert result.account == Decimal("10.01")


def test_months_of_contribution_show_as_a_fraction_of_twelve():
    result = pension_compute(
        PensionInputs(
            average_wage=Decimal("6250"),
            average_index=Decimal("1"),
            contribution_years=Decimal(307) / 12,
            account_balance=Decimal("0"),
            payment_months=139,
        )
    )
    step = next(s for s in result.steps if s.key == "basic")
    assert step.formula.endswith("×(307÷12)×1%")
    # 6250 × 2 ÷ 2 × 307 ÷ 12 × 1 % = 1598.9583… → 1598.96
    assert result.basic == Decimal("1598.96")


MAN_1976_09 = statutory_retirement(birth_month=date(1976, 9, 1), category="male")
MAN_1965_12 = statutory_retirement(birth_month=date(1965, 12, 1), category="male")


@pytest.mark.parametrize(
    ("statutory", "requested", "months", "minimum", "agreed", "messages"),
    [
        pytest.param(MAN_1965_12, "2026-03", 100, 180, False, [], id="statutory_month_case"),
        pytest.param(
            MAN_1965_12,
            "2025-11",
            200,
            180,
            False,
            ["弹性提前退休不得低于原法定退休年龄60岁(即不早于2025-12)"],
            id="below_original_age_case",
        ),
        pytest.param(MAN_1965_12, "2025-12", 200, 180, False, [], id="earliest_allowed_case"),
        pytest.param(
            MAN_1976_09,
            "2036-08",
            240,
            234,
            False,
            [
                "弹性提前退休最多提前3年(法定退休年月2039-09,最早2036-09)",
                "弹性提前退休不得低于原法定退休年龄60岁(即不早于2036-09)",
            ],
            id="more_than_three_years_case",
        ),
        pytest.param(
            MAN_1976_09,
            "2036-09",
            200,
            234,
            False,
            ["弹性提前退休须达到最低缴费年限(需19年6个月,已缴16年8个月)"],
            id="early_without_minimum_case",
        ),
        pytest.param(
            MAN_1965_12,
            "2029-04",
            100,
            180,
            True,
            ["弹性延迟退休最多延迟3年(最晚2029-03)"],
            id="later_than_three_years_case",
        ),
        pytest.param(
            MAN_1965_12,
            "2027-03",
            100,
            180,
            False,
            ["弹性延迟退休须经用人单位同意(未提供单位同意意见)"],
            id="later_without_employer_case",
        ),
        pytest.param(MAN_1965_12, "2029-03", 100, 180, True, [], id="latest_allowed_case"),
    ],
)
def test_flexible_retirement_names_every_failed_condition(
    statutory, requested, months, minimum, agreed, messages
):
    problems = flexible_retirement_problems(
        statutory=statutory,
        requested=date.fromisoformat(requested + "-01"),
        contribution_months=months,
        minimum_months=minimum,
        employer_agreed=agreed,
    )
    assert [p.message for p in problems] == messages
