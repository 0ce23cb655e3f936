"""The one clock: aware, Asia/Shanghai, freezable."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hrss.core import clock


def test_now_is_aware_shanghai_time() -> None:
    moment = clock.now()
    assert moment.tzinfo is not None
    assert moment.utcoffset() == timedelta(hours=8)
    assert str(moment.tzinfo) == "Asia/Shanghai"
    assert abs(moment - datetime.now(tz=UTC)) < timedelta(minutes=1)


def test_frozen_stops_the_clock_and_restores_it() -> None:
    moment = datetime(2025, 10, 1, 9, 30, tzinfo=clock.SHANGHAI)
    with clock.frozen(moment) as held:
        assert held == moment
        assert clock.now() == moment
        assert clock.now() == moment  # it does not move
        assert clock.today() == date(2025, 10, 1)
    assert clock.now() != moment
    assert clock.now().year >= 2025


def test_frozen_converts_to_shanghai_so_today_is_the_local_date() -> None:
    # 17:00 UTC on 30 September is 01:00 on 1 October in Shanghai
    with clock.frozen(datetime(2025, 9, 30, 17, 0, tzinfo=UTC)) as held:
        assert held.utcoffset() == timedelta(hours=8)
        assert clock.now().hour == 1
        assert clock.today() == date(2025, 10, 1)


def test_frozen_blocks_nest() -> None:
    outer = datetime(2024, 1, 1, tzinfo=clock.SHANGHAI)
    inner = datetime(2024, 6, 1, tzinfo=clock.SHANGHAI)
    with clock.frozen(outer):
        with clock.frozen(inner):
            assert clock.today() == date(2024, 6, 1)
        assert clock.today() == date(2024, 1, 1)


def test_frozen_is_released_when_the_block_raises() -> None:
    moment = datetime(2000, 1, 1, tzinfo=clock.SHANGHAI)
    with pytest.raises(RuntimeError), clock.frozen(moment):
        raise RuntimeError("boom")
    assert clock.today() != date(2000, 1, 1)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        clock.localise(datetime(2025, 1, 1, 12, 0))
    with pytest.raises(ValueError, match="naive"), clock.frozen(datetime(2025, 1, 1)):
        pass


def test_localise_keeps_the_instant() -> None:
    utc_noon = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    local = clock.localise(utc_noon)
    assert local == utc_noon
    assert local.hour == 20
