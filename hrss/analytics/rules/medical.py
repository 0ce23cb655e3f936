"""Medical-claim rules M01–M06 over the medical-insurance feed. Subjects are claim ids.

Basis for all: 《医疗保障基金使用监督管理条例》(国务院令第735号, 2021-05-01) and the
NHSA 智能审核和监控 knowledge and rule bases (domain.md §3.2–3.3).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hrss.analytics.context import RuleContext
from hrss.analytics.rules.common import (
    Namespace,
    age_on,
    claim_hits,
    day_text,
    deaths,
    month_index,
    prefecture,
    text,
)

# ICD-10 codes of pregnancy, childbirth and the puerperium (chapter XV, O00–O9A) and
# of encounters for reproduction (Z30–Z39): where maternity-only items belong.
MATERNITY_PREFIXES = ("O", "Z3")
OPEN_END = 9999 * 12  # month index standing for "no end month"


def m01_readmission(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """M01 分解住院: an inpatient admission for the same diagnosis (same ICD-10 code)
    within ``readmission_days`` (7) days after the person's discharge from another stay.

    Basis: 条例第15条、第38条 (分解住院); local operational definition — re-admission for
    the same disease within 7 days (domain.md §3.2). The subject is the readmission
    (the later claim); discharge + 7 days is still a hit, + 8 is not.
    """
    c = ns["claims"]
    stays = c.filter(c.visit_type == "inpatient", c.discharge_date.notnull())
    prev = stays.select(p_id="id", p_person="person_id", p_diag="diagnosis", out="discharge_date")
    j = stays.join(
        prev,
        [
            stays.person_id == prev.p_person,
            stays.diagnosis == prev.p_diag,
            stays.id != prev.p_id,
            stays.admission_date >= prev.out,
        ],
    )
    j = j.mutate(gap=j.admission_date.delta(j.out, unit="day"))
    j = j.filter(j.gap <= ctx.readmission_days)
    per = j.group_by("claim_id", "diagnosis").agg(gap=j.gap.min(), out=j.out.max())
    detail = (
        "同一诊断 " + per.diagnosis + " 于 " + day_text(per.out) + " 出院后 "
        + text(per.gap) + " 天再次入院"
    )  # fmt: skip
    return claim_hits("M01", per.select("claim_id", detail=detail))


def m02_two_prefectures_same_day(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """M02 同日异地就医: claims of one person at institutions in two different
    prefecture-level units on the same day (by admission/visit date).

    Basis: 条例第38条 (虚假就医、冒名就医) and the card-trajectory rule "same person,
    same time, two cities" (domain.md §3.3). Every claim of that day is a subject;
    two districts of one prefecture are not a hit.
    """
    c = ns["claims"]
    c = c.mutate(pref=prefecture(c.institution_region))
    other = c.select(o_person="person_id", o_day="admission_date", o_pref="pref", o_id="id")
    j = c.join(
        other,
        [c.person_id == other.o_person, c.admission_date == other.o_day, c.pref != other.o_pref],
    )
    per = j.group_by("claim_id", "admission_date", "pref").agg(
        others=j.o_id.nunique(), far=j.o_pref.min()
    )
    detail = (
        day_text(per.admission_date) + " 在 " + per.pref + " 就医,同日另有 " + text(per.others)
        + " 张结算单在 " + per.far + " 等地"
    )  # fmt: skip
    return claim_hits("M02", per.select("claim_id", detail=detail))


def _items_with_claims(ns: Namespace) -> ir.Table:
    """Claim lines with their claim's columns (``item_id`` is the line's id)."""
    items = ns["claim_items"].rename(item_id="id")
    c = ns["claims"].select(
        c_pk="id", claim_id="claim_id", person_id="person_id", visit_type="visit_type",
        admission_date="admission_date", diagnosis="diagnosis",
    )  # fmt: skip
    return items.join(c, items.claim_pk == c.c_pk)


def m03_drug_supply(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """M03 超量开药: an outpatient drug line supplying more than ``outpatient_supply_days``
    (30) days.

    Basis: 条例第15条 (超量开药); 《处方管理办法》第19条 (chronic-disease prescriptions may
    be extended; the usual outpatient limit configured in HIS systems is 30 days).
    30 days is allowed, 31 is a hit.
    """
    j = _items_with_claims(ns)
    limit = ctx.outpatient_supply_days
    bad = j.filter(j.visit_type == "outpatient", j.item_type == "drug", j.days_supply > limit)
    per = bad.group_by("claim_id").agg(days=bad.days_supply.max(), code=bad.item_code.min())
    detail = "门诊带药 " + text(per.days) + " 天(上限 " + str(limit) + " 天): " + per.code
    return claim_hits("M03", per.select("claim_id", detail=detail))


def _work_injury_cover(ns: Namespace) -> ir.Table:
    """``wi_person, wi_lo, wi_hi``: work-injury enrolments as month ranges (open: far)."""
    en = ns["enrolments"]
    wi = en.filter(en.insurance == "work_injury")
    return wi.select(
        wi_person=wi.person_id, wi_lo=month_index(wi.start_month),
        wi_hi=month_index(wi.end_month).fill_null(OPEN_END),
    )  # fmt: skip


def _restriction_broken(j: ir.Table, ctx: RuleContext) -> ir.BooleanValue:
    r = j.restriction
    maternity = j.diagnosis.startswith(MATERNITY_PREFIXES[0]) | j.diagnosis.startswith(
        MATERNITY_PREFIXES[1]
    )
    return (
        ((r == "male_only") & (j.gender == 2))
        | ((r == "female_only") & (j.gender == 1))
        | ((r == "child_only") & (age_on(j.birth_date, j.admission_date) >= ctx.child_age))
        | ((r == "work_injury_only") & j.wi_person.isnull())
        | ((r == "maternity_only") & ((j.gender == 1) | ~maternity))
    )


def m04_restricted_item(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """M04 限定支付范围: an item restricted to the other sex; to children (used by a
    patient aged ``child_age`` = 18 or more at admission); to work-injury insurance
    (used by a person with no work-injury enrolment in force in the admission month);
    or to maternity insurance (used by a man, or on a claim whose diagnosis is not
    pregnancy or childbirth: ICD-10 O*, Z30–Z39).

    Basis: 条例第15条 (串换药品、诊疗项目); NHSA national rule batches 1 and 3 (限性别、
    限儿童、限工伤/生育保险 items, domain.md §3.3).
    """
    j = _items_with_claims(ns)
    people = ns["persons"].select(pe_id="id", gender="gender", birth_date="birth_date")
    j = j.filter(j.restriction != "")
    j = j.join(people, j.person_id == people.pe_id)
    j = j.mutate(mi=month_index(j.admission_date))
    wi = _work_injury_cover(ns)
    j = j.left_join(wi, [j.person_id == wi.wi_person, wi.wi_lo <= j.mi, wi.wi_hi >= j.mi])
    bad = j.filter(_restriction_broken(j, ctx))
    per = bad.group_by("claim_id").agg(
        kind=bad.restriction.min(), code=bad.item_code.min(), n=bad.item_id.nunique()
    )
    detail = "限定 " + per.kind + " 的项目 " + per.code + " 等 " + text(per.n) + " 项不符合限定"
    return claim_hits("M04", per.select("claim_id", detail=detail))


def m05_after_death(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """M05 死亡后就医结算: a claim whose admission (visit) date is after the day of death.

    Basis: 条例第20条、第40条 (冒名就医、虚构医药服务); "settlement after death date"
    practical rule (domain.md §3.3). Admission on the day of death is not a hit.
    """
    c = ns["claims"]
    j = c.join(deaths(ns), "person_id")
    bad = j.filter(j.admission_date > j.death_date)
    detail = "死亡 " + day_text(bad.death_date) + " 后于 " + day_text(bad.admission_date) + " 就医"
    return claim_hits("M05", bad.select("claim_id", detail=detail))


def m06_repeated_trace_code(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """M06 追溯码重复: a drug traceability code that appears in more than one claim;
    every claim after the first (by settled_on, then claim_id) carrying it is a subject.

    Basis: 条例第15条、第38条 (倒卖药品, 串换); NHSA 药品追溯码 rule — a code scanned
    twice signals resold "回流药" (domain.md §3.3).
    """
    j = _items_with_claims(ns)
    c = ns["claims"].select(k_pk="id", settled_on="settled_on")
    j = j.filter(j.trace_code != "").join(c, j.claim_pk == c.k_pk)
    uses = j.select("trace_code", "claim_id", "settled_on").distinct()
    order = ibis.row_number().over(group_by="trace_code", order_by=["settled_on", "claim_id"])
    uses = uses.mutate(n=order)
    first = uses.filter(uses.n == 0).select(code="trace_code", first_claim="claim_id")
    later = uses.filter(uses.n > 0)
    later = later.join(first, later.trace_code == first.code)
    per = later.group_by("claim_id").agg(code=later.trace_code.min(), prior=later.first_claim.min())
    detail = "药品追溯码 " + per.code + " 已在结算单 " + per.prior + " 中使用"
    return claim_hits("M06", per.select("claim_id", detail=detail))
