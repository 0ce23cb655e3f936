"""M01–M06 on hand-made claims."""

from __future__ import annotations

from datetime import date, timedelta

from hrss.analytics.tests.builders import Province, screen

D = date(2025, 3, 10)


def test_m01_readmission_on_day_7_is_a_hit_day_8_is_not(tmp_path):
    p = Province()
    p.person("a")
    p.claim("A1", "a", D, discharge=D + timedelta(days=5), diagnosis="I63.9")
    p.claim("A2", "a", D + timedelta(days=12), discharge=D + timedelta(days=20),
            diagnosis="I63.9")  # 7 days after discharge  # fmt: skip
    p.person("b")
    p.claim("B1", "b", D, discharge=D + timedelta(days=5), diagnosis="I63.9")
    p.claim("B2", "b", D + timedelta(days=13), discharge=D + timedelta(days=20),
            diagnosis="I63.9")  # 8 days  # fmt: skip
    p.person("c")  # other diagnosis
    p.claim("C1", "c", D, discharge=D + timedelta(days=5), diagnosis="I63.9")
    p.claim("C2", "c", D + timedelta(days=6), discharge=D + timedelta(days=9), diagnosis="J18.9")
    p.person("d")  # an outpatient visit is no readmission
    p.claim("D1", "d", D, discharge=D + timedelta(days=5), diagnosis="I63.9")
    p.claim("D2", "d", D + timedelta(days=6), diagnosis="I63.9")

    hits = screen(p, tmp_path, "M01")["M01"]

    assert set(hits) == {"A2"}
    assert hits["A2"] == "同一诊断 I63.9 于 2025-03-15 出院后 7 天再次入院"


def test_m02_two_prefectures_on_one_day(tmp_path):
    p = Province()
    p.person("far")
    p.claim("F1", "far", D, region="421000")
    p.claim("F2", "far", D, region="420100")
    p.person("near")  # two districts of Wuhan
    p.claim("N1", "near", D, region="420106")
    p.claim("N2", "near", D, region="420111")
    p.person("direct")  # 仙桃 and 潜江 are prefecture-level units of their own
    p.claim("X1", "direct", D, region="429004")
    p.claim("X2", "direct", D, region="429005")
    p.claim("X3", "direct", D + timedelta(days=1), region="420106")
    p.person("days_apart")
    p.claim("Y1", "days_apart", D, region="421000")
    p.claim("Y2", "days_apart", D + timedelta(days=1), region="420100")

    hits = screen(p, tmp_path, "M02")["M02"]

    assert set(hits) == {"F1", "F2", "X1", "X2"}


def test_m03_outpatient_supply_30_days_is_fine_31_is_a_hit(tmp_path):
    p = Province()
    p.person("a")
    ok = p.claim("OK", "a", D)
    p.item(ok, days=30)
    over = p.claim("OVER", "a", D + timedelta(days=1))
    p.item(over, days=31)
    p.item(over, days=7)
    stay = p.claim("STAY", "a", D + timedelta(days=40), discharge=D + timedelta(days=80))
    p.item(stay, days=40)  # inpatient: not this rule

    hits = screen(p, tmp_path, "M03")["M03"]

    assert set(hits) == {"OVER"}
    assert hits["OVER"].startswith("门诊带药 31 天")


def test_m04_each_restriction_kind(tmp_path):
    p = Province()
    p.person("woman", gender=2, born=date(1980, 1, 1))
    p.person("man", gender=1, born=date(1980, 1, 1))
    p.person("turns18", born=date(2007, 3, 10))
    p.person("aged17", born=date(2007, 3, 11))
    p.person("worker", born=date(1980, 1, 1))
    p.enrol("worker", "work_injury", "2024-01")
    cases = [
        ("W_MALE", "woman", "male_only", "J06.9"),
        ("M_MALE", "man", "male_only", "J06.9"),
        ("M_FEMALE", "man", "female_only", "J06.9"),
        ("W_FEMALE", "woman", "female_only", "J06.9"),
        ("ADULT_CHILD", "turns18", "child_only", "J06.9"),
        ("CHILD", "aged17", "child_only", "J06.9"),
        ("NO_WI", "woman", "work_injury_only", "S62.0"),
        ("WI", "worker", "work_injury_only", "S62.0"),
        ("DELIVERY", "woman", "maternity_only", "O80"),
        ("NOT_PREGNANT", "woman", "maternity_only", "J06.9"),
        ("MAN_MATERNITY", "man", "maternity_only", "O80"),
        ("PLAIN", "man", "", "J06.9"),
    ]
    for claim_id, who, restriction, diagnosis in cases:
        claim = p.claim(claim_id, who, D, diagnosis=diagnosis)
        p.item(claim, restriction=restriction, code=f"I-{claim_id}")

    hits = screen(p, tmp_path, "M04")["M04"]

    assert set(hits) == {"W_MALE", "M_FEMALE", "ADULT_CHILD", "NO_WI", "NOT_PREGNANT",
                         "MAN_MATERNITY"}  # fmt: skip


def test_m05_admission_after_the_day_of_death(tmp_path):
    p = Province()
    p.person("a")
    p.event("a", "death", D)
    p.claim("SAME_DAY", "a", D)
    p.claim("NEXT_DAY", "a", D + timedelta(days=1))
    p.claim("BEFORE", "a", D - timedelta(days=3))

    assert set(screen(p, tmp_path, "M05")["M05"]) == {"NEXT_DAY"}


def test_m06_every_claim_after_the_first_with_the_code(tmp_path):
    p = Province()
    p.person("a")
    first = p.claim("C-B", "a", D)  # first by settled_on, although its id sorts later
    p.item(first, trace="T1")
    p.item(first, trace="T1")  # twice in one claim is not two claims
    same_day = p.claim("C-C", "a", D)  # same day: claim_id decides
    p.item(same_day, trace="T1")
    later = p.claim("C-A", "a", D + timedelta(days=30))
    p.item(later, trace="T1")
    alone = p.claim("C-D", "a", D + timedelta(days=31))
    p.item(alone, trace="T2")
    p.item(alone, trace="")
    other = p.claim("C-E", "a", D + timedelta(days=32))
    p.item(other, trace="")

    hits = screen(p, tmp_path, "M06")["M06"]

    assert set(hits) == {"C-C", "C-A"}
    assert hits["C-A"] == "药品追溯码 T1 已在结算单 C-B 中使用"
