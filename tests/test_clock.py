"""The controlled clock that time-based rules read "now" from."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from resolvers.shared.clock import ControlledClock, SystemClock


def test_controlled_clock_stands_still_until_moved():
    clock = ControlledClock(datetime(2026, 1, 1, tzinfo=UTC))
    assert clock.now() == clock.now() == datetime(2026, 1, 1, tzinfo=UTC)
    assert clock.advance(hours=25) == datetime(2026, 1, 2, 1, tzinfo=UTC)
    clock.set(datetime(2027, 5, 5, tzinfo=UTC))
    assert clock.now().year == 2027


def test_clocks_are_utc_aware():
    assert SystemClock().now().tzinfo is UTC
    with pytest.raises(ValueError):
        ControlledClock(datetime(2026, 1, 1))
