"""The one clock: timezone-aware, Asia/Shanghai.

Every ``now``/``today`` in the platform comes from here so that tests can move
time (``clock.frozen``) and no naive datetime slips in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
_frozen: list[datetime] = []


def now() -> datetime:
    if _frozen:
        return _frozen[-1]
    return datetime.now(tz=SHANGHAI)


def today() -> date:
    return now().date()


def localise(moment: datetime) -> datetime:
    """An aware datetime in Shanghai time; naive input is refused."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: attach a timezone first")
    return moment.astimezone(SHANGHAI)


@contextlib.contextmanager
def frozen(moment: datetime) -> Iterator[datetime]:
    """Stop the clock at ``moment`` (aware) inside the block."""
    _frozen.append(localise(moment))
    try:
        yield _frozen[-1]
    finally:
        _frozen.pop()
