"""An independent screening checker for the synth tests.

Written from interchange.md's rule table, without calling the generator's own
logic, so that a bug in the generator cannot hide itself. Each ``check_*``
returns the set of subjects that break the rule.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

Table = list[dict[str, str]]
Data = dict[str, Table]
AS_OF = date(2026, 10, 31)


def month_no(text: str) -> int:
    return int(text[:4]) * 12 + int(text[5:7]) - 1


def day(text: str) -> date:
    return date.fromisoformat(text)


def first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def last_day(month: int) -> date:
    return first_day(month + 1) - timedelta(days=1)


def is_pension(row: dict[str, str]) -> bool:
    return row["benefit"] in ("pension_employee", "pension_resident", "pension_public")


def deaths(data: Data) -> dict[str, date]:
    found: dict[str, date] = {}
    for e in data["life_events"]:
        if e["event"] == "death":
            found[e["id_number"]] = min(day(e["event_date"]), found.get(e["id_number"], date.max))
    return found


def statutory_month(birth: date, gender: str) -> int:
    """Month of statutory retirement; women by the earliest (age-50 worker) rule."""
    years, every, most = (60, 4, 36) if gender == "1" else (50, 2, 60)
    original = birth.year * 12 + birth.month - 1 + years * 12
    late = original - (2025 * 12)
    return original + (0 if late < 0 else min(late // every + 1, most))


def check_f01(data: Data) -> set[str]:
    dead = deaths(data)
    return {
        b["id_number"]
        for b in data["benefit_payments"]
        if b["id_number"] in dead
        and month_no(b["period"]) > month_no(dead[b["id_number"]].isoformat()[:7])
    }


def prison_spells(data: Data) -> dict[str, list[tuple[date, date]]]:
    events = sorted(data["life_events"], key=lambda e: (e["id_number"], e["event_date"]))
    spells: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for e in events:
        who = e["id_number"]
        if e["event"] == "imprisonment":
            spells[who].append((day(e["event_date"]), date.max))
        elif e["event"] == "release" and spells[who]:
            spells[who][-1] = (spells[who][-1][0], day(e["event_date"]))
    return spells


def check_f02(data: Data) -> set[str]:
    spells = prison_spells(data)
    hits = set()
    for b in data["benefit_payments"]:
        m = month_no(b["period"])
        for start, end in spells.get(b["id_number"], []):
            if is_pension(b) and first_day(m) <= end and last_day(m) >= start:
                hits.add(b["id_number"])
    return hits


def check_f03(data: Data) -> set[str]:
    count: dict[tuple[str, str], int] = defaultdict(int)
    for b in data["benefit_payments"]:
        if is_pension(b):
            count[(b["id_number"], b["period"])] += 1
    return {who for (who, _period), n in count.items() if n > 1}


def check_f04(data: Data) -> set[str]:
    paid = {(c["id_number"], c["period"]) for c in data["contributions"] if c["uscc"]}
    jobs = defaultdict(list)
    for e in data["employment"]:
        jobs[e["id_number"]].append(
            (day(e["start_date"]), day(e["end_date"]) if e["end_date"] else date.max)
        )
    hits = set()
    for b in data["benefit_payments"]:
        if b["benefit"] != "unemployment":
            continue
        who, m = b["id_number"], month_no(b["period"])
        employed = any(s <= last_day(m) and e >= first_day(m) for s, e in jobs[who])
        if employed or (who, b["period"]) in paid:
            hits.add(who)
    return hits


def check_f05(data: Data) -> set[str]:
    people = {p["id_number"]: p for p in data["persons"]}
    hits = set()
    for b in data["benefit_payments"]:
        p = people[b["id_number"]]
        if is_pension(b) and month_no(b["period"]) < statutory_month(
            day(p["birth_date"]), p["gender"]
        ):
            hits.add(b["id_number"])
    return hits


def limit(data: Data, name: str, region: str, on: date) -> float:
    chain = [region, region[:4] + "00", "420000"]
    for code in chain:
        for row in data["parameters"]:
            valid_to = day(row["valid_to"]) if row["valid_to"] else date.max
            if (
                row["name"] == name
                and row["region"] == code
                and day(row["valid_from"]) <= on < valid_to
            ):
                return float(row["value"])
    raise LookupError(name, region, on)


def check_f06(data: Data) -> set[str]:
    regions = {e["uscc"]: e["region"] for e in data["employers"]}
    cache: dict[tuple[str, str], tuple[float, float]] = {}
    hits = set()
    for c in data["contributions"]:
        region = regions[c["uscc"]] if c["uscc"] else "420000"
        key = (region, c["period"])
        if key not in cache:
            on = first_day(month_no(c["period"]))
            cache[key] = (
                limit(data, "contribution_base_floor", region, on),
                limit(data, "contribution_base_ceiling", region, on),
            )
        floor, ceiling = cache[key]
        if not floor <= float(c["base"]) <= ceiling:
            hits.add(c["id_number"])
    return hits


def check_f07(data: Data) -> set[str]:
    covered: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for e in data["enrolments"]:
        if e["insurance"] == "pension":
            end = month_no(e["end_month"]) if e["end_month"] else 10**6
            covered[(e["id_number"], e["uscc"])].append((month_no(e["start_month"]), end))
    hits = set()
    for job in data["employment"]:
        start = day(job["start_date"])
        end = day(job["end_date"]) if job["end_date"] else AS_OF
        spans = covered[(job["id_number"], job["uscc"])]
        if (end - start).days > 30 and uncovered_days(start, end, spans) > 30:
            hits.add(job["id_number"])
    return hits


def uncovered_days(start: date, end: date, spans: list[tuple[int, int]]) -> int:
    """Days of ``[start, end]`` in months that no enrolment span covers."""
    gap = 0
    for m in range(start.year * 12 + start.month - 1, end.year * 12 + end.month):
        if not any(a <= m <= b for a, b in spans):
            gap += (min(end, last_day(m)) - max(start, first_day(m))).days + 1
    return gap


def check_f08(data: Data) -> set[str]:
    gone = {e["id_number"] for e in data["life_events"] if e["event"] in ("death", "emigration")}
    now = month_no(AS_OF.isoformat())
    insured = {
        e["id_number"]
        for e in data["enrolments"]
        if not e["end_month"] or month_no(e["end_month"]) >= now
    }
    active = {c["id_number"] for c in data["cards"] if c["status"] == "active"}
    return insured - gone - active


def unit(region: str) -> str:
    """Prefecture-level unit; 429xxx county-level units are units of their own."""
    return region if region.startswith("4290") else region[:4] + "00"


def check_m01(data: Data) -> set[str]:
    stays = defaultdict(list)
    for c in data["claims"]:
        if c["visit_type"] == "inpatient":
            stays[c["id_number"]].append(c)
    hits = set()
    for claims in stays.values():
        for a in claims:
            for b in claims:
                gap = (day(b["admission_date"]) - day(a["discharge_date"])).days
                if a is not b and a["diagnosis"] == b["diagnosis"] and 0 <= gap <= 7:
                    hits.add(b["claim_id"])
    return hits


def check_m02(data: Data, key: str = "admission_date") -> set[str]:
    groups = defaultdict(list)
    for c in data["claims"]:
        groups[(c["id_number"], c[key])].append(c)
    hits = set()
    for claims in groups.values():
        if len({unit(c["institution_region"]) for c in claims}) > 1:
            hits.update(c["claim_id"] for c in claims)
    return hits


def check_m03(data: Data) -> set[str]:
    outpatient = {c["claim_id"] for c in data["claims"] if c["visit_type"] == "outpatient"}
    return {
        i["claim_id"]
        for i in data["claim_items"]
        if i["item_type"] == "drug" and i["claim_id"] in outpatient and int(i["days_supply"]) > 30
    }


def _work_injury_cover(data: Data) -> dict[str, list[tuple[int, int]]]:
    cover = defaultdict(list)
    for e in data["enrolments"]:
        if e["insurance"] == "work_injury":
            end = month_no(e["end_month"]) if e["end_month"] else 10**6
            cover[e["id_number"]].append((month_no(e["start_month"]), end))
    return cover


def _restriction_broken(
    item: dict[str, str],
    claim: dict[str, str],
    person: dict[str, str],
    cover: list[tuple[int, int]],
) -> bool:
    rule, diag = item["restriction"], claim["diagnosis"]
    admitted, born = day(claim["admission_date"]), day(person["birth_date"])
    age = admitted.year - born.year - ((admitted.month, admitted.day) < (born.month, born.day))
    m = admitted.year * 12 + admitted.month - 1
    return {
        "": False,
        "male_only": person["gender"] != "1",
        "female_only": person["gender"] != "2",
        "child_only": age >= 18,
        "work_injury_only": not (diag[0] in "ST" and any(a <= m <= b for a, b in cover)),
        "maternity_only": person["gender"] != "2" or not (diag[0] == "O" or diag.startswith("Z3")),
    }[rule]


def check_m04(data: Data) -> set[str]:
    people = {p["id_number"]: p for p in data["persons"]}
    claims = {c["claim_id"]: c for c in data["claims"]}
    cover = _work_injury_cover(data)
    hits = set()
    for item in data["claim_items"]:
        claim = claims[item["claim_id"]]
        who = claim["id_number"]
        if _restriction_broken(item, claim, people[who], cover[who]):
            hits.add(item["claim_id"])
    return hits


def check_m05(data: Data) -> set[str]:
    dead = deaths(data)
    return {
        c["claim_id"]
        for c in data["claims"]
        if c["id_number"] in dead and day(c["admission_date"]) > dead[c["id_number"]]
    }


def check_m06(data: Data) -> set[str]:
    claims = {c["claim_id"]: c for c in data["claims"]}
    by_code = defaultdict(set)
    for item in data["claim_items"]:
        if item["trace_code"]:
            by_code[item["trace_code"]].add(item["claim_id"])
    hits = set()
    for ids in by_code.values():
        ordered = sorted(ids, key=lambda i: (claims[i]["settled_on"], i))
        hits.update(ordered[1:])
    return hits


CHECKS = {
    "F01": check_f01,
    "F02": check_f02,
    "F03": check_f03,
    "F04": check_f04,
    "F05": check_f05,
    "F06": check_f06,
    "F07": check_f07,
    "F08": check_f08,
    "M01": check_m01,
    "M02": check_m02,
    "M03": check_m03,
    "M04": check_m04,
    "M05": check_m05,
    "M06": check_m06,
}
