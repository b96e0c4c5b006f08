"""How a process learns that the change log moved: the last committed seq, for whatever follows the log live
(GraphQL subscriptions).

This process's own commits tell it at once (`GraphSession` reports the seq its transaction appended); commits of
other processes (another gateway, the CLI) are found by polling `ChangeSequence.last`, and only while something
waits. A failed poll (Neo4j away) is retried at the next interval: followers wait instead of failing, and carry
on by themselves once Neo4j is back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger("partnergraph.changes")


class ChangeSignal:
    def __init__(self, read_last: Callable[[], Awaitable[int]], poll_seconds: float, live_reads: int):
        self._read_last = read_last
        self.poll_seconds = poll_seconds
        self._turns = asyncio.Semaphore(live_reads)
        self.last = 0  # the highest seq known to be committed
        self._moved = asyncio.Event()  # set, and replaced, each time `last` grows
        self._waiting = 0
        self._poller: asyncio.Task | None = None

    def committed(self, seq: int) -> None:
        """Every record up to `seq` is committed (a commit of this process, or a poll)."""
        if seq > self.last:
            self.last = seq
            moved, self._moved = self._moved, asyncio.Event()
            moved.set()

    async def beyond(self, seq: int) -> int:
        """Wait until a change after `seq` is committed; the last committed seq then."""
        self._waiting += 1
        try:
            while self.last <= seq:
                self._poll_while_waited()
                await self._moved.wait()
            return self.last
        finally:
            self._waiting -= 1

    def reading(self) -> asyncio.Semaphore:
        """A turn to read the log after it moved (`async with signal.reading():`): at most `live_reads` followers
        read at once, so the subscribers one commit wakes wait here for each other rather than on the driver's
        pool, where a wait over the connect timeout fails."""
        return self._turns

    def _poll_while_waited(self) -> None:
        if self._poller is None or self._poller.done():
            self._poller = asyncio.get_running_loop().create_task(self._poll(), name="change-signal-poll")

    async def _poll(self) -> None:
        while self._waiting:
            try:
                self.committed(await self._read_last())
            except Exception as exc:  # noqa: BLE001 - Neo4j away or slow: try again next time round
                log.debug("polling the change log's last seq failed: %r", exc)
            await asyncio.sleep(self.poll_seconds)

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
