"""Rate limits on what a request without a token may do: partner applications, counted per client address and
per e-mail in a moving window (the `limits` library, in this process's memory), before any Cypher runs."""

from __future__ import annotations

from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class SubmissionLimits:
    """At most `per_address` submissions from one client address and `per_email` for one e-mail address in any
    `window_seconds`. A refused attempt is not counted."""

    def __init__(self, per_address: int, per_email: int, window_seconds: int):
        self.window_seconds = window_seconds
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._address = RateLimitItemPerSecond(per_address, window_seconds, namespace="application-address")
        self._email = RateLimitItemPerSecond(per_email, window_seconds, namespace="application-email")

    def admit(self, address: str | None, email: str) -> bool:
        """Count one submission from `address` for `email`, or refuse it (False) when either is over its limit.
        Synchronous, with no await between the tests and the hits: one event loop admits one at a time."""
        address = address or "unknown"
        if not (self._limiter.test(self._address, address) and self._limiter.test(self._email, email)):
            return False
        return self._limiter.hit(self._address, address) and self._limiter.hit(self._email, email)
