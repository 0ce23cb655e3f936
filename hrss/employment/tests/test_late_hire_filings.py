"""用工备案 filed more than 30 days after the hire (就业服务与就业管理规定 第六十二条)."""

from datetime import date, datetime

import pytest

from hrss.employment.selectors import (
    HIRE_FILING_LIMIT_DAYS,
    hire_filing_days_late,
    hire_filing_deadline,
    late_hire_filings,
)
from hrss.employment.tests.helpers import filed_on, job, make_employer, make_person
from hrss.registry.models import Employment

pytestmark = pytest.mark.django_db


@pytest.fixture
def filings():
    wuchang, xiangyang = make_employer(), make_employer(region="420600", name="襄阳某厂")
    people = [make_person(date(1990 + n, 1, 1)) for n in range(4)]
    return {
        "day_30": filed_on(job(people[0], wuchang, "2026-03-01"), "2026-03-31"),
        "day_31": filed_on(job(people[1], wuchang, "2026-03-01"), "2026-04-01"),
        "day_100": filed_on(job(people[2], xiangyang, "2026-01-01"), "2026-04-11"),
        "same_day": filed_on(job(people[3], xiangyang, "2026-04-01"), "2026-04-01"),
    }


def test_the_limit_is_thirty_calendar_days_the_hiring_day_not_counted():
    assert HIRE_FILING_LIMIT_DAYS == 30
    assert hire_filing_deadline(date(2026, 3, 1)) == date(2026, 3, 31)


def test_only_filings_after_the_deadline_are_listed_newest_first(filings):
    late = list(late_hire_filings())

    assert late == [filings["day_100"], filings["day_31"]]
    assert [hire_filing_days_late(e) for e in late] == [70, 1]
    assert hire_filing_days_late(filings["day_30"]) == 0


def test_the_region_and_the_filing_window_narrow_the_list(filings):
    assert list(late_hire_filings(within_region="420106")) == [filings["day_31"]]
    assert list(late_hire_filings(within_region="420600")) == [filings["day_100"]]
    assert list(late_hire_filings(within_region="420000")) == [
        filings["day_100"],
        filings["day_31"],
    ]
    assert list(late_hire_filings(filed_since=date(2026, 4, 2))) == [filings["day_100"]]


def test_the_filing_day_is_the_day_in_shanghai(filings):
    # 00:30 on 2026-04-01 in Shanghai is still 2026-03-31 in UTC: late all the same
    row = filings["day_30"]
    Employment.objects.filter(pk=row.pk).update(
        filed_at=datetime.fromisoformat("2026-04-01T00:30:00+08:00")
    )
    assert row.pk in set(late_hire_filings().values_list("pk", flat=True))
