"""Service KPIs per item and district (for the supervisors' page and the insights area).

* 一次办好率 — completed applications never returned for correction, over all completed;
* online share — applications submitted online, over all submitted;
* handling time — working days from first submission to completion (mean, 90th percentile);
* on-time rate — completed on or before their due date, over all completed.

Counts over applications first submitted in ``[since, until]``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.db.models import Exists, OuterRef

from hrss.core import clock
from hrss.core.models import calendar_overrides
from hrss.core.workdays import Overrides, working_days_between
from hrss.service_hall.models import Application, ApplicationChannel, ApplicationEvent
from hrss.service_hall.workflow import Action, Status

ZERO = Decimal("0")


@dataclass
class ServiceKpi:
    item_code: str
    item_name: str
    district: str
    submitted: int = 0
    online: int = 0
    completed: int = 0
    completed_first_time: int = 0
    on_time: int = 0
    handling_days: list[int] = field(default_factory=list)

    @property
    def one_time_rate(self) -> Decimal | None:
        return ratio(self.completed_first_time, self.completed)

    @property
    def online_rate(self) -> Decimal | None:
        return ratio(self.online, self.submitted)

    @property
    def on_time_rate(self) -> Decimal | None:
        return ratio(self.on_time, self.completed)

    @property
    def mean_days(self) -> Decimal | None:
        if not self.handling_days:
            return None
        mean = Decimal(sum(self.handling_days)) / len(self.handling_days)
        return mean.quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def p90_days(self) -> int | None:
        """90th percentile by the nearest-rank method."""
        if not self.handling_days:
            return None
        ranked = sorted(self.handling_days)
        return ranked[math.ceil(0.9 * len(ranked)) - 1]


def ratio(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / whole).quantize(Decimal("0.0001"), ROUND_HALF_UP)


class _Row(NamedTuple):
    item_code: str
    item_name: str
    district: str
    channel: str
    status: str
    was_returned: bool
    submitted_at: datetime
    completed_at: datetime | None
    due_date: date | None


# The query columns behind each _Row field, in the same order.
ROW_COLUMNS = ("item__code", "item__name", *_Row._fields[2:])


def _rows(since: date, until: date, district_prefix: str) -> list[_Row]:
    returned = ApplicationEvent.objects.filter(application=OuterRef("pk"), action=Action.RETURN)
    qs = Application.objects.filter(
        submitted_at__date__gte=since, submitted_at__date__lte=until
    ).annotate(was_returned=Exists(returned))
    if district_prefix:
        qs = qs.filter(district__startswith=district_prefix)
    return [_Row(*values) for values in qs.values_list(*ROW_COLUMNS)]


def _add(kpi: ServiceKpi, row: _Row, overrides: Overrides) -> None:
    kpi.submitted += 1
    kpi.online += row.channel == ApplicationChannel.ONLINE
    if row.status != Status.COMPLETED or row.completed_at is None:
        return
    done = clock.localise(row.completed_at).date()
    kpi.completed += 1
    kpi.completed_first_time += not row.was_returned
    kpi.on_time += row.due_date is not None and done <= row.due_date
    start = clock.localise(row.submitted_at).date()
    kpi.handling_days.append(working_days_between(start, done, overrides))


def service_kpis(*, since: date, until: date, district_prefix: str = "") -> list[ServiceKpi]:
    """One :class:`ServiceKpi` per (item, district), ordered by item code then district."""
    overrides = calendar_overrides(start=since)
    table: dict[tuple[str, str], ServiceKpi] = defaultdict(lambda: ServiceKpi("", "", ""))
    for row in _rows(since, until, district_prefix):
        kpi = table[(row.item_code, row.district)]
        if not kpi.item_code:
            kpi.item_code, kpi.item_name, kpi.district = row.item_code, row.item_name, row.district
        _add(kpi, row, overrides)
    return [table[k] for k in sorted(table)]
