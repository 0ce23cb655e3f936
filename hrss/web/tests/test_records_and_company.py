"""Pages that span areas: my insurance record (chart + table), the employer's overview and
its employees (masked). Data from the demo seed, written through the services."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from hrss.iam.models import Account
from hrss.web.charts import bar_chart
from hrss.web.demo import PEOPLE, seed_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    seed_demo()


def as_user(username: str) -> Client:
    client = Client()
    client.force_login(Account.objects.get(username=username))
    return client


def test_records_chart_is_accessible_svg_with_the_same_numbers_as_a_table(demo):
    page = as_user("zhangwei").get("/me/records/").content.decode()
    assert "个人权益记录" in page and "累计缴费 22 个月" in page
    svg = re.search(r"<svg[^>]*>", page).group(0)
    assert 'role="img"' in svg and "aria-labelledby" in svg
    assert "2024年 12 个月" in page and "2025年 10 个月" in page  # the <desc>
    assert '<td>2024</td><td class="num">12</td>' in page
    assert "武汉江城软件有限公司" in page
    assert "张*" in page and PEOPLE[0].id_number not in page
    # Works without JavaScript: only the site's own deferred, progressive scripts are loaded.
    scripts = re.findall(r"<script[^>]*>", page)
    assert all('src="/static/' in tag and "defer" in tag for tag in scripts)


def test_records_are_for_citizens_only(demo):
    assert as_user("hr").get("/me/records/").status_code == 403


def test_company_overview_and_masked_employees(demo):
    hr = as_user("hr")
    page = hr.get("/me/company/").content.decode()
    assert "武汉江城软件有限公司" in page and "91420106MA4K00010G" in page and "2 人" in page
    page = hr.get("/me/company/employees/").content.decode()
    assert "张*" in page and "王*" in page and "张伟" not in page
    assert PEOPLE[0].id_number not in page and PEOPLE[0].id_number[:6] + "********" in page


def test_citizens_do_not_see_the_company_pages(demo):
    assert as_user("zhangwei").get("/me/company/").status_code == 403


def test_home_offers_the_way_in_by_role(demo):
    assert "/me/" in as_user("zhangwei").get("/").content.decode()
    assert "单位办事首页" in as_user("hr").get("/me/").content.decode()


def test_bar_chart_geometry():
    chart = bar_chart([("2024", 12), ("2025", 6)], max_value=12)
    full, half = chart.bars
    assert full.height == pytest.approx(2 * half.height)
    assert full.y + full.height == pytest.approx(chart.baseline)
    assert full.x < half.x
    assert bar_chart([], max_value=12).bars == []
