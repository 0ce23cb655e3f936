"""养老金测算 as a page: no login, a GET form, every step of the formula in a table, and
each bad value named next to its field (the API's rules and words)."""

from __future__ import annotations

import re

import pytest

from hrss.insurance.tests.helpers import set_param

pytestmark = pytest.mark.django_db

URL = "/services/pension-calculator/"
GOOD = {
    "birth_month": "1965-12",
    "category": "male",
    "contribution_years": "30",
    "average_index": "1.2",
    "account_balance": "150000",
    "pre_reform_years": "5",
}


def step_values(page: str) -> dict[str, str]:
    found = re.findall(
        r'<tr id="step-(\w+)"><th scope="row">[^<]*</th><td>[^<]*</td><td class="num">([^<]*)</td>',
        page,
    )
    return dict(found)


def test_the_empty_form_is_public_and_labelled(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>养老金测算</h1>" in page
    for label in ("出生年月", "人员类别", "缴费年限", "本人平均缴费指数", "个人账户储存额"):
        assert label in page
    assert 'method="get"' in page and "测算结果" not in page
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<script" not in main and "hx-" not in main  # a plain form, no JavaScript needed


def test_the_catalog_links_to_it(client):
    assert URL in client.get("/services/").content.decode()


def test_every_step_is_shown_with_the_api_numbers(client):
    # the same hand-checked case as test_public_api: C 7500, 60y3m → 计发月数 139
    set_param("average_monthly_wage", "7500", valid_from="2026-01-01")
    response = client.get(URL, GOOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert step_values(page) == {
        "average_wage": "7500.00",
        "average_index": "1.2",
        "contribution_years": "30年",
        "basic": "2475.00",
        "payment_months": "139",
        "account": "1079.14",
        "transitional": "540.00",
        "total": "4094.14",
    }
    assert "月基本养老金约 <strong>4094.14</strong> 元" in page
    assert "2026-03(60岁3个月)" in page and "15年" in page
    assert "7500.00×(1+1.2)÷2×30×1%" in page
    assert "测算结果仅供参考" in page
    assert 'value="1965-12"' in page  # the form keeps what was typed


def test_bad_values_are_named_next_to_their_fields(client):
    response = client.get(URL, {**GOOD, "average_index": "3.5", "account_balance": "1.234"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "平均缴费指数应为0至3之间的数字,最多4位小数" in page
    assert "最多保留两位小数" in page
    assert re.search(r'name="average_index"[^>]*aria-invalid="true"', page)
    assert re.search(r'name="account_balance"[^>]*aria-invalid="true"', page)
    assert "测算结果" not in page


def test_missing_values_are_asked_for(client):
    page = client.get(URL, {"birth_month": "", "category": ""}).content.decode()
    for message in ("请填写出生年月", "请填写人员类别", "请填写缴费年限"):
        assert message in page


def test_a_missing_parameter_is_said_not_crashed(client):
    response = client.get(URL, {**GOOD, "birth_month": "1980-01"})  # no wage for 2042 loaded
    assert response.status_code == 400
    page = response.content.decode()
    assert "暂时无法测算" in page and "测算结果" not in page
