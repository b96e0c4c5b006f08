"""Where "now" comes from. Writes and time-based rules (protection periods, SLAs, expiry) take the
time from the request's clock, so tests can set and advance it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ControlledClock:
    """A clock that stands still until moved; for tests and for replaying scenarios."""

    def __init__(self, start: datetime):
        if start.tzinfo is None:
            raise ValueError("use an aware UTC datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now


Clock = SystemClock | ControlledClock
