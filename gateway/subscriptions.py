"""GraphQL subscriptions over WebSocket on /graphql (the graphql-transport-ws protocol, Strawberry's handler).

A socket authenticates once, in `connection_init`: its payload carries the same bearer token as an HTTP request
(`{"Authorization": "Bearer <token>"}`). The token is checked as on /graphql, and the person's viewer read from the
graph; each event is then read through the viewer's scope as the graph has it at delivery (resolvers/changes
`follow`). The socket closes with 4403 when the token expires (a client reconnects with a new token and resumes
with `after`), and so does a refused `connection_init`, with the reason in the close frame. Only subscriptions run
here: queries and mutations go over HTTP, with its caps, persisted documents and figures. Errors are classified
and masked as on HTTP.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import Counter
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import orjson
from graphql import GraphQLError
from starlette.websockets import WebSocket
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.types.graphql import OperationType

from auth.viewer import Viewer
from gateway.http import GraphQLEndpoint, HTTPProblem
from graph.shared.client import CypherStats
from resolvers.shared.context import RequestContext
from resolvers.shared.errors import PublicError
from resolvers.shared.languages import accept_language

log = logging.getLogger("partnergraph.subscriptions")

FORBIDDEN = 4403  # graphql-transport-ws: connection_init refused; also a token that expired on an open socket


@dataclass
class LiveConnection:
    """What Strawberry holds as the socket's context until `connection_init` is accepted; the socket's
    RequestContext (`request`) then serves as every operation's context."""

    websocket: WebSocket
    connection_params: Any = None
    request: RequestContext | None = None
    person_id: str | None = None
    expiry: asyncio.TimerHandle | None = None
    opened: float = field(default_factory=time.monotonic)


class SubscriptionsOnly:
    """The schema as the socket's handler sees it: subscriptions only (queries and mutations go over HTTP), and a
    limit's refusal, which the limits raise before execution, answered as the document's error (Strawberry's
    stream would let it end the operation without a word)."""

    def __init__(self, schema: BaseSchema):
        self.schema = schema

    async def stream(self, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        source = await self.schema.stream(*args, allowed_operation_types={OperationType.SUBSCRIPTION}, **kwargs)
        return _refusals_answered(source)


async def _refusals_answered(source: AsyncGenerator[Any, None]) -> AsyncIterator[Any]:
    async with aclosing(source):
        try:
            async for result in source:
                yield result
        except GraphQLError as refusal:
            yield PreExecutionError(data=None, errors=[refusal])


class LiveSocket(ASGIWebSocketAdapter):
    async def close(self, code: int, reason: str) -> None:
        # Strawberry closes a refused connection_init with "Forbidden"; say why (an expired token, a limit).
        await super().close(code, getattr(self.ws.state, "refusal", None) or reason)


class LiveHandler(BaseGraphQLTransportWSHandler):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.connection: LiveConnection = self.context  # released at shutdown, however the socket ends

    async def handle_connection_init(self, message: Any) -> None:
        await super().handle_connection_init(message)
        if self.connection_acknowledged and self.connection.request is not None:
            self.context = self.connection.request  # the operations' context from now on

    async def shutdown(self) -> None:
        await super().shutdown()
        self.view.release(self.connection)

    async def _send_result_stream(self, operation: Any, result_source: Any) -> None:
        """Strawberry's, with every execution error classified and masked as the HTTP endpoint does."""
        first = True
        async for result in result_source:
            if first and isinstance(result, PreExecutionError):
                # About the document itself (syntax, validation, a limit, an operation that is no subscription):
                # Strawberry's answer, which shows no more than the document holds.
                await self._handle_pre_execution_error(operation, result)
                return
            if not isinstance(result, ExecutionResult):
                await self._reject_incremental_delivery(operation)
                return
            payload: dict[str, Any] = {"data": result.data}
            if result.errors:
                payload["errors"] = self.view.public_errors(result.errors, self.context.request_id,
                                                            self.context.viewer.locale)
            await operation.send_operation_message({"id": operation.id, "type": "next", "payload": payload})
            first = False


class SubscriptionEndpoint(GraphQL):
    websocket_adapter_class = LiveSocket
    graphql_transport_ws_handler_class = LiveHandler

    def __init__(self, endpoint: GraphQLEndpoint):
        settings = endpoint.settings
        super().__init__(SubscriptionsOnly(endpoint.schema), graphql_ide=None,
                         subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
                         connection_init_wait_timeout=timedelta(seconds=settings.connection_init_timeout_seconds),
                         max_subscriptions_per_connection=settings.max_subscriptions_per_connection)
        self.endpoint = endpoint
        self.connections: Counter[str] = Counter()  # open sockets per person, in this process

    def decode_json(self, data: str | bytes) -> object:
        # orjson, as over HTTP: several times faster, and it refuses nesting past 1,024 levels by itself (the
        # stdlib's decoder recursed into a RecursionError); Strawberry closes the socket with 4400 then.
        return orjson.loads(data)

    def encode_json(self, data: object) -> str:
        return orjson.dumps(data).decode()  # graphql-transport-ws sends text frames

    async def get_context(self, request: Any, response: Any) -> LiveConnection:
        return LiveConnection(request)

    async def on_ws_connect(self, context: LiveConnection) -> None:
        try:
            context.request = await self._accept(context)
        except HTTPProblem as problem:
            self._refuse(context, str(problem))
        except Exception as exc:  # noqa: BLE001 - Neo4j away: refused like a request, with its code
            self._refuse(context, self.endpoint.failure(exc, "a subscription's connection_init failed"))

    def _refuse(self, context: LiveConnection, why: str) -> None:
        log.info("connection_init refused: %s", why)
        context.websocket.state.refusal = f"Forbidden: {why}"[:120]  # a close reason holds 123 bytes
        raise ConnectionRejectionError()

    async def _accept(self, context: LiveConnection) -> RequestContext:
        settings = self.endpoint.settings
        token = _token_of(context.connection_params, settings.max_token_bytes)
        session = self.endpoint.graph.session(CypherStats())
        viewer, identity, verified = await self.endpoint.viewer_of_token(token, session)
        # The socket reads in the upgrade request's Accept-Language, else the person's preferred languages.
        requested = accept_language(context.websocket.headers.get("accept-language"))
        viewer = self.endpoint.localized(viewer, identity, requested)
        person = verified.subject
        if self.connections[person] >= settings.max_connections_per_person:
            raise HTTPProblem(429, f"{settings.max_connections_per_person} connections of this person are open")
        self.connections[person] += 1
        self.endpoint.metrics.subscription_sockets.inc()
        context.person_id = person
        websocket = context.websocket

        async def identify() -> Viewer:
            try:
                return self.endpoint.localized(*await self.endpoint.viewer_of_person(person, session), requested)
            except HTTPProblem as problem:  # the person lost their role meanwhile
                raise PublicError(str(problem), "FORBIDDEN") from problem

        request = self.endpoint.request_context(viewer, session, uuid.uuid4().hex)
        request.identify = identify
        request.loaders.prime_viewer(identity)
        context.expiry = asyncio.get_running_loop().call_later(
            max(0.0, verified.expires - time.time()),
            lambda: asyncio.ensure_future(_close_expired(websocket)))
        log.info("subscription socket opened for %s (%s)", person, viewer.persona.value)
        return request

    def release(self, connection: LiveConnection) -> None:
        """A socket closed: its expiry timer and its place in its person's count go."""
        if connection.person_id is None:  # never accepted
            return
        if connection.expiry is not None:
            connection.expiry.cancel()
        self.connections[connection.person_id] -= 1
        self.endpoint.metrics.subscription_sockets.dec()
        if self.connections[connection.person_id] <= 0:
            del self.connections[connection.person_id]
        log.info("subscription socket of %s closed after %.0f s", connection.person_id,
                 time.monotonic() - connection.opened)

    def public_errors(self, errors: list[GraphQLError], request_id: str,
                      locale: str | None = None) -> list[dict[str, Any]]:
        return [self.endpoint.public_error(error, request_id, locale) for error in errors]


async def _close_expired(websocket: WebSocket) -> None:
    websocket.state.refusal = "Forbidden: token expired"
    try:
        await websocket.close(FORBIDDEN, "Forbidden: token expired")
    except RuntimeError:  # closed meanwhile
        pass


def _token_of(params: Any, max_bytes: int) -> str:
    """The bearer token of a connection_init payload: `{"Authorization": "Bearer <token>"}`, any case of the key."""
    value = next((v for k, v in params.items() if isinstance(k, str) and k.lower() == "authorization"), None) \
        if isinstance(params, dict) else None
    if not isinstance(value, str):
        raise HTTPProblem(401, 'connection_init must carry {"Authorization": "Bearer <token>"}')
    if len(value) > max_bytes + len("Bearer "):
        raise HTTPProblem(401, f"the token is longer than {max_bytes} bytes")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPProblem(401, "a bearer token is required")
    return token.strip()
