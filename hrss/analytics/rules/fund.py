"""Social-insurance fund rules F01–F05: benefits paid to people who should not get them.

Each function takes the namespace and the context and returns hits
(``rule, subject, detail``), one row per person; ``subject`` is the person's
blind index. A month of payment is its ``period``.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from hrss.analytics.context import RuleContext
from hrss.analytics.retirement import retirement_month_expr
from hrss.analytics.rules.common import (
    Namespace,
    day_text,
    deaths,
    month_index,
    month_of,
    pensions,
    person_hits,
    span_text,
    text,
)


def _per_person(found: ir.Table) -> ir.Table:
    """Months found (``person_id, mi, why``) → one ``person_id, detail`` per person:
    the (first) reason, then the span and number of months."""
    per = found.group_by("person_id").agg(
        why=found.why.min(), first=found.mi.min(), last=found.mi.max(), n=found.mi.nunique()
    )
    return per.select("person_id", detail=per.why + span_text(per.first, per.last, per.n))


def f01_benefit_after_death(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F01 待遇领取人死亡后仍发放: a benefit paid for a period later than the month of death.

    Basis: 《社会保险法》第88条 (以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的,
    责令退回并处罚款); 《社会保险基金监督举报奖励暂行办法》 and the audit practice of
    comparing payees with 公安户籍注销、民政火化、卫健死亡登记 (domain.md §3.1 item 1).
    The month of death itself may be paid; the month after is a hit. The death date
    is the earliest any partner agency reported.
    """
    pay = ns["benefit_payments"]
    dead = deaths(ns)
    j = pay.join(dead, "person_id")
    j = j.filter(month_index(j.period) > month_index(j.death_date))
    found = j.select(
        "person_id", mi=month_index(j.period), why="死亡 " + day_text(j.death_date) + " 后发放 "
    )
    return person_hits(ns, "F01", _per_person(found))


def _prison_terms(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """``person_id, jailed, released`` (released null while still in prison)."""
    ev = ns["life_events"]
    jail = ev.filter(ev.event == "imprisonment").select(
        "person_id", term=ev.id, jailed=ev.event_date
    )
    free = ev.filter(ev.event == "release").select(free_person=ev.person_id, freed=ev.event_date)
    j = jail.left_join(free, [jail.person_id == free.free_person, free.freed >= jail.jailed])
    return j.group_by("person_id", "term", "jailed").agg(released=j.freed.min())


def f02_pension_in_prison(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F02 服刑期间领取养老金: a pension for a month wholly inside a prison term.

    Basis: 《社会保险法》第88条; 劳社部函〔2001〕44号 (退休人员被判处有期徒刑以上刑罚的,
    服刑期间停发基本养老金) and the prison/court data comparison (domain.md §3.1 item 2).
    The months of imprisonment and of release may be paid (a term begun or ended in
    the month); a pension for a month strictly between them is a hit.
    """
    pay = pensions(ns)
    terms = _prison_terms(ns, ctx)
    j = pay.join(terms, "person_id")
    inside = (j.mi > month_index(j.jailed)) & (
        j.released.isnull() | (j.mi < month_index(j.released))
    )
    found = j.filter(inside).select(
        "person_id", "mi", why="服刑 " + day_text(j.jailed) + " 起,期间发放养老金 "
    )
    return person_hits(ns, "F02", _per_person(found))


def f03_two_pensions(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F03 重复领取养老金: two pensions (schemes or paying regions) for one person and month.

    Basis: 《社会保险法》第88条; 国办发〔2009〕66号 and 人社部发〔2014〕17号 (one person
    draws one basic pension; 职工/居民/机关事业 cross-comparison, domain.md §3.1 item 3).
    """
    pay = pensions(ns)
    per_month = pay.group_by("person_id", "mi").agg(
        n=pay.count(), low=pay.benefit.min(), high=pay.benefit.max(), r1=pay.region.min(),
        r2=pay.region.max(),
    )  # fmt: skip
    dup = per_month.filter(per_month.n > 1)
    found = dup.select(
        "person_id", "mi", why=dup.low + "@" + dup.r1 + " 与 " + dup.high + "@" + dup.r2 + " "
    )
    return person_hits(ns, "F03", _per_person(found))


def f04_unemployment_while_employed(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F04 就业期间领取失业保险金: benefit for a month in which an employer contributes
    for, or employs (用工备案 on any day of the month), the person.

    Basis: 《失业保险条例》第15条 and 《社会保险法》第51条 (重新就业的, 停止领取失业保险金);
    第88条 for recovery (domain.md §3.1 item 8).
    """
    pay = ns["benefit_payments"]
    ui = pay.filter(pay.benefit == "unemployment").select("person_id", mi=month_index(pay.period))
    c = ns["contributions"]
    paid = c.filter(c.employer_id.notnull()).select(
        c_person=c.person_id, c_mi=month_index(c.period)
    )
    by_pay = ui.join(paid, [ui.person_id == paid.c_person, ui.mi == paid.c_mi])
    by_pay = by_pay.select("person_id", "mi", why=ibis.literal("单位缴费期间领取失业保险金 "))
    e = ns["employment"]
    jobs = e.select(e_person=e.person_id, s=month_index(e.start_date), t=month_index(e.end_date))
    by_job = ui.join(
        jobs, [ui.person_id == jobs.e_person, jobs.s <= ui.mi, jobs.t.isnull() | (jobs.t >= ui.mi)]
    )
    by_job = by_job.select("person_id", "mi", why=ibis.literal("用工备案期间领取失业保险金 "))
    found = by_pay.union(by_job).distinct()
    return person_hits(ns, "F04", _per_person(found))


def f05_pension_before_age(ns: Namespace, ctx: RuleContext) -> ir.Table:
    """F05 未达法定退休年龄领取养老金: a pension for a month before the month in which the
    payee reaches the statutory age.

    Basis: 《社会保险法》第16条 (达到法定退休年龄时累计缴费满十五年的, 按月领取基本养老金)
    and 第88条; 全国人大常委会《关于实施渐进式延迟法定退休年龄的决定》(2024-09-13) for the
    age; 城乡居民养老保险 from 60 (国发〔2014〕8号). Women are held to the earliest
    statutory age (worker rule, see :mod:`hrss.analytics.retirement`); the month in which
    the age is reached is not flagged.
    """
    pay = pensions(ns)
    people = ns["persons"].select(p_id="id", birth="birth_date", sex="gender")
    j = pay.join(people, pay.person_id == people.p_id)
    resident_mi = month_index(j.birth) + 60 * 12
    j = j.mutate(
        due=ibis.ifelse(
            j.benefit == "pension_resident", resident_mi, retirement_month_expr(j.birth, j.sex)
        )
    )
    early = j.filter(j.mi < j.due)
    found = early.select(
        "person_id",
        "mi",
        why="出生 " + day_text(early.birth) + " 性别 " + text(early.sex) + ",应于 "
        + month_of(early.due) + " 起领取;提前发放 ",
    )  # fmt: skip
    return person_hits(ns, "F05", _per_person(found))
