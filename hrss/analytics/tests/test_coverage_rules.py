"""F06–F08 on hand-made data: base limits to the fen, coverage gaps, cards."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hrss.analytics.tests.builders import AS_OF, Province, screen


def _limits_province() -> tuple[Province, int, int]:
    """Average wage 7 000 (limits 4 200.00 / 21 000.00); Wuhan publishes its own floor."""
    p = Province()
    p.param("contribution_base_floor", "420100", "2024-01-01", "4500")
    county = p.employer("COUNTY", region="420602")
    wuhan = p.employer("WUHAN", region="420106")
    return p, county, wuhan


def test_f06_a_base_at_a_limit_is_within_one_fen_outside_is_a_hit(tmp_path):
    p, county, _ = _limits_province()
    for key, base in [("at_floor", "4200.00"), ("at_ceiling", "21000.00"),
                      ("below", "4199.99"), ("above", "21000.01")]:  # fmt: skip
        p.person(key)
        p.contribution(key, "2025-03", base, employer=county)

    hits = screen(p, tmp_path, "F06")["F06"]

    assert set(hits) == {"idx-below", "idx-above"}
    assert "4199.99" in hits["idx-below"] and "4200.00–21000.00" in hits["idx-below"]


def test_f06_the_employers_region_row_wins_and_flexible_workers_use_their_district(tmp_path):
    p, county, wuhan = _limits_province()
    p.person("wuhan_low")
    p.contribution("wuhan_low", "2025-03", "4400.00", employer=wuhan)  # < Wuhan's 4 500
    p.person("county_same")
    p.contribution("county_same", "2025-03", "4400.00", employer=county)  # ≥ 4 200: fine
    p.person("flex_wuhan", district="420111")
    p.contribution("flex_wuhan", "2025-03", "4400.00")  # no employer: person's district
    p.person("medical_only")
    p.contribution("medical_only", "2025-03", "100.00", employer=county, insurance="medical")

    hits = screen(p, tmp_path, "F06")["F06"]

    assert set(hits) == {"idx-wuhan_low", "idx-flex_wuhan"}


def test_f06_limits_follow_the_period(tmp_path):
    p = Province()
    p.param("average_monthly_wage", "420000", "2025-01-01", "8000")  # later row wins
    county = p.employer("C", region="420602")
    p.person("old_year")
    p.contribution("old_year", "2024-12", "4200.00", employer=county)  # 2024: floor 4 200
    p.person("new_year")
    p.contribution("new_year", "2025-01", "4200.00", employer=county)  # 2025: floor 4 800

    hits = screen(p, tmp_path, "F06")["F06"]

    assert set(hits) == {"idx-new_year"}


def test_f06_ratio_rows_and_context_defaults(tmp_path):
    p = Province()
    p.rows["parameters"] = [r for r in p.rows["parameters"] if r["name"] != "base_floor_ratio"]
    county = p.employer("C", region="420602")
    p.person("x")
    p.contribution("x", "2025-03", "4500.00", employer=county)

    assert screen(p, tmp_path / "a", "F06")["F06"] == {}
    hits = screen(p, tmp_path / "b", "F06", floor_ratio=Decimal("0.65"))
    assert set(hits["F06"]) == {"idx-x"}  # 7 000 × 0.65 = 4 550


def test_f07_more_than_30_days_without_enrolment(tmp_path):
    p = Province()
    er = p.employer("E")
    p.person("day31")
    p.employment("day31", er, AS_OF - timedelta(days=31))
    p.person("day30")
    p.employment("day30", er, AS_OF - timedelta(days=30))
    p.person("ended_short")
    p.employment("ended_short", er, date(2025, 1, 1), date(2025, 1, 31))  # 30 days
    p.person("covered")
    p.employment("covered", er, date(2024, 1, 15))
    p.enrol("covered", "pension", "2024-01", employer=er)
    p.person("late_enrolment")
    p.employment("late_enrolment", er, date(2024, 1, 15))
    p.enrol("late_enrolment", "pension", "2024-05", employer=er)
    p.person("split_enrolment")  # two rows that together cover the job
    p.employment("split_enrolment", er, date(2024, 1, 15), date(2024, 12, 31))
    p.enrol("split_enrolment", "pension", "2024-01", "2024-06", employer=er)
    p.enrol("split_enrolment", "pension", "2024-07", "2024-12", employer=er)
    p.person("gap_in_middle")
    p.employment("gap_in_middle", er, date(2024, 1, 15), date(2024, 12, 31))
    p.enrol("gap_in_middle", "pension", "2024-01", "2024-05", employer=er)
    p.enrol("gap_in_middle", "pension", "2024-07", "2024-12", employer=er)
    p.person("medical_only")
    p.employment("medical_only", er, date(2024, 1, 15))
    p.enrol("medical_only", "medical", "2024-01", employer=er)

    hits = screen(p, tmp_path, "F07")["F07"]

    assert set(hits) == {"idx-day31", "idx-late_enrolment", "idx-gap_in_middle",
                         "idx-medical_only"}  # fmt: skip


def test_f07_enrolment_in_the_month_after_a_late_in_month_start_is_in_time(tmp_path):
    p = Province()
    er = p.employer("E")
    p.person("started_20th")  # deadline 2025-02-19: covered from February is in time
    p.employment("started_20th", er, date(2025, 1, 20))
    p.enrol("started_20th", "pension", "2025-02", employer=er)

    assert screen(p, tmp_path, "F07")["F07"] == {}


def test_f08_insured_without_an_active_card(tmp_path):
    p = Province()
    for key, statuses in [("active", ["lost", "active"]), ("only_lost", ["lost"]),
                          ("temporary_loss", ["temporary_loss"]), ("none", []),
                          ("being_made", ["in_production"])]:  # fmt: skip
        p.person(key)
        p.enrol(key, "pension", "2020-01")
        for status in statuses:
            p.card(key, status)
    p.person("ended")  # enrolment over before the as-of month: not insured now
    p.enrol("ended", "pension", "2020-01", "2025-05")
    p.person("dead")
    p.enrol("dead", "pension", "2020-01")
    p.event("dead", "death", date(2025, 6, 1))

    hits = screen(p, tmp_path, "F08")["F08"]

    assert set(hits) == {"idx-only_lost", "idx-temporary_loss", "idx-none"}
    assert "名下历史卡 1 张" in hits["idx-only_lost"]
