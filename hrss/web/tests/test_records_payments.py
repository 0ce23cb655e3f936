"""个人权益记录 shows the benefits paid (待遇发放): the latest month first, only the
signed-in person's, at most the last 24."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from conftest import SYSTEM
from hrss.insurance import services
from hrss.insurance.months import add_months
from hrss.insurance.selectors import benefit_payment_list

pytestmark = pytest.mark.django_db


def pay(person, benefit: str, period: str, amount: str, paid_on: str):
    return services.benefit_payment_record(
        actor=SYSTEM,
        person=person,
        benefit=benefit,
        period=period,
        amount=amount,
        region="420106",
        paid_on=paid_on,
    )


def records_page(account) -> str:
    client = Client()
    client.force_login(account)
    response = client.get("/me/records/")
    assert response.status_code == 200
    return response.content.decode()


def rows(page: str) -> list[list[str]]:
    section = page.split('id="payments-title"', 1)[1].split("</section>", 1)[0]
    section = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
        for tr in re.findall(r"<tr>(.*?)</tr>", section, flags=re.S)
    ]


def test_payments_are_listed_latest_first(zhang, person_zhang, li, person_li):
    pay(person_zhang, "unemployment", "2026-04", "1989.00", "2026-04-30")
    pay(person_zhang, "unemployment", "2026-05", "1989.00", "2026-06-01")
    pay(person_li, "unemployment", "2026-05", "2100.00", "2026-06-01")

    assert [p.period for p in benefit_payment_list(person=person_zhang)] == [
        date(2026, 5, 1),
        date(2026, 4, 1),
    ]
    page = records_page(zhang)
    assert "待遇发放" in page
    assert rows(page) == [
        ["失业保险金", "2026-05", "1989.00", "2026-06-01"],
        ["失业保险金", "2026-04", "1989.00", "2026-04-30"],
    ]
    assert "2100.00" not in page  # 李娜's payment is hers alone


def test_no_payment_yet_says_so(zhang):
    assert "暂无待遇发放记录" in records_page(zhang)


def test_only_the_latest_24_are_shown(zhang, person_zhang):
    first = date(2024, 1, 1)
    for n in range(26):
        month = add_months(first, n)
        pay(person_zhang, "unemployment", f"{month:%Y-%m}", "1000.00", f"{month:%Y-%m}-28")
    shown = rows(records_page(zhang))
    assert len(shown) == 24
    assert (shown[0][1], shown[-1][1]) == ("2026-02", "2024-03")
