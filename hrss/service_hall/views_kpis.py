"""服务指标: per item and district — 一次办好率, online share, handling time (mean, p90),
on-time rate — as a table and as a CSV download, for staff of the district."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hrss.iam.models import district_prefix
from hrss.service_hall import selectors
from hrss.service_hall.pages_common import (
    account_of,
    district_choices,
    district_names,
    file_response,
    workbench_page,
)
from hrss.service_hall.pages_forms import KpiForm
from hrss.service_hall.selectors import ServiceKpi


def percent(value: Decimal | None) -> str:
    """0.8571 → '85.7%'; no data → '—'."""
    return "—" if value is None else f"{value * 100:.1f}%"


def _row(kpi: ServiceKpi, names: dict[str, str]) -> dict[str, Any]:
    return {
        "kpi": kpi,
        "district_name": names.get(kpi.district, kpi.district),
        "one_time": percent(kpi.one_time_rate),
        "one_time_width": int((kpi.one_time_rate or 0) * 100),
        "online": percent(kpi.online_rate),
        "on_time": percent(kpi.on_time_rate),
        "mean": "—" if kpi.mean_days is None else str(kpi.mean_days),
        "p90": "—" if kpi.p90_days is None else str(kpi.p90_days),
    }


CSV_COLUMNS = (
    "事项编码",
    "事项名称",
    "办理地代码",
    "办理地",
    "提交件数",
    "网上申请占比",
    "办结件数",
    "一次办好率",
    "按时办结率",
    "平均办理时长(工作日)",
    "90%分位办理时长(工作日)",
)


def _csv(rows: list[dict[str, Any]], since: str, until: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        k: ServiceKpi = r["kpi"]
        writer.writerow(
            [k.item_code, k.item_name, k.district, r["district_name"], k.submitted, r["online"]]
            + [k.completed, r["one_time"], r["on_time"], r["mean"], r["p90"]]
        )
    data = buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet programs read Chinese
    name = f"服务指标-{since}-{until}.csv"
    return file_response(data, content_type="text/csv; charset=utf-8", filename=name)


@workbench_page
@require_GET
def kpis(request: HttpRequest) -> HttpResponse:
    """The table (or ``?format=csv``) for a period and a district within mine."""
    account = account_of(request)
    form = KpiForm(request.GET or None, districts=district_choices(account))
    if request.GET and not form.is_valid():
        return render(request, "service_hall/workbench/kpis.html", {"form": form}, status=400)
    data = form.cleaned_data if form.is_bound else KpiForm.defaults()
    prefix = district_prefix(data.get("district") or account.district)
    found = selectors.service_kpis(since=data["since"], until=data["until"], district_prefix=prefix)
    names = district_names(k.district for k in found)
    rows = [_row(k, names) for k in found]
    if request.GET.get("format") == "csv":
        return _csv(rows, f"{data['since']:%Y%m%d}", f"{data['until']:%Y%m%d}")
    context = {"form": form, "rows": rows, "since": data["since"], "until": data["until"]}
    context["csv_query"] = _csv_query(request)
    return render(request, "service_hall/workbench/kpis.html", context)


def _csv_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["format"] = "csv"
    return query.urlencode()
