"""Public calculators on the citizen API: no login, no personal data, nothing stored.

Query values are read as text and checked by ``calculators`` so that bad input gets
the platform's 400 problem+json with a stable code (not the framework's 422).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router

from hrss.insurance import calculators, retirement
from hrss.insurance.pension import statutory_retirement
from hrss.insurance.schemas import EntitlementOut, PensionEstimateOut, RetirementDateOut
from hrss.insurance.unemployment import MAX_MONTHS, unemployment_entitlement

router = Router(tags=["calculators 测算(免登录)"], auth=None)

BirthMonth = Annotated[str | None, Query(description="出生年月 YYYY-MM(必填)", example="1965-12")]
Category = Annotated[
    str | None,
    Query(
        description="人员类别(必填): male 男职工, female_cadre 原55周岁退休的女职工, "
        "female_worker 原50周岁退休的女职工"
    ),
]


@router.get(
    "/pension/retirement-date",
    response=RetirementDateOut,
    auth=None,
    summary="法定退休年龄测算",
)
def retirement_date(
    request: HttpRequest, birth_month: BirthMonth = None, category: Category = None
) -> RetirementDateOut:
    """Statutory retirement month and age under the 2025 gradual raise: men 60→63 and
    women cadres 55→58 by one month per 4, women workers 50→55 by one month per 2.
    ``age`` is structured (``years``, ``months``) with a ``text`` form ("60岁3个月").
    Errors: ``insurance.required``, ``month.bad_format``, ``insurance.bad_birth_month``,
    ``insurance.bad_category`` (or ``validation.failed`` listing several)."""
    born, kind = calculators.clean_retirement_query(birth_month=birth_month, category=category)
    return RetirementDateOut.of(statutory_retirement(birth_month=born, category=kind))


@router.get(
    "/unemployment/entitlement",
    response=EntitlementOut,
    auth=None,
    summary="失业保险金领取期限测算",
)
def unemployment_entitlement_months(
    request: HttpRequest,
    contribution_months: Annotated[
        str | None, Query(description="本次失业前累计缴纳失业保险的月数(必填,0–600)")
    ] = None,
    carried_months: Annotated[
        str | None, Query(description="前次失业应领而未领的月数(选填,0–24,默认0)")
    ] = None,
) -> EntitlementOut:
    """Maximum months of unemployment benefit: under 12 months of contributions none;
    1 to under 5 years 12 months, 5 to under 10 years 18, 10 years or more 24; unused
    months of the previous claim are added, at most 24 in total. Errors:
    ``insurance.required``, ``insurance.bad_month_count``."""
    months, carried = calculators.clean_entitlement_query(
        contribution_months=contribution_months, carried_months=carried_months
    )
    entitlement = unemployment_entitlement(contribution_months=months, carried_months=carried)
    return EntitlementOut.of(entitlement, max_months=MAX_MONTHS)


@router.get("/pension/estimate", response=PensionEstimateOut, auth=None, summary="基本养老金测算")
def pension_estimate(  # noqa: PLR0913 (one argument per query parameter)
    request: HttpRequest,
    birth_month: BirthMonth = None,
    category: Category = None,
    contribution_years: Annotated[
        str | None, Query(description="缴费年限,含视同缴费年限(必填,如 30 或 25.5)")
    ] = None,
    average_index: Annotated[
        str | None, Query(description="本人平均缴费指数(必填,0–3,如 1.2)")
    ] = None,
    account_balance: Annotated[
        str | None, Query(description="退休时个人账户储存额,元(必填)")
    ] = None,
    pre_reform_years: Annotated[
        str | None, Query(description="建立个人账户前的视同缴费年限(选填,默认0)")
    ] = None,
    region: Annotated[
        str | None, Query(description="待遇领取地行政区划代码(选填,默认420000湖北省)")
    ] = None,
) -> PensionEstimateOut:
    """Monthly basic pension at the statutory retirement month, with every step:
    基础养老金 C×(1+Ī)÷2×N×1%, 个人账户养老金 = balance ÷ 计发月数, 过渡性养老金
    C×Ī×视同缴费年限×系数; C, 计发月数 and the coefficient are the parameters in force
    in that month for the region. An estimate only, nothing is stored. Errors include
    ``insurance.bad_contribution_years``, ``insurance.bad_average_index``, ``money.*``,
    ``registry.unknown_region``, ``insurance.parameter_missing``."""
    q = calculators.clean_estimate_query(
        birth_month=birth_month,
        category=category,
        contribution_years=contribution_years,
        average_index=average_index,
        account_balance=account_balance,
        pre_reform_years=pre_reform_years,
        region=region,
    )
    return PensionEstimateOut.of(retirement.pension_estimate(**asdict(q)))
