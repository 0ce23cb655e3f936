"""Employment histories: jobs (用工备案), flexible employment and unemployment spells.

Invariants the background keeps (the screening rules rely on them):
* every job's pension enrolment covers it from its start month to its end month;
* an unemployment-benefit spell starts after the month the involuntary job ended,
  and a new job starts only after the spell's last month (no F04 overlap);
* jobs never start before their employer's registration date.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from hrss.synth.dates import add_months, month_index, month_start
from hrss.synth.model import Ctx, Job, Payment, Person
from hrss.synth.params import ui_amount_fen

RECORDS_FROM = date(1993, 1, 1)  # the earliest employment records
INVOLUNTARY = ("contract_end", "dismissal", "employer_closed")
ENDINGS = (("contract_end", 35), ("resignation", 40), ("dismissal", 10), ("employer_closed", 15))
OCCUPATIONS = (
    "2-02-10-09",
    "2-02-07-01",
    "2-05-01-01",
    "2-06-01-01",
    "3-01-02-01",
    "4-01-02-01",
    "4-02-02-01",
    "4-03-01-01",
    "4-07-02-03",
    "4-08-08-01",
    "6-01-01-01",
    "6-18-01-01",
    "6-22-02-01",
    "6-29-01-02",
    "6-30-05-01",
)
WUHAN = "420100"


def ending(ctx: Ctx) -> str:
    """A reason for an earlier job's end (voluntary or not)."""
    roll, total = ctx.rng.random() * 100, 0
    for reason, weight in ENDINGS:
        total += weight
        if roll < total:
            return reason
    return ENDINGS[-1][0]


def job_pref(ctx: Ctx, person: Person) -> str:
    """Where the person works: mostly at home, sometimes in Wuhan or elsewhere."""
    roll = ctx.rng.random()
    if roll < 0.85:
        return person.pref
    return WUHAN if roll < 0.93 else ctx.geo.draw(ctx.rng).code


def new_job(ctx: Ctx, person: Person, start: date, *, wage_pct: int) -> Job:
    """A job at an employer registered by ``start`` (the start moves up if none is)."""
    rng = ctx.rng
    employer = ctx.employers.pick(rng, job_pref(ctx, person), start)
    if employer.registered_on >= start:
        start = employer.registered_on + timedelta(days=rng.randint(1, 30))
    occupation = rng.choice(OCCUPATIONS) if rng.random() < 0.7 else ""
    medical = rng.random() < 0.3
    return Job(employer, start, occupation=occupation, wage_pct=wage_pct, medical=medical)


def wage_pct(ctx: Ctx) -> int:
    """Wage as % of the average wage; below 60 or above 300 contributes at the limit."""
    return max(40, min(500, int(100 * ctx.rng.lognormvariate(-0.1, 0.45))))


def _career_start(ctx: Ctx, person: Person, stop: date, latest: date | None) -> date:
    rng = ctx.rng
    start = add_months(person.birth, 12 * rng.randint(18, 24) + rng.randrange(12))
    start = max(start, RECORDS_FROM + timedelta(days=rng.randrange(1500)))
    if latest is not None:
        start = min(start, latest)
    if start > stop - timedelta(days=90):
        start = stop - timedelta(days=rng.randint(90, 400))
    return max(start, add_months(person.birth, 16 * 12))


def _segments(ctx: Ctx, start: date, stop: date, count: int) -> list[tuple[date, date]]:
    days = (stop - start).days
    count = max(1, min(count, days // 365 + 1))
    weights = [0.5 + ctx.rng.random() for _ in range(count)]
    total, cuts, acc = sum(weights), [start], 0.0
    for w in weights[:-1]:
        acc += w
        cuts.append(start + timedelta(days=int(days * acc / total)))
    cuts.append(stop)
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def career(
    ctx: Ctx,
    person: Person,
    stop: date | None,
    last_reason: str,
    *,
    latest_start: date | None = None,
) -> list[Job]:
    """1–3 consecutive jobs up to ``stop`` (``None``: the last one is ongoing on the as-of date)."""
    rng = ctx.rng
    end = stop or ctx.span.as_of
    start = _career_start(ctx, person, end, latest_start)
    count = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    pct, jobs = wage_pct(ctx), []
    for i, (lo, hi) in enumerate(_segments(ctx, start, end, count)):
        gap = timedelta(days=rng.randint(1, 60)) if i else timedelta(0)
        job = new_job(ctx, person, lo + gap, wage_pct=pct)
        last = hi >= end
        job.end = stop if last else hi
        job.reason = last_reason if last else ending(ctx)
        if job.end is not None and job.end <= job.start:
            continue
        jobs.append(job)
    return jobs


def contribution_months(jobs: list[Job]) -> int:
    """Months covered by the jobs' pension enrolments (an approximation of insured years)."""
    return sum(month_index(j.end) - month_index(j.start) + 1 for j in jobs if j.end is not None)


def ui_spell(ctx: Ctx, person: Person, jobs: list[Job], death: date | None) -> Payment:
    """Unemployment benefit after the last (involuntarily ended) job: 12/18/24 months."""
    ended = jobs[-1]
    assert ended.end is not None and ended.employer is not None
    months = contribution_months(jobs)
    entitled = 12 if months < 60 else 18 if months < 120 else 24
    first = month_index(ended.end) + 1 + (1 if ctx.rng.random() < 0.3 else 0)
    last = first + entitled - 1
    if death is not None:
        last = min(last, month_index(death) - 1)
    pref = ended.employer.prefecture
    return Payment("unemployment", pref, first, last, ui_amount_fen(pref), pay_day=15)


def after_spell(ctx: Ctx, person: Person, spell: Payment, stop: date | None) -> Job | None:
    """A new job starting after the spell's last month, if it starts by ``stop``/as-of."""
    rng = ctx.rng
    start = month_start(spell.last + 1 + rng.randint(0, 3)) + timedelta(days=rng.randint(0, 27))
    limit = stop or ctx.span.as_of - timedelta(days=20)
    if start >= limit:
        return None
    job = new_job(ctx, person, start, wage_pct=wage_pct(ctx))
    if month_index(job.start) <= spell.last or job.start >= limit:
        return None
    job.end = stop
    job.reason = "death" if stop else ""
    return job


def flexible(ctx: Ctx, start: date, stop: date | None) -> Job:
    """Flexible employment: pension only, base at Wuhan's floor (0) or the average wage (100)."""
    rng = ctx.rng
    job = Job(None, start, stop, wage_pct=0 if rng.random() < 0.6 else 100)
    job.medical = rng.random() < 0.5
    if rng.random() < 0.05:
        job.arrears_from = ctx.span.last
    return job


def poissonish(ctx: Ctx, mean: float) -> int:
    """A Poisson draw (Knuth's method; means here are small)."""
    limit, k, prod = math.exp(-mean), 0, ctx.rng.random()
    while prod > limit:
        k += 1
        prod *= ctx.rng.random()
    return k
