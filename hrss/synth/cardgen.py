"""Social-security cards: most persons one active card; some replaced or lost ones.

A person with any insurance or benefit record always holds an active card (or a
cancelled one after death), so that only planted F08 cases lack one.
"""

from __future__ import annotations

from datetime import date, timedelta

from hrss.synth.model import Card, Ctx, Plan

CARDS_FROM = date(2008, 1, 1)


def _issue_window(ctx: Ctx, plan: Plan) -> tuple[date, date] | None:
    birth = plan.person.birth
    lo = max(birth + timedelta(days=30), CARDS_FROM)
    hi = (plan.death or ctx.span.as_of) - timedelta(days=30)
    return (lo, hi) if lo < hi else None


def _day(ctx: Ctx, lo: date, hi: date) -> date:
    return lo + timedelta(days=ctx.rng.randrange((hi - lo).days + 1))


def card(ctx: Ctx, plan: Plan, ordinal: int, status: str, issued_on: date) -> Card:
    """Card number ``ordinal`` (0–3) of the person, issued in their hukou county."""
    number = ctx.codes.card_number(plan.person.index, ordinal)
    return Card(number, plan.person.hukou, status, issued_on)


def background_cards(ctx: Ctx, plan: Plan, *, needs_active: bool) -> list[Card]:
    """Cards over time; ``needs_active``: the person is insured or paid a benefit."""
    rng = ctx.rng
    window = _issue_window(ctx, plan)
    if window is None or (not needs_active and rng.random() < 0.08):
        return []
    first = _day(ctx, window[0], window[1])
    roll = rng.random()
    if roll < 0.02 and not needs_active:
        return [card(ctx, plan, 0, "temporary_loss", first)]
    later = first + timedelta(days=200)
    cards = []
    if roll < 0.10 and later < window[1]:
        cards.append(card(ctx, plan, 0, "replaced" if roll < 0.07 else "lost", first))
        first = _day(ctx, later, window[1])
    cards.append(card(ctx, plan, len(cards), "active", first))
    if plan.death is not None:
        cards[-1].status = "cancelled"
    return cards
