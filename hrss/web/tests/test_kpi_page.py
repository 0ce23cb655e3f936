"""服务指标 page: table, CSV, date checks, roles."""

from __future__ import annotations

import pytest

from hrss.service_hall import services
from hrss.web.tests.conftest import submitted_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(zhang, clerk_wuchang, card_item):
    app = submitted_for(zhang)
    for service in (
        services.application_accept,
        services.application_start_review,
        services.application_approve,
        services.application_complete,
    ):
        app = service(actor=clerk_wuchang, application_id=app.pk, version=app.version)
    return app


def test_table_with_every_indicator(clerk_client, completed):
    page = clerk_client.get("/workbench/kpis/").content.decode()
    for text in (
        "一次办好率",
        "网上占比",
        "平均时长",
        "90%分位",
        "按时办结率",
        "社会保障卡申领",
        "武昌区",
    ):
        assert text in page
    assert "100.0%" in page
    assert "format=csv" in page


def test_csv_download(clerk_client, completed):
    response = clerk_client.get("/workbench/kpis/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("事项编码,事项名称,办理地代码")
    assert row.startswith("GG00301001,社会保障卡申领,420106,武昌区,1,100.0%,1,100.0%")


def test_bad_dates_are_shown_next_to_the_field(clerk_client, db):
    response = clerk_client.get("/workbench/kpis/", {"since": "2026-05-01", "until": "2026-01-01"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "结束日期不能早于开始日期" in page and 'aria-invalid="true"' in page


def test_district_outside_mine_is_refused(clerk_client, db):
    response = clerk_client.get("/workbench/kpis/", {"district": "420600"})
    assert response.status_code == 400


def test_another_district_sees_none_of_it(xiangyang_client, completed):
    page = xiangyang_client.get("/workbench/kpis/").content.decode()
    assert "统计期间内没有申请" in page


def test_citizens_may_not(zhang_client, db):
    assert zhang_client.get("/workbench/kpis/").status_code == 403
