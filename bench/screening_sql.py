"""The screening rules hand-written in DuckDB SQL (the baseline) and two in pandas.

Same snapshot (the manifest's part files), same readings as the Ibis rules of
:mod:`hrss.analytics.rules` (interchange.md; hrss/analytics/README.md), one query per
rule producing ``rule, subject, detail`` (one row per subject), each timed alone.
Run as a separate process so that its peak memory is its own:

    python -m bench.screening_sql SNAPSHOT_DIR --as-of 2026-10-31 [--pandas] [--hits OUT.json]

Prints one JSON object: per rule, the hits and seconds (and the subjects' digest, to
compare with ``hrss screen``'s hits).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

import duckdb

MACROS = """
CREATE MACRO mi(d) AS year(d) * 12 + month(d) - 1;
CREATE MACRO mtext(m) AS CAST(m // 12 AS VARCHAR) || '-'
  || lpad(CAST(m % 12 + 1 AS VARCHAR), 2, '0');
CREATE MACRO span(a, b, n) AS mtext(a) || ' 至 ' || mtext(b) || ' 共 ' || CAST(n AS VARCHAR)
  || ' 个月';
CREATE MACRO delay(idx, step, cap) AS CASE WHEN idx < 0 THEN 0 ELSE least(idx // step + 1, cap) END;
CREATE MACRO retire_mi(birth, sex) AS CASE WHEN sex = 1
  THEN mi(birth) + 720 + delay(mi(birth) + 720 - 24300, 4, 36)
  ELSE mi(birth) + 600 + delay(mi(birth) + 600 - 24300, 2, 60) END;
CREATE MACRO pref(r) AS CASE WHEN substr(r, 3, 2) = '90' THEN r ELSE substr(r, 1, 4) || '00' END;
CREATE VIEW deaths AS SELECT person_id, min(event_date) death_date FROM life_events
  WHERE event = 'death' GROUP BY 1;
CREATE VIEW pensions AS SELECT *, mi(period) m FROM benefit_payments
  WHERE benefit IN ('pension_employee', 'pension_resident', 'pension_public');
"""
PER_PERSON = """SELECT '{code}' rule, p.id_number_index subject, f.detail FROM (
  SELECT person_id, min(why) || span(min(m), max(m), count(DISTINCT m)) detail FROM ({found})
  GROUP BY person_id) f JOIN persons p ON p.id = f.person_id"""

FOUND = {
    "F01": """SELECT b.person_id, mi(b.period) m, '死亡 ' || strftime(d.death_date, '%Y-%m-%d')
        || ' 后发放 ' why FROM benefit_payments b JOIN deaths d USING (person_id)
        WHERE mi(b.period) > mi(d.death_date)""",
    "F02": """WITH t AS (SELECT j.person_id, j.id term, j.event_date jailed,
          min(r.event_date) released
          FROM life_events j LEFT JOIN life_events r ON r.person_id = j.person_id
          AND r.event = 'release' AND r.event_date >= j.event_date
          WHERE j.event = 'imprisonment' GROUP BY 1, 2, 3)
        SELECT p.person_id, p.m, '服刑 ' || strftime(t.jailed, '%Y-%m-%d')
          || ' 起,期间发放养老金 ' why
        FROM pensions p JOIN t USING (person_id)
        WHERE p.m > mi(t.jailed) AND (t.released IS NULL OR p.m < mi(t.released))""",
    "F03": """SELECT person_id, m, min(benefit) || '@' || min(region) || ' 与 ' || max(benefit)
        || '@' || max(region) || ' ' why FROM pensions GROUP BY person_id, m HAVING count(*) > 1""",
    "F04": """WITH ui AS (SELECT person_id, mi(period) m FROM benefit_payments
          WHERE benefit = 'unemployment')
        SELECT DISTINCT * FROM (
          SELECT ui.person_id, ui.m, '单位缴费期间领取失业保险金 ' why FROM ui
          JOIN contributions c ON c.person_id = ui.person_id AND mi(c.period) = ui.m
          WHERE c.employer_id IS NOT NULL
          UNION ALL
          SELECT ui.person_id, ui.m, '用工备案期间领取失业保险金 ' FROM ui
          JOIN employment e ON e.person_id = ui.person_id AND mi(e.start_date) <= ui.m
          AND (e.end_date IS NULL OR mi(e.end_date) >= ui.m))""",
    "F05": """SELECT person_id, m, '出生 ' || strftime(birth_date, '%Y-%m-%d') || ' 性别 '
        || CAST(gender AS VARCHAR) || ',应于 ' || mtext(due) || ' 起领取;提前发放 ' why
        FROM (SELECT p.person_id, p.m, s.birth_date, s.gender, CASE WHEN p.benefit =
          'pension_resident' THEN mi(s.birth_date) + 720 ELSE retire_mi(s.birth_date, s.gender)
          END due FROM pensions p JOIN persons s ON s.id = p.person_id) WHERE m < due""",
}

OTHER = {
    "F06": """WITH rows AS (SELECT c.person_id, c.period, c.base,
          coalesce(e.region, p.district) region
          FROM contributions c LEFT JOIN employers e ON e.id = c.employer_id
          JOIN persons p ON p.id = c.person_id
          WHERE c.insurance IN ('pension', 'unemployment', 'work_injury') AND c.base IS NOT NULL),
        keys AS (SELECT DISTINCT period, region FROM rows),
        cand AS (SELECT k.period, k.region, pr.name, pr.valid_from, pr.value,
          CASE WHEN pr.region = k.region THEN 0 WHEN pr.region = substr(k.region, 1, 4) || '00'
          THEN 1 WHEN pr.region = substr(k.region, 1, 2) || '0000' THEN 2 ELSE 3 END rnk
          FROM keys k JOIN parameters pr ON pr.key = '' AND pr.name IN ('contribution_base_floor',
          'contribution_base_ceiling', 'average_monthly_wage', 'base_floor_ratio',
          'base_ceiling_ratio')
          AND pr.region IN (k.region, substr(k.region, 1, 4) || '00',
          substr(k.region, 1, 2) || '0000', '420000')
          AND pr.valid_from <= k.period AND (pr.valid_to IS NULL OR pr.valid_to > k.period)
          QUALIFY row_number() OVER (PARTITION BY k.period, k.region, pr.name
          ORDER BY rnk, pr.valid_from DESC) = 1),
        v AS (SELECT period, region,
          max(value) FILTER (WHERE name = 'contribution_base_floor') fl,
          max(value) FILTER (WHERE name = 'contribution_base_ceiling') ce,
          max(value) FILTER (WHERE name = 'average_monthly_wage') wage,
          coalesce(max(value) FILTER (WHERE name = 'base_floor_ratio'), 0.6) lo,
          coalesce(max(value) FILTER (WHERE name = 'base_ceiling_ratio'), 3) hi
          FROM cand GROUP BY 1, 2),
        lim AS (SELECT period, region, CAST(coalesce(fl, round(wage * lo, 2)) AS DECIMAL(16,2)) fl,
          CAST(coalesce(ce, round(wage * hi, 2)) AS DECIMAL(16,2)) ce FROM v),
        bad AS (SELECT r.*, l.fl, l.ce FROM rows r JOIN lim l USING (period, region)
          WHERE r.base < l.fl OR r.base > l.ce)
        SELECT 'F06' rule, p.id_number_index subject, '缴费基数 ' || CAST(min(base) AS VARCHAR)
          || '–' || CAST(max(base) AS VARCHAR) || ' 超出上下限 ' || CAST(min(fl) AS VARCHAR) || '–'
          || CAST(max(ce) AS VARCHAR) || ',' || span(min(mi(period)), max(mi(period)),
          count(DISTINCT period)) detail
        FROM bad JOIN persons p ON p.id = bad.person_id GROUP BY p.id_number_index""",
    "F07": """WITH jobs AS (SELECT person_id, start_date, employer_id,
          mi(start_date + INTERVAL ({grace} + 1) DAY) a, mi(coalesce(end_date, DATE '{as_of}')) b
          FROM employment WHERE start_date <= DATE '{as_of}'
          AND date_diff('day', start_date, coalesce(end_date, DATE '{as_of}')) > {grace}),
        en AS (SELECT person_id, mi(start_month) lo, coalesce(mi(end_month), {as_of_mi}) hi
          FROM enrolments WHERE insurance = 'pension'),
        r AS (SELECT *, max(hi) OVER (PARTITION BY person_id ORDER BY lo, hi
          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) reach FROM en),
        n AS (SELECT *, sum(CASE WHEN reach IS NULL OR lo > reach + 1 THEN 1 ELSE 0 END)
          OVER (PARTITION BY person_id ORDER BY lo, hi ROWS UNBOUNDED PRECEDING) island FROM r),
        cover AS (SELECT person_id, min(lo) lo, max(hi) hi FROM n GROUP BY person_id, island),
        gaps AS (SELECT j.* FROM jobs j ANTI JOIN cover c ON c.person_id = j.person_id
          AND c.lo <= j.a AND c.hi >= j.b)
        SELECT 'F07' rule, p.id_number_index subject,
          '自 ' || strftime(min(g.start_date), '%Y-%m-%d')
          || ' 起受雇于 ' || min(e.uscc) || ' 等 ' || CAST(count(*) AS VARCHAR)
          || ' 处,超过30日未参加养老保险' detail
        FROM gaps g JOIN employers e ON e.id = g.employer_id JOIN persons p ON p.id = g.person_id
        GROUP BY p.id_number_index""",
    "F08": """WITH insured AS (SELECT person_id, count(DISTINCT insurance) kinds FROM enrolments
          WHERE mi(start_month) <= {as_of_mi} AND (end_month IS NULL OR mi(end_month) >= {as_of_mi})
          GROUP BY 1),
        owned AS (SELECT person_id, count(*) owned FROM cards GROUP BY 1)
        SELECT 'F08' rule, p.id_number_index subject, '参保险种 ' || CAST(i.kinds AS VARCHAR)
          || ' 项,无在用社保卡(名下历史卡 ' || CAST(coalesce(o.owned, 0) AS VARCHAR)
          || ' 张)' detail
        FROM insured i JOIN persons p ON p.id = i.person_id LEFT JOIN owned o USING (person_id)
        WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.person_id = i.person_id
          AND c.status IN ('active', 'applied', 'in_production', 'issued'))
        AND NOT EXISTS (SELECT 1 FROM deaths d WHERE d.person_id = i.person_id
          AND d.death_date <= DATE '{as_of}')""",
    "M01": """WITH s AS (SELECT * FROM claims WHERE visit_type = 'inpatient'
          AND discharge_date IS NOT NULL),
        j AS (SELECT s.claim_id, s.diagnosis, p.discharge_date out,
          date_diff('day', p.discharge_date, s.admission_date) gap FROM s JOIN s p
          ON p.person_id = s.person_id AND p.diagnosis = s.diagnosis AND p.id <> s.id
          AND s.admission_date >= p.discharge_date)
        SELECT 'M01' rule, claim_id subject, '同一诊断 ' || diagnosis || ' 于 '
          || strftime(max(out), '%Y-%m-%d') || ' 出院后 ' || CAST(min(gap) AS VARCHAR)
          || ' 天再次入院' detail FROM j WHERE gap <= {readmission} GROUP BY claim_id, diagnosis""",
    "M02": """WITH c AS (SELECT *, pref(institution_region) pf FROM claims)
        SELECT 'M02' rule, a.claim_id subject, strftime(a.admission_date, '%Y-%m-%d') || ' 在 '
          || a.pf || ' 就医,同日另有 ' || CAST(count(DISTINCT b.id) AS VARCHAR)
          || ' 张结算单在 ' || min(b.pf) || ' 等地' detail
        FROM c a JOIN c b ON b.person_id = a.person_id AND b.admission_date = a.admission_date
          AND b.pf <> a.pf GROUP BY a.claim_id, a.admission_date, a.pf""",
    "M03": """SELECT 'M03' rule, c.claim_id subject,
          '门诊带药 ' || CAST(max(i.days_supply) AS VARCHAR)
          || ' 天(上限 {supply} 天): ' || min(i.item_code) detail
        FROM claim_items i JOIN claims c ON c.id = i.claim_pk
        WHERE c.visit_type = 'outpatient' AND i.item_type = 'drug' AND i.days_supply > {supply}
        GROUP BY c.claim_id""",
    "M04": """WITH j AS (SELECT i.id item_id, i.item_code, i.restriction, c.claim_id, c.person_id,
          c.admission_date, c.diagnosis, p.gender, p.birth_date FROM claim_items i
          JOIN claims c ON c.id = i.claim_pk JOIN persons p ON p.id = c.person_id
          WHERE i.restriction <> ''),
        wi AS (SELECT person_id, mi(start_month) lo, coalesce(mi(end_month), 9999 * 12) hi
          FROM enrolments WHERE insurance = 'work_injury'),
        k AS (SELECT j.*, EXISTS (SELECT 1 FROM wi WHERE wi.person_id = j.person_id
          AND wi.lo <= mi(j.admission_date) AND wi.hi >= mi(j.admission_date)) covered FROM j),
        bad AS (SELECT * FROM k WHERE (restriction = 'male_only' AND gender = 2)
          OR (restriction = 'female_only' AND gender = 1)
          OR (restriction = 'child_only' AND year(admission_date) - year(birth_date)
              - CASE WHEN month(admission_date) * 100 + day(admission_date)
                < month(birth_date) * 100 + day(birth_date) THEN 1 ELSE 0 END >= {child})
          OR (restriction = 'work_injury_only' AND NOT covered)
          OR (restriction = 'maternity_only' AND (gender = 1
              OR NOT (starts_with(diagnosis, 'O') OR starts_with(diagnosis, 'Z3')))))
        SELECT 'M04' rule, claim_id subject, '限定 ' || min(restriction) || ' 的项目 '
          || min(item_code) || ' 等 ' || CAST(count(DISTINCT item_id) AS VARCHAR) || ' 项不符合限定'
          detail FROM bad GROUP BY claim_id""",
    "M05": """SELECT 'M05' rule, c.claim_id subject, '死亡 ' || strftime(d.death_date, '%Y-%m-%d')
          || ' 后于 ' || strftime(c.admission_date, '%Y-%m-%d') || ' 就医' detail
        FROM claims c JOIN deaths d USING (person_id) WHERE c.admission_date > d.death_date""",
    "M06": """WITH u AS (SELECT DISTINCT i.trace_code, c.claim_id, c.settled_on FROM claim_items i
          JOIN claims c ON c.id = i.claim_pk WHERE i.trace_code <> ''),
        n AS (SELECT *, row_number() OVER (PARTITION BY trace_code ORDER BY settled_on, claim_id)
          - 1 n FROM u),
        f AS (SELECT trace_code, claim_id first_claim FROM n WHERE n = 0)
        SELECT 'M06' rule, n.claim_id subject, '药品追溯码 ' || min(n.trace_code)
          || ' 已在结算单 ' || min(f.first_claim) || ' 中使用' detail
        FROM n JOIN f USING (trace_code) WHERE n.n > 0 GROUP BY n.claim_id""",
}


def rule_sql(code: str, as_of: str) -> str:
    """The query of one rule, with the context's thresholds (the defaults)."""
    year, month = int(as_of[:4]), int(as_of[5:7])
    values = {"as_of": as_of, "as_of_mi": year * 12 + month - 1, "grace": 30,
              "readmission": 7, "supply": 30, "child": 18}  # fmt: skip
    if code in FOUND:
        return PER_PERSON.format(code=code, found=FOUND[code])
    return OTHER[code].format(**values)


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """DuckDB in memory with one view per namespace table over the manifest's files."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    con = duckdb.connect()
    for name, state in manifest["tables"].items():
        files = ", ".join(f"'{folder / f}'" for f in state["files"])
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{files}])")
    for statement in MACROS.split(";"):
        if statement.strip():
            con.execute(statement)
    return con


def _digest(subjects: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(subjects)).encode()).hexdigest()[:16]


def run_sql(folder: Path, as_of: str) -> dict[str, dict[str, object]]:
    """Every rule, each timed alone; hits, seconds and the subjects' digest."""
    con = connect(folder)
    out: dict[str, dict[str, object]] = {}
    for code in [*FOUND, *OTHER]:
        started = time.perf_counter()
        table = con.sql(rule_sql(code, as_of)).to_arrow_table()
        seconds = time.perf_counter() - started
        subjects = table.column("subject").to_pylist()
        assert len(subjects) == len(set(subjects)), code  # one row per subject
        out[code] = {"hits": len(subjects), "seconds": round(seconds, 3),
                     "digest": _digest(subjects)}  # fmt: skip
    return out


def run_pandas(folder: Path) -> dict[str, dict[str, object]]:
    """F01 and M03 in pandas (read the Parquet files, merge, filter, group)."""
    import pandas as pd

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))

    def read(name: str, columns: list[str]) -> pd.DataFrame:
        files = [folder / f for f in manifest["tables"][name]["files"]]
        return pd.concat([pd.read_parquet(f, columns=columns) for f in files], ignore_index=True)

    out: dict[str, dict[str, object]] = {}
    started = time.perf_counter()
    ev = read("life_events", ["person_id", "event", "event_date"])
    dead = ev[ev.event == "death"].groupby("person_id", as_index=False).event_date.min()
    pay = read("benefit_payments", ["person_id", "period"]).merge(dead, on="person_id")
    month = lambda s: pd.to_datetime(s).dt.year * 12 + pd.to_datetime(s).dt.month  # noqa: E731
    late = pay[month(pay.period) > month(pay.event_date)]
    persons = read("persons", ["id", "id_number_index"])
    f01 = persons[persons.id.isin(late.person_id.unique())].id_number_index.tolist()
    out["F01"] = {"hits": len(f01), "seconds": round(time.perf_counter() - started, 3),
                  "digest": _digest(f01)}  # fmt: skip
    started = time.perf_counter()
    items = read("claim_items", ["claim_pk", "item_type", "days_supply"])
    claims = read("claims", ["id", "claim_id", "visit_type"])
    j = items[(items.item_type == "drug") & (items.days_supply > 30)]
    j = j.merge(claims[claims.visit_type == "outpatient"], left_on="claim_pk", right_on="id")
    m03 = j.claim_id.unique().tolist()
    out["M03"] = {"hits": len(m03), "seconds": round(time.perf_counter() - started, 3),
                  "digest": _digest(m03)}  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.screening_sql")
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--as-of", default="2026-10-31")
    parser.add_argument("--pandas", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    rules = run_pandas(args.snapshot) if args.pandas else run_sql(args.snapshot, args.as_of)
    print(json.dumps({"rules": rules, "seconds": round(time.perf_counter() - started, 3)}))


if __name__ == "__main__":
    main()
