"""Contribution and coverage rules F06–F08: bases outside the limits, uninsured
employment, insured persons without a card. Subjects are persons (blind index)."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hrss.analytics.context import PROVINCE, RuleContext
from hrss.analytics.rules.common import (
    Namespace,
    day_text,
    deaths,
    money_text,
    month_index,
    person_hits,
    span_text,
    text,
)

LIMITED_INSURANCES = ("pension", "unemployment", "work_injury")
LIMIT_NAMES = (
    "contribution_base_floor",
    "contribution_base_ceiling",
    "average_monthly_wage",
    "base_floor_ratio",
    "base_ceiling_ratio",
)
# An active card, or one on its way (applied, being made, issued): 临时挂失 is not active.
CARD_HELD = ("active", "applied", "in_production", "issued")


def _candidates(keys: ir.Table, params: ir.Table) -> ir.Table:
    """Parameter rows in force for each (period, region): the region itself, its
    prefecture, its province, then 420000 (rank 0–3, as ``insurance.region_chain``)."""
    p = params.filter(params.name.isin(LIMIT_NAMES), params.key == "")
    p = p.select("name", "valid_from", "valid_to", "value", at=p.region)
    pref = keys.region.substr(0, 4) + "00"
    prov = keys.region.substr(0, 2) + "0000"
    j = keys.join(
        p,
        [
            (p.at == keys.region) | (p.at == pref) | (p.at == prov) | (p.at == PROVINCE),
            p.valid_from <= keys.period,
            p.valid_to.isnull() | (p.valid_to > keys.period),
        ],
    )
    r = j.region
    rank = ibis.ifelse(
        j.at == r,
        0,
        ibis.ifelse(
            j.at == r.substr(0, 4) + "00", 1, ibis.ifelse(j.at == r.substr(0, 2) + "0000", 2, 3)
        ),
    )
    return j.select("period", "region", "name", "valid_from", "value", rank=rank)


def base_limits(ns: Namespace, ctx: RuleContext, keys: ir.Table) -> ir.Table:
    """``period, region, floor, ceiling`` for each distinct (period, region) in ``keys``.

    Explicit floor/ceiling rows win; otherwise the average wage × the ratio (the
    ratio row, else the context's 0.6 / 3), rounded to the fen — as
    ``insurance.selectors.contribution_base_limits``. No limit is known (and no
    hit is possible) where neither a limit nor an average wage is in force.
    """
    c = _candidates(keys, ns["parameters"])
    order = [c.rank, c.valid_from.desc()]
    best = c.mutate(n=ibis.row_number().over(group_by=["period", "region", "name"], order_by=order))
    best = best.filter(best.n == 0)

    def pick(name: str) -> ir.NumericScalar:
        return best.value.max(where=best.name == name)

    v = best.group_by("period", "region").agg(
        floor=pick("contribution_base_floor"),
        ceiling=pick("contribution_base_ceiling"),
        wage=pick("average_monthly_wage"),
        low=pick("base_floor_ratio"),
        high=pick("base_ceiling_ratio"),
    )
    low = v.low.fill_null(ibis.literal(ctx.floor_ratio, type="decimal(18, 6)"))
    high = v.high.fill_null(ibis.literal(ctx.ceiling_ratio, type="decimal(18, 6)"))
    floor = v.floor.fill_null((v.wage * low).round(2)).cast("decimal(16, 2)")
    ceiling = v.ceiling.fill_null((v.wage * high).round(2)).cast("decimal(16, 2)")
    return v.select("period", "region", floor=floor, ceiling=ceiling)


def f06_base_outside_limits(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F06 缴费基数超出上下限: a pension, unemployment or work-injury contribution whose
    base is below the floor or above the ceiling in force for the period and region.

    Basis: 国办发〔2019〕13号 (基数上下限为全口径城镇单位就业人员平均工资的60%–300%);
    《社会保险费征缴暂行条例》; 《社会保险法》第86条 for underpayment. The region is the
    employer's; for flexible employment (no employer) the person's district. A base
    exactly at a limit is within it. Medical contributions follow the medical-insurance
    authority's own base rules and are not screened here.
    """
    c = ns["contributions"]
    c = c.filter(c.insurance.isin(LIMITED_INSURANCES))
    er = ns["employers"].select(er_id="id", er_region="region")
    pe = ns["persons"].select(pe_id="id", pe_district="district")
    j = c.left_join(er, c.employer_id == er.er_id).join(pe, c.person_id == pe.pe_id)
    rows = j.select("person_id", "period", "base", region=j.er_region.fill_null(j.pe_district))
    rows = rows.filter(rows.base.notnull())  # ends the join chain before the next join
    limits = base_limits(ns, ctx, rows.select("period", "region").distinct())
    limits = limits.rename(l_period="period", l_region="region")
    k = rows.join(limits, [rows.period == limits.l_period, rows.region == limits.l_region])
    bad = k.filter((k.base < k.floor) | (k.base > k.ceiling))
    per = bad.group_by("person_id").agg(
        first=month_index(bad.period).min(), last=month_index(bad.period).max(),
        n=bad.period.nunique(), low=bad.base.min(), high=bad.base.max(),
        floor=bad.floor.min(), ceiling=bad.ceiling.max(),
    )  # fmt: skip
    detail = (
        "缴费基数 " + money_text(per.low) + "–" + money_text(per.high) + " 超出上下限 "
        + money_text(per.floor) + "–" + money_text(per.ceiling) + ","
        + span_text(per.first, per.last, per.n)
    )  # fmt: skip
    return person_hits(ns, "F06", per.select("person_id", detail=detail))


def _pension_cover(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """The person's pension enrolments merged into islands of consecutive months:
    ``person_id, lo, hi`` (month indices; an open enrolment runs to the as-of month)."""
    en = ns["enrolments"]
    as_of_mi = ctx.as_of.year * 12 + ctx.as_of.month - 1
    e = en.filter(en.insurance == "pension").select(
        "person_id", lo=month_index(en.start_month),
        hi=month_index(en.end_month).fill_null(as_of_mi),
    )  # fmt: skip
    reach = e.hi.max().over(group_by="person_id", order_by=["lo", "hi"], rows=(None, -1))
    e = e.mutate(reach=reach)
    e = e.mutate(new=ibis.ifelse(e.reach.isnull() | (e.lo > e.reach + 1), 1, 0))
    island = e.new.sum().over(group_by="person_id", order_by=["lo", "hi"], rows=(None, 0))
    e = e.mutate(island=island)
    return e.group_by("person_id", "island").agg(lo=e.lo.min(), hi=e.hi.max())


def f07_employment_not_enrolled(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F07 用工未参保: an employment that has lasted more than 30 days whose months after
    the registration deadline are not all covered by a pension enrolment.

    Basis: 《社会保险法》第58条 (用人单位应当自用工之日起三十日内为其职工申请办理社会保险
    登记) and 第84条; 被征地农民/特困 coverage-gap comparisons (domain.md §3.1 item 5).
    Lasted = (end date, or the as-of date while ongoing) − start date, in days; the
    months that must be covered run from the month of the first day after the
    deadline to the month the employment ended (or the as-of month). Any pension
    enrolment of the person counts (employer's or flexible), merged across rows.
    """
    e = ns["employment"]
    as_of = ibis.literal(ctx.as_of, type="date")
    last_day = e.end_date.fill_null(as_of)
    grace = ctx.enrolment_grace_days
    jobs = e.filter(e.start_date <= as_of, last_day.delta(e.start_date, unit="day") > grace)
    due = jobs.start_date + ibis.interval(days=grace + 1)
    jobs = jobs.select(
        "person_id", "start_date", "employer_id", a=month_index(due),
        b=month_index(jobs.end_date.fill_null(as_of)),
    )  # fmt: skip
    cover = _pension_cover(ns, ctx).rename(c_person="person_id")
    gaps = jobs.anti_join(
        cover, [jobs.person_id == cover.c_person, cover.lo <= jobs.a, cover.hi >= jobs.b]
    )
    er = ns["employers"].select(er_id="id", uscc="uscc")
    g = gaps.join(er, gaps.employer_id == er.er_id)
    per = g.group_by("person_id").agg(start=g.start_date.min(), n=g.count(), uscc=g.uscc.min())
    detail = (
        "自 " + day_text(per.start) + " 起受雇于 " + per.uscc + " 等 " + text(per.n)
        + " 处,超过30日未参加养老保险"
    )  # fmt: skip
    return person_hits(ns, "F07", per.select("person_id", detail=detail))


def f08_insured_without_card(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F08 参保未持卡 (主动服务): a living person insured on the as-of date (an enrolment
    in force that month) who holds no card with status ``active`` (nor one applied for,
    being made or issued); ``temporary_loss``, ``lost``, ``replaced``, ``cancelled`` are
    not active.

    Basis: 《社会保险法》第58条 (the 社会保障号码 every card carries) and the 一卡通 goal
    of the Hubei 互联网+人社 plan — one card for every insured person, issued proactively
    (应发尽发, domain.md §1.4); a proactive-service list, not a fraud finding.
    """
    as_of_mi = ctx.as_of.year * 12 + ctx.as_of.month - 1
    en = ns["enrolments"]
    live = en.filter(
        month_index(en.start_month) <= as_of_mi,
        en.end_month.isnull() | (month_index(en.end_month) >= as_of_mi),
    )
    insured = live.group_by("person_id").agg(kinds=live.insurance.nunique())
    cards = ns["cards"]
    held = cards.filter(cards.status.isin(CARD_HELD)).select("person_id")
    dead = deaths(ns)
    dead = dead.filter(dead.death_date <= ibis.literal(ctx.as_of, type="date"))
    out = insured.anti_join(held, "person_id").anti_join(dead, "person_id")
    owned = cards.group_by("person_id").agg(owned=cards.count())
    out = out.left_join(owned, "person_id")
    detail = (
        "参保险种 " + text(out.kinds) + " 项,无在用社保卡(名下历史卡 "
        + text(out.owned.fill_null(0)) + " 张)"
    )  # fmt: skip
    return person_hits(ns, "F08", out.select(person_id=out.person_id, detail=detail))
