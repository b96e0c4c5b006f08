"""One POST of a delivery: the URL checked again after DNS resolution, the body signed, no redirect followed,
the whole exchange bounded by the timeout; only the status code is read, never the receiver's body."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from gateway.webhooks.bodies import headers
from graph.webhooks.records import DeliveryRecord
from resolvers.shared.endpoints import resolved_problem

MAX_ERROR_LENGTH = 500


@dataclass(frozen=True)
class Answer:
    """What one POST got: the status code (None when none came) and, unless it was 2xx, why it failed."""

    response_code: int | None
    error: str | None
    milliseconds: int


class Sender:
    def __init__(self, http: httpx.AsyncClient, timeout: float, local_endpoints: bool):
        self.http = http
        self.timeout = timeout
        self.local_endpoints = local_endpoints

    async def post(self, url: str, delivery: DeliveryRecord, secret: str) -> Answer:
        started = time.perf_counter()
        code, error = await self._exchange(url, delivery, secret)
        return Answer(code, error[:MAX_ERROR_LENGTH] if error else None,
                      round((time.perf_counter() - started) * 1000))

    async def _exchange(self, url: str, delivery: DeliveryRecord, secret: str) -> tuple[int | None, str | None]:
        # Checked at registration too, but DNS may have changed since: every resolved address must be public.
        problem = await resolved_problem(url, self.local_endpoints)
        if problem:
            return None, f"refused: {problem}"
        body = delivery.body.encode()
        sent = headers(delivery.id, f"{delivery.entity_type}.{delivery.operation}", secret, body, int(time.time()))
        try:
            async with asyncio.timeout(self.timeout):  # httpx's timeouts are per read; a trickling answer is not
                async with self.http.stream("POST", url, content=body, headers=sent) as response:
                    code = response.status_code
        except TimeoutError:
            return None, f"no answer within {self.timeout:g} s"
        except httpx.TimeoutException:
            return None, f"no answer within {self.timeout:g} s"
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"
        return code, None if 200 <= code < 300 else f"HTTP {code}"
