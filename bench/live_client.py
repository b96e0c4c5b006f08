"""A small graphql-transport-ws client over `websockets`: what the subscription tests and bench.subscriptions use
to talk to the gateway the way a portal's GraphQL client does."""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

PROTOCOL = Subprotocol("graphql-transport-ws")
WAIT_SECONDS = 60.0  # a deadline against a hung test, never a measurement


class LiveClosed(Exception):
    """The gateway closed the socket: its close code and reason."""

    def __init__(self, code: int | None, reason: str):
        super().__init__(f"closed with {code}: {reason}")
        self.code = code
        self.reason = reason


class LiveClient:
    def __init__(self, socket: ClientConnection):
        self.socket = socket
        self._ids = itertools.count(1)
        self._queues: dict[str, asyncio.Queue] = defaultdict(asyncio.Queue)
        self._reader = asyncio.create_task(self._read())

    @classmethod
    @asynccontextmanager
    async def connect(cls, url: str, token: str | None, payload: Any = None) -> AsyncIterator[LiveClient]:
        """A socket past `connection_init` (with the bearer token, or `payload` as given); LiveClosed if refused."""
        init = payload if payload is not None else {"Authorization": f"Bearer {token}"}
        async with connect(url, subprotocols=[PROTOCOL], max_size=None) as socket:
            await socket.send(orjson.dumps({"type": "connection_init", "payload": init}).decode())
            try:
                ack = orjson.loads(await asyncio.wait_for(socket.recv(), WAIT_SECONDS))
            except ConnectionClosed as closed:
                raise _closed(socket) from closed
            assert ack["type"] == "connection_ack", ack
            client = cls(socket)
            try:
                yield client
            finally:
                client._reader.cancel()
                with suppress(asyncio.CancelledError):
                    await client._reader

    async def _read(self) -> None:
        try:
            async for text in self.socket:
                message = orjson.loads(text)
                if "id" in message:
                    self._queues[message["id"]].put_nowait(message)
        except ConnectionClosed:
            pass
        for queue in list(self._queues.values()):
            queue.put_nowait(None)  # wakes whoever waits: the socket is gone

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        operation = str(next(self._ids))
        _ = self._queues[operation]  # registered before any message of it can arrive
        await self.socket.send(orjson.dumps({"id": operation, "type": "subscribe",
                                             "payload": {"query": query, "variables": variables or {}}}).decode())
        return operation

    async def message(self, operation: str, wait: float = WAIT_SECONDS) -> dict[str, Any]:
        """The next message of an operation (`next`, `error` or `complete`); LiveClosed once the socket is gone."""
        message = await asyncio.wait_for(self._queues[operation].get(), wait)
        if message is None:
            self._queues[operation].put_nowait(None)
            raise _closed(self.socket)
        return message

    async def data(self, operation: str) -> dict[str, Any]:
        """The data of the operation's next event, which must have come without errors."""
        message = await self.message(operation)
        assert message["type"] == "next" and "errors" not in message["payload"], message
        return message["payload"]["data"]

    async def complete(self, operation: str) -> None:
        await self.socket.send(orjson.dumps({"id": operation, "type": "complete"}).decode())

    async def closed(self, wait: float = WAIT_SECONDS) -> LiveClosed:
        """Wait for the gateway to close the socket; how it closed it."""
        await asyncio.wait_for(self.socket.wait_closed(), wait)
        return _closed(self.socket)


def _closed(socket: ClientConnection) -> LiveClosed:
    return LiveClosed(socket.close_code, socket.close_reason or "")
