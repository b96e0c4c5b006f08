"""GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with JSON, GET for queries only, both
`application/json` and `application/graphql-response+json` responses with the spec's status codes.

Every GraphQL request carries a bearer JWT; the viewer is read from the graph for each request.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import strawberry
from graphql import GraphQLError
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from auth.tokens import InvalidToken, TokenVerifier
from auth.viewer import UnknownViewer, Viewer
from gateway.playground import render_playground
from gateway.settings import Settings
from graph import people
from graph.client import CypherStats, GraphClient
from graph.records import IdentityRecord
from resolvers.clock import Clock, SystemClock
from resolvers.context import BusinessRules, PageLimits, RequestContext
from resolvers.errors import PublicError

log = logging.getLogger("partnergraph.http")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
DEBUG_HEADER = "x-partnergraph-debug"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class HTTPProblem(Exception):
    """A request refused before GraphQL runs: status, message and optional headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@dataclass
class GraphQLEndpoint:
    settings: Settings
    schema: strawberry.Schema
    graph: GraphClient
    verifier: TokenVerifier
    clock: Clock = field(default_factory=SystemClock)

    async def handle(self, request: Request) -> Response:
        offered = request.headers.get("x-request-id", "")
        # A caller's id is kept for tracing only when it cannot forge log lines.
        request_id = offered if _REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        if request.method == "GET" and _wants_html(request):
            return render_playground(self.settings)
        media_type = JSON
        try:
            media_type = _negotiate(request)
            params = await _read_params(request)
            stats = CypherStats()
            session = self.graph.session(stats)
            viewer, identity = await self._viewer(request, session)
            return await self._execute(request, params, viewer, identity, session, stats, media_type, request_id)
        except HTTPProblem as problem:
            return JSONResponse({"errors": [{"message": str(problem)}]}, problem.status,
                                headers={**problem.headers, "x-request-id": request_id},
                                media_type=media_type)

    async def _viewer(self, request: Request, session: Any) -> tuple[Viewer, IdentityRecord]:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthorized("a bearer token is required", error=None)
        try:
            subject = await self.verifier.subject(token.strip())
        except InvalidToken as exc:
            raise _unauthorized(str(exc)) from exc
        try:
            identity = await people.identity(session, subject)
        except (ServiceUnavailable, SessionExpired) as exc:
            log.error("neo4j unavailable while resolving the viewer: %s", exc)
            raise HTTPProblem(503, "the partner graph is unavailable; retry shortly", {"retry-after": "5"}) from exc
        if identity is None:
            raise _unauthorized("the token names no known person")
        try:
            return Viewer.from_roles(**identity.roles()), identity
        except UnknownViewer as exc:
            raise _unauthorized("the token names a person without a role") from exc

    async def _execute(self, request: Request, params: dict[str, Any], viewer: Viewer, identity: IdentityRecord,
                       session: Any, stats: CypherStats, media_type: str, request_id: str) -> Response:
        context = RequestContext(
            viewer=viewer,
            graph=session,
            page_limits=PageLimits(self.settings.default_page_size, self.settings.max_page_size),
            request_id=request_id,
            clock=self.clock,
            rules=BusinessRules(self.settings.deal_protection_days, self.settings.deal_review_days,
                                self.settings.case_reopen_days),
        )
        context.loaders.prime_viewer(identity)
        allowed = {OperationType.QUERY} if request.method == "GET" else {OperationType.QUERY, OperationType.MUTATION}
        try:
            result = await self.schema.execute(
                params["query"],
                variable_values=params.get("variables"),
                context_value=context,
                operation_name=params.get("operationName"),
                allowed_operation_types=allowed,
            )
        except InvalidOperationTypeError as exc:
            raise HTTPProblem(405, "GET requests may only run queries; send mutations with POST",
                              {"allow": "POST"}) from exc
        except MissingQueryError as exc:
            raise HTTPProblem(400, "the request has no GraphQL query") from exc
        except CannotGetOperationTypeError as exc:
            raise HTTPProblem(400, "`operationName` names no operation in the document") from exc

        body: dict[str, Any] = {}
        if result.errors:
            body["errors"] = [_public_error(error, request_id) for error in result.errors]
        # Errors without a path stopped the request before execution (parse, validation, limits):
        # no `data` entry, and 400 under the new media type; `application/json` keeps 200 for any
        # well-formed request, as the spec says. Once execution ran, `data` is there, even if null.
        request_error = result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)
        if not request_error:
            body["data"] = result.data
        status = 400 if request_error and media_type == GRAPHQL_RESPONSE else 200
        if self.settings.debug or request.headers.get(DEBUG_HEADER) == "1":
            body["extensions"] = {
                "requestId": request_id,
                "cypher": {"roundTrips": stats.round_trips, "milliseconds": round(stats.seconds * 1000, 3)},
            }
        return JSONResponse(body, status, media_type=media_type, headers={"x-request-id": request_id})


def _unauthorized(description: str, error: str | None = "invalid_token") -> HTTPProblem:
    challenge = 'Bearer realm="partnergraph"'
    if error:
        challenge += f', error="{error}", error_description="{description}"'
    return HTTPProblem(401, description, {"www-authenticate": challenge})


def _public_error(error: GraphQLError, request_id: str) -> dict[str, Any]:
    """Client-safe errors pass; anything else is logged with the request id and masked."""
    original = error.original_error
    if error.path is None and (original is None or isinstance(original, GraphQLError)):
        return error.formatted  # parse, validation and limit errors: about the request itself
    if isinstance(original, PublicError):
        formatted = error.formatted
        formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": original.code}
        return formatted
    log.error("request %s: internal error at %s: %s", request_id, error.path, error.message, exc_info=original)
    code = "SERVICE_UNAVAILABLE" if isinstance(original, (ServiceUnavailable, SessionExpired)) else "INTERNAL"
    if isinstance(original, Neo4jError) and original.code and "TransactionTimedOut" in original.code:
        code = "TIMEOUT"
    masked: dict[str, Any] = {
        "message": "Internal server error",
        "extensions": {"code": code, "requestId": request_id},
    }
    if error.path:
        masked["path"] = error.path
    if error.locations:
        masked["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    return masked


def _wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept and GRAPHQL_RESPONSE not in accept


def _negotiate(request: Request) -> str:
    accept = request.headers.get("accept", "").lower()
    if not accept:
        return JSON  # the spec: treat a missing Accept header as application/json
    types = [part.split(";")[0].strip() for part in accept.split(",")]
    if GRAPHQL_RESPONSE in types:
        return GRAPHQL_RESPONSE
    if JSON in types or "application/*" in types or "*/*" in types:
        return JSON
    raise HTTPProblem(406, f"responses are {GRAPHQL_RESPONSE} or {JSON}")


async def _read_params(request: Request) -> dict[str, Any]:
    if request.method == "GET":
        params: dict[str, Any] = dict(request.query_params)
        for key in ("variables", "extensions"):
            if params.get(key):
                try:
                    params[key] = json.loads(params[key])
                except ValueError as exc:
                    raise HTTPProblem(400, f"`{key}` is not valid JSON") from exc
    else:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != JSON:
            raise HTTPProblem(415, "POST a JSON body with Content-Type: application/json")
        try:
            params = json.loads(await request.body())
        except ValueError as exc:
            raise HTTPProblem(400, "the body is not valid JSON") from exc
        if isinstance(params, list):
            raise HTTPProblem(400, "operation batching is not supported; send one operation per request")
    if not isinstance(params, dict):
        raise HTTPProblem(400, "the body must be a JSON object")
    if not isinstance(params.get("query"), str) or not params["query"].strip():
        raise HTTPProblem(400, "`query` must be a non-empty string")
    if params.get("variables") is not None and not isinstance(params["variables"], dict):
        raise HTTPProblem(400, "`variables` must be an object")
    if params.get("operationName") is not None and not isinstance(params["operationName"], str):
        raise HTTPProblem(400, "`operationName` must be a string")
    return params
