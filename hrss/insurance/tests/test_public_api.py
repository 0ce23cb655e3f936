"""The public calculators through Django's test client (no login)."""

import pytest

from hrss.insurance.tests.helpers import set_param

BASE = "/api/citizen/v1"


def get(client, path, **params):
    return client.get(f"{BASE}{path}", params)


def problem(response):
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


@pytest.mark.django_db
def test_retirement_date_for_a_man_born_1965_12(client):
    response = get(client, "/pension/retirement-date", birth_month="1965-12", category="male")
    assert response.status_code == 200
    body = response.json()
    assert body["retirement_month"] == "2026-03"
    assert body["age"] == {"years": 60, "months": 3, "text": "60岁3个月"}
    assert (body["original_retirement_month"], body["delay_months"]) == ("2025-12", 3)


@pytest.mark.django_db
def test_retirement_date_for_a_woman_worker_born_1984_11(client):
    body = get(
        client, "/pension/retirement-date", birth_month="1984-11", category="female_worker"
    ).json()
    assert (body["retirement_month"], body["age"]["years"], body["age"]["months"]) == (
        "2039-11",
        55,
        0,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"birth_month": "1965-13", "category": "male"}, "month.bad_format"),
        ({"birth_month": "1965-12", "category": "woman"}, "insurance.bad_category"),
        ({"birth_month": "1965-12"}, "insurance.required"),
        ({"birth_month": "1920-01", "category": "male"}, "insurance.bad_birth_month"),
    ],
    ids=["bad_month_case", "bad_category_case", "missing_category_case", "too_old_case"],
)
def test_retirement_date_bad_input(client, params, code):
    body = problem(get(client, "/pension/retirement-date", **params))
    assert body["code"] == code
    assert body["type"] == f"urn:hrss:error:{code}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("months", "carried", "expected"),
    [("11", None, 0), ("12", None, 12), ("59", "0", 12), ("60", None, 18), ("119", None, 18),
     ("120", None, 24), ("60", "10", 24), ("12", "6", 18)],
)  # fmt: skip
def test_unemployment_entitlement(client, months, carried, expected):
    params = {"contribution_months": months}
    if carried is not None:
        params["carried_months"] = carried
    response = get(client, "/unemployment/entitlement", **params)
    assert response.status_code == 200
    assert response.json()["months"] == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"contribution_months": "-1"}, "insurance.bad_month_count", "contribution_months"),
        ({"contribution_months": "1.5"}, "insurance.bad_month_count", "contribution_months"),
        ({"contribution_months": "abc"}, "insurance.bad_month_count", "contribution_months"),
        ({}, "insurance.required", "contribution_months"),
        ({"contribution_months": "24", "carried_months": "25"}, "insurance.bad_month_count",
         "carried_months"),
    ],
    ids=["negative_case", "fraction_case", "text_case", "missing_case", "carried_over_24_case"],
)  # fmt: skip
def test_unemployment_entitlement_bad_input(client, params, code, field):
    body = problem(get(client, "/unemployment/entitlement", **params))
    assert (body["code"], body["extra"]["field"]) == (code, field)


@pytest.mark.django_db
def test_several_bad_values_are_reported_together(client):
    body = problem(
        get(client, "/unemployment/entitlement", contribution_months="x", carried_months="-3")
    )
    assert body["code"] == "validation.failed"
    assert [e["code"] for e in body["extra"]["errors"]] == [
        "insurance.bad_month_count",
        "insurance.bad_month_count",
    ]


@pytest.mark.django_db
def test_pension_estimate_shows_every_step(client):
    # C = 7500 from 2026; man born 1965-12 retires 2026-03 at 60y3m → 计发月数 139
    # 基础 7500 × 2.2 ÷ 2 × 30 × 1 % = 2475.00; 个人账户 150000 ÷ 139 = 1079.136… → 1079.14
    # 过渡性 7500 × 1.2 × 5 × 1.2 % = 540.00; 合计 4094.14
    set_param("average_monthly_wage", "7500", valid_from="2026-01-01")
    response = get(
        client, "/pension/estimate", birth_month="1965-12", category="male",
        contribution_years="30", average_index="1.2", account_balance="150000",
        pre_reform_years="5", region="420106",
    )  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert (body["basic"], body["account"], body["transitional"], body["total"]) == (
        "2475.00",
        "1079.14",
        "540.00",
        "4094.14",
    )
    assert (body["retirement_month"], body["payment_months"], body["meets_minimum"]) == (
        "2026-03",
        139,
        True,
    )
    assert body["minimum_contribution"] == "15年"
    assert [s["key"] for s in body["steps"]] == [
        "average_wage", "average_index", "contribution_years", "basic", "payment_months",
        "account", "transitional", "total",
    ]  # fmt: skip


@pytest.mark.django_db
def test_pension_estimate_flags_a_short_record_and_names_a_missing_parameter(client):
    params = {"birth_month": "1980-01", "category": "male", "contribution_years": "12",
              "average_index": "1", "account_balance": "50000.00"}  # fmt: skip
    assert problem(get(client, "/pension/estimate", **params))["code"] == (
        "insurance.parameter_missing"
    )
    set_param("average_monthly_wage", "8000", valid_from="2025-01-01")
    body = get(client, "/pension/estimate", **params).json()
    # retires 2042-01 (62y): the minimum is then 20 years
    assert (body["meets_minimum"], body["minimum_contribution"]) == (False, "20年")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("override", "code"),
    [
        ({"average_index": "3.5"}, "insurance.bad_average_index"),
        ({"contribution_years": "61"}, "insurance.bad_contribution_years"),
        ({"account_balance": "1.234"}, "money.too_precise"),
        ({"region": "999999"}, "registry.unknown_region"),
        ({"pre_reform_years": "31"}, "insurance.bad_pre_reform_years"),
    ],
)
def test_pension_estimate_bad_input(client, override, code):
    params = {"birth_month": "1965-12", "category": "male", "contribution_years": "30",
              "average_index": "1.2", "account_balance": "150000"}  # fmt: skip
    assert problem(get(client, "/pension/estimate", **{**params, **override}))["code"] == code


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "١٢", "1e3", " ", "NaN"])
def test_odd_numbers_are_a_400_not_a_crash(client, value):
    body = problem(get(client, "/unemployment/entitlement", contribution_months=value))
    assert body["code"] in {"insurance.bad_month_count", "insurance.required"}
    body = problem(
        get(client, "/pension/estimate", birth_month="1965-12", category="male",
            contribution_years=value, average_index="1", account_balance="1")
    )  # fmt: skip
    assert body["code"] in {"insurance.bad_contribution_years", "insurance.required"}
