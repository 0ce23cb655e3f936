"""F01–F05 on hand-made data, boundary by boundary."""

from __future__ import annotations

from datetime import date

from hrss.analytics.tests.builders import Province, screen


def test_f01_month_of_death_may_be_paid_the_next_month_is_a_hit(tmp_path):
    p = Province()
    p.person("died_1st")
    p.event("died_1st", "death", date(2025, 3, 1))
    p.payment("died_1st", "pension_employee", "2025-03")  # the month of death: fine
    p.person("paid_after")
    p.event("paid_after", "death", date(2025, 3, 1))
    p.payment("paid_after", "pension_employee", "2025-03")
    p.payment("paid_after", "unemployment", "2025-04")  # any benefit, the month after
    p.person("alive")
    p.payment("alive", "pension_employee", "2025-04")

    hits = screen(p, tmp_path, "F01")["F01"]

    assert set(hits) == {"idx-paid_after"}
    assert hits["idx-paid_after"] == "死亡 2025-03-01 后发放 2025-04 至 2025-04 共 1 个月"


def test_f01_the_earliest_reported_death_counts(tmp_path):
    p = Province()
    p.person("a")
    p.event("a", "death", date(2025, 5, 20))
    p.event("a", "death", date(2025, 4, 30))  # another agency, earlier
    p.payment("a", "pension_employee", "2025-05")

    assert set(screen(p, tmp_path, "F01")["F01"]) == {"idx-a"}


def test_f02_only_months_strictly_inside_the_term(tmp_path):
    p = Province()
    p.person("in_jail")
    p.event("in_jail", "imprisonment", date(2025, 1, 31))
    p.payment("in_jail", "pension_employee", "2025-01")  # month of imprisonment: fine
    p.payment("in_jail", "pension_employee", "2025-02")  # inside: hit
    p.person("released")
    p.event("released", "imprisonment", date(2025, 1, 10))
    p.event("released", "release", date(2025, 3, 5))
    p.payment("released", "pension_employee", "2025-03")  # month of release: fine
    p.payment("released", "pension_employee", "2025-04")
    p.person("ui_only")
    p.event("ui_only", "imprisonment", date(2025, 1, 10))
    p.payment("ui_only", "unemployment", "2025-03")  # not a pension: not F02

    hits = screen(p, tmp_path, "F02")["F02"]

    assert set(hits) == {"idx-in_jail"}
    assert "2025-02 至 2025-02 共 1 个月" in hits["idx-in_jail"]


def test_f02_second_term_after_a_release(tmp_path):
    p = Province()
    p.person("twice")
    p.event("twice", "imprisonment", date(2024, 1, 10))
    p.event("twice", "release", date(2024, 6, 1))
    p.event("twice", "imprisonment", date(2025, 1, 10))
    p.payment("twice", "pension_employee", "2024-08")  # between the terms: fine
    p.payment("twice", "pension_employee", "2025-03")  # second term, no release yet

    hits = screen(p, tmp_path, "F02")["F02"]

    assert "2025-03 至 2025-03 共 1 个月" in hits["idx-twice"]


def test_f03_two_schemes_or_two_regions_in_one_month(tmp_path):
    p = Province()
    p.person("two_regions")
    p.payment("two_regions", "pension_employee", "2025-03", region="420106")
    p.payment("two_regions", "pension_employee", "2025-03", region="421000")
    p.person("two_schemes")
    p.payment("two_schemes", "pension_employee", "2025-03")
    p.payment("two_schemes", "pension_resident", "2025-03")
    p.person("pension_and_ui")
    p.payment("pension_and_ui", "pension_employee", "2025-03")
    p.payment("pension_and_ui", "unemployment", "2025-03")
    p.person("consecutive")
    p.payment("consecutive", "pension_employee", "2025-03", region="420106")
    p.payment("consecutive", "pension_employee", "2025-04", region="421000")

    hits = screen(p, tmp_path, "F03")["F03"]

    assert set(hits) == {"idx-two_regions", "idx-two_schemes"}


def test_f04_contribution_or_any_day_of_employment_in_the_month(tmp_path):
    p = Province()
    er = p.employer("U1")
    p.person("contributed")
    p.payment("contributed", "unemployment", "2025-03")
    p.contribution("contributed", "2025-03", "5000", employer=er)
    p.person("flexible")  # a flexible worker's own contribution is no employer's
    p.payment("flexible", "unemployment", "2025-03")
    p.contribution("flexible", "2025-03", "5000")
    p.person("hired_last_day")
    p.payment("hired_last_day", "unemployment", "2025-03")
    p.employment("hired_last_day", er, date(2025, 3, 31))
    p.person("hired_next_month")
    p.payment("hired_next_month", "unemployment", "2025-03")
    p.employment("hired_next_month", er, date(2025, 4, 1))
    p.person("left_before")
    p.employment("left_before", er, date(2020, 1, 1), date(2025, 2, 28))
    p.payment("left_before", "unemployment", "2025-03")

    hits = screen(p, tmp_path, "F04")["F04"]

    assert set(hits) == {"idx-contributed", "idx-hired_last_day"}


def test_f05_earliest_statutory_age_boundary(tmp_path):
    p = Province()
    # A man born 1965-06-15: 60 + 2 months delay → reaches the age in 2025-08.
    p.person("man", gender=1, born=date(1965, 6, 15))
    p.payment("man", "pension_employee", "2025-07")  # before that month: hit
    p.person("man_on_time", gender=1, born=date(1965, 6, 15))
    p.payment("man_on_time", "pension_employee", "2025-08")  # the month itself: fine
    # A woman born 1976-03: worker rule 50 + 8 months → 2026-11 (cadre rule: 2032-…).
    p.person("woman", gender=2, born=date(1976, 3, 1))
    p.payment("woman", "pension_employee", "2026-11")  # fine under the worker rule
    p.person("young_woman", gender=2, born=date(1980, 1, 1))
    p.payment("young_woman", "pension_employee", "2025-06")
    # 城乡居民养老 from 60 for both sexes, whatever the employee retirement rule.
    p.person("resident", gender=2, born=date(1965, 5, 1))
    p.payment("resident", "pension_resident", "2025-05")
    p.person("resident_early", gender=2, born=date(1965, 6, 1))
    p.payment("resident_early", "pension_resident", "2025-05")

    hits = screen(p, tmp_path, "F05")["F05"]

    assert set(hits) == {"idx-man", "idx-young_woman", "idx-resident_early"}
    assert "应于 2025-08 起领取" in hits["idx-man"]
