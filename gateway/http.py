"""GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with JSON, GET for queries only, both
`application/json` and `application/graphql-response+json` responses with the spec's status codes.

Every GraphQL request carries a bearer JWT; the viewer is read from the graph for each request. The one
exception: a request with no Authorization header at all whose operation selects only the schema's public root
fields (`schema.shared.admission.public`: a partner application and its form) runs as the anonymous viewer;
any other request without a token is refused with 401, as always (docs/APPLICATIONS.md).
Sizes are capped before any work (body, query string, token), and every failure answers JSON.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

import orjson
import strawberry
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, parse
from neo4j.exceptions import ConnectionPoolError, DriverError, Neo4jError, ServiceUnavailable
from opentelemetry import propagate
from opentelemetry.trace import SpanKind, StatusCode, Tracer, get_current_span
from starlette.requests import Request
from starlette.responses import Response
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from auth.personas import Persona
from auth.tokens import InvalidToken, TokenVerifier, VerifiedToken
from auth.viewer import ANONYMOUS, UnknownViewer, Viewer
from gateway import bookmarks, logs
from gateway.documents import DocumentRefused, DocumentStore
from gateway.metrics import GatewayMetrics
from gateway.playground import render_playground
from gateway.settings import Settings
from graph.partners import reads as partners_reads
from graph.partners.records import IdentityRecord
from graph.shared import tracing
from graph.shared.client import CypherStats, GraphClient
from resolvers.loaders import Loaders
from resolvers.shared.clock import Clock, SystemClock
from resolvers.shared.context import BusinessRules, PageLimits, RequestContext, WebhookRules
from resolvers.shared.errors import PublicError
from resolvers.shared.languages import ENGLISH_ONLY, Languages, accept_language
from resolvers.shared.rate_limits import SubmissionLimits
from schema.shared.admission import public_root_fields
from schema.shared.languages import requested_locale

log = logging.getLogger("partnergraph.http")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
DEBUG_HEADER = "x-partnergraph-debug"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# orjson refuses JSON nested deeper than this by itself, without recursion (json.loads hit Python's recursion
# limit at 1,000 levels). Variables are held to far less before they are coerced (schema/shared/admission.py).
MAX_JSON_DEPTH = 1024
UNAVAILABLE = ("SERVICE_UNAVAILABLE", "TIMEOUT")
INVALID_BOOKMARK = "INVALID_BOOKMARK"
RETRY_AFTER_SECONDS = "5"


class HTTPProblem(Exception):
    """A request refused before GraphQL runs: status, message, an `extensions.code` and optional headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None, code: str | None = None,
                 limit: bool = False):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}
        self.code = code
        self.limit = limit  # a size limit: counted by its code in the limit rejections metric


def failure_code(exc: BaseException) -> str:
    """What a client is told about a failure that is not its own: TIMEOUT, SERVICE_UNAVAILABLE or INTERNAL.

    The one classification for the viewer lookup, masked resolver errors and the metrics."""
    if isinstance(exc, Neo4jError) and "TransactionTimedOut" in (exc.code or ""):
        return "TIMEOUT"
    if isinstance(exc, (ServiceUnavailable, ConnectionPoolError)) or (
            isinstance(exc, (Neo4jError, DriverError)) and exc.is_retryable()):
        return "SERVICE_UNAVAILABLE"  # unreachable, restarting, pool exhausted, transient (deadlock, leader change)
    return "INTERNAL"


def neo4j_error_name(exc: BaseException) -> str | None:
    """The server's status code of a Neo4j error, the class name of a driver error, else None."""
    if isinstance(exc, Neo4jError):
        return exc.code or type(exc).__name__
    if isinstance(exc, DriverError):
        return type(exc).__name__
    return None


@dataclass
class Exchange:
    """What one request turned out to be, for its log lines and metrics."""

    request_id: str
    stats: CypherStats = field(default_factory=CypherStats)
    operation: str | None = None
    persona: str | None = None
    outcome: str = "ok"
    executed: bool = False
    locale: str | None = None  # the language its messages are told in (docs/LANGUAGES.md)


@dataclass
class GraphQLEndpoint:
    settings: Settings
    schema: strawberry.Schema
    graph: GraphClient
    verifier: TokenVerifier
    clock: Clock = field(default_factory=SystemClock)
    metrics: GatewayMetrics = field(default_factory=GatewayMetrics)
    documents: DocumentStore = field(default_factory=lambda: DocumentStore(None, 0))
    webhooks: WebhookRules = field(default_factory=WebhookRules)
    languages: Languages = ENGLISH_ONLY
    tracer: Tracer | None = None  # tracing on: a span per request, and the spans below it (gateway/tracing.py)
    submissions: SubmissionLimits = field(init=False)
    public_fields: dict[str, frozenset[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.submissions = SubmissionLimits(self.settings.applications_per_address,
                                            self.settings.applications_per_email,
                                            self.settings.applications_window_seconds)
        self.public_fields = public_root_fields(self.schema._schema)

    async def handle(self, request: Request) -> Response:
        request_id = request_id_of(request)
        if request.method == "GET" and _wants_html(request):
            return render_playground(self.settings)
        started = time.perf_counter()
        exchange = Exchange(request_id)
        logs.bind(request_id=request_id)
        if self.tracer is None:
            response = await self._answer(request, exchange)
        else:
            response = await self._traced(request, exchange)
        self.metrics.observe(exchange.operation, exchange.executed, exchange.outcome,
                             time.perf_counter() - started, exchange.stats)
        return response

    async def _traced(self, request: Request, exchange: Exchange) -> Response:
        """The request's span (a child of the caller's, given a W3C `traceparent`), named by the operation's
        metric label (a bounded set of names), with the outcome the metrics count."""
        assert self.tracer is not None
        with tracing.span(self.tracer, "graphql", SpanKind.SERVER, propagate.extract(request.headers),
                          {"http.request.method": request.method, "partnergraph.request_id": exchange.request_id}
                          ) as span:
            response = await self._answer(request, exchange)
            operation = self.metrics.operations.label(exchange.operation, exchange.executed)
            span.update_name(f"graphql {operation}")
            span.set_attributes({"graphql.operation.name": operation, "partnergraph.outcome": exchange.outcome,
                                 "partnergraph.cypher.round_trips": exchange.stats.round_trips,
                                 "http.response.status_code": response.status_code})
            if exchange.persona:
                span.set_attribute("partnergraph.persona", exchange.persona)
        return response

    async def _answer(self, request: Request, exchange: Exchange) -> Response:
        media_type = JSON
        try:
            requested = accept_language(request.headers.get("accept-language"))
            exchange.locale = self.languages.negotiate(requested)
            media_type = _negotiate(request)
            params = await _read_params(request, self.settings.max_body_bytes)
            exchange.operation = params.get("operationName")
            logs.bind(operation=exchange.operation)
            try:
                given = bookmarks.received(request.headers, params)
            except bookmarks.BadBookmark as bad:
                raise HTTPProblem(400, str(bad), code=INVALID_BOOKMARK) from bad
            session = self.graph.session(exchange.stats, bookmarks=given, tracer=self.tracer)
            identity: IdentityRecord | None = None
            if _has_authorization(request):
                viewer, identity = await self.viewer(request, session)
            elif given:  # the anonymous are given no bookmark (see `_execute`)
                raise HTTPProblem(400, "a request without a token takes no bookmark", code=INVALID_BOOKMARK)
            else:
                viewer = self.anonymous(params)
            exchange.persona = viewer.persona.value
            logs.bind(persona=exchange.persona)
            try:  # after the viewer: only an authenticated client registers a document
                params["query"] = self.documents.document(params)
            except DocumentRefused as refused:
                raise HTTPProblem(refused.status, str(refused), code=refused.code) from refused
            viewer = self.localized(viewer, identity, [
                *filter(None, [requested_locale(params, self.settings.max_tokens)]), *requested])
            exchange.locale = viewer.locale
            return await self._execute(request, params, viewer, identity, session, exchange, media_type)
        except HTTPProblem as problem:
            exchange.outcome = _outcome_of(problem.status)
            if problem.limit:
                self.metrics.rejected(problem.code)
            log.info("refused with %s: %s", problem.status, problem)
            return problem_response(problem, media_type, exchange.request_id,
                                    self.languages.translate(str(problem), exchange.locale))
        except Exception as exc:  # noqa: BLE001 - whatever failed, the client gets JSON with a code
            code = self.failure(exc, f"request {exchange.request_id} failed before execution")
            status = 503 if code in UNAVAILABLE else 500
            exchange.outcome = _outcome_of(status)
            problem = HTTPProblem(status, "the partner graph is unavailable; retry shortly" if status == 503
                                  else "Internal server error",
                                  {"retry-after": RETRY_AFTER_SECONDS} if status == 503 else None, code)
            return problem_response(problem, media_type, exchange.request_id,
                                    self.languages.translate(str(problem), exchange.locale))

    def failure(self, exc: BaseException, what: str) -> str:
        """Classify, count and log a failure that is not the client's; the code the client gets."""
        code = failure_code(exc)
        neo4j_error = neo4j_error_name(exc)
        span = get_current_span()  # the request's, when traced: the failure by its type and code, never its message
        if span.is_recording():
            span.add_event("exception", {"exception.type": type(exc).__qualname__, "partnergraph.code": code})
            span.set_status(StatusCode.ERROR, code)
        if neo4j_error:
            self.metrics.neo4j_error(code, neo4j_error)
        if code == "INTERNAL":
            log.error("%s: %s", what, type(exc).__name__, exc_info=exc)
        else:  # the database's state, not a bug: one line
            log.error("%s: %s (%s): %s", what, code, neo4j_error, exc)
        return code

    def anonymous(self, params: dict[str, Any]) -> Viewer:
        """The anonymous viewer for a request without an Authorization header whose document is sent as text (no
        persisted-query hash: nothing registers) and whose operation selects only public root fields, every one
        by name (no fragment at the root, no `__typename`); any other such request is refused with the 401 every
        request without a token got before. Parsing stops at the token limit; every other limit applies later,
        before execution, as for any request."""
        query = params.get("query")
        if isinstance(query, str) and not (params.get("extensions") or {}).get("persistedQuery"):
            try:
                document = parse(query, max_tokens=self.settings.max_tokens)
            except GraphQLError:
                document = None
            if document is not None and _public_only(document.definitions, params.get("operationName"),
                                                     self.public_fields):
                return ANONYMOUS
        raise _unauthorized("a bearer token is required", error=None)

    async def viewer(self, request: Request, session: Any) -> tuple[Viewer, IdentityRecord]:
        """The request's viewer from its bearer token (HTTPProblem 401 when there is none): every authenticated
        endpoint's one check (/graphql, /export/...)."""
        token = _bearer_token(request, self.settings.max_token_bytes)
        viewer, identity, _ = await self.viewer_of_token(token, session)
        return viewer, identity

    async def viewer_of_token(self, token: str, session: Any) -> tuple[Viewer, IdentityRecord, VerifiedToken]:
        """The viewer a bearer token names, read from the graph now (HTTPProblem 401 when it names nobody with a
        role); a failure to read answers 503/500 through the caller's classification."""
        try:
            verified = await self.verifier.verify(token)
        except InvalidToken as exc:
            raise _unauthorized(str(exc)) from exc
        viewer, identity = await self.viewer_of_person(verified.subject, session)
        return viewer, identity, verified

    async def viewer_of_person(self, person_id: str, session: Any) -> tuple[Viewer, IdentityRecord]:
        try:
            identity = await partners_reads.identity(session, person_id)
        except Neo4jError as exc:
            # The request's first transaction: Neo4j checks the client's bookmark here, once for the whole request.
            if "InvalidBookmark" not in (exc.code or ""):
                raise
            raise HTTPProblem(400, "the partner graph refused the bookmark; send the last one this gateway returned "
                              "unchanged", code=INVALID_BOOKMARK) from exc
        if identity is None:
            raise _unauthorized("the token names no known person")
        try:
            return Viewer.from_roles(**identity.roles()), identity
        except UnknownViewer as exc:
            raise _unauthorized("the token names a person without a role") from exc

    def localized(self, viewer: Viewer, identity: IdentityRecord | None, requested: list[str]) -> Viewer:
        """The viewer reading in the request's language: the first of `requested` (the `@locale` directive's, then
        `Accept-Language`'s) the gateway supports, else the viewer's preferred languages, else the default."""
        preferred = identity.preferred_languages if identity is not None else ()
        return replace(viewer, locale=self.languages.choose(requested, preferred))

    def request_context(self, viewer: Viewer, session: Any, request_id: str,
                        client_address: str | None = None) -> RequestContext:
        """A request's context (a subscription's lives as long as its socket)."""
        return RequestContext(
            viewer=viewer,
            graph=session,
            page_limits=PageLimits(self.settings.default_page_size, self.settings.max_page_size),
            request_id=request_id,
            make_loaders=Loaders,
            clock=self.clock,
            rules=BusinessRules(self.settings.deal_protection_days, self.settings.deal_review_days,
                                self.settings.case_reopen_days,
                                self.settings.relationship_managers_review_applications,
                                self.settings.relationship_managers_approve_funds),
            webhooks=self.webhooks,
            submissions=self.submissions,
            client_address=client_address,
            languages=self.languages,
        )

    async def _execute(self, request: Request, params: dict[str, Any], viewer: Viewer,
                       identity: IdentityRecord | None, session: Any, exchange: Exchange,
                       media_type: str) -> Response:
        request_id = exchange.request_id
        context = self.request_context(viewer, session, request_id, request.client.host if request.client else None)
        if identity is not None:
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
            if exc.operation_type is OperationType.SUBSCRIPTION:
                raise HTTPProblem(400, "subscriptions are not supported over HTTP; send queries and mutations",
                                  code="UNSUPPORTED_OPERATION") from exc
            raise HTTPProblem(405, "GET requests may only run queries; send mutations with POST",
                              {"allow": "POST"}, code="UNSUPPORTED_OPERATION") from exc
        except MissingQueryError as exc:
            raise HTTPProblem(400, "the request has no GraphQL query", code="BAD_REQUEST") from exc
        except CannotGetOperationTypeError as exc:
            raise HTTPProblem(400, "`operationName` names no operation in the document", code="BAD_REQUEST") from exc

        body: dict[str, Any] = {}
        # Errors without a path stopped the request before execution (parse, validation, limits):
        # no `data` entry, and 400 under the new media type; `application/json` keeps 200 for any
        # well-formed request, as the spec says. Once execution ran, `data` is there, even if null.
        request_error = result.data is None and bool(result.errors) and all(e.path is None for e in result.errors)
        exchange.executed = not request_error
        if result.errors:
            body["errors"] = [self.public_error(error, request_id, viewer.locale) for error in result.errors]
            exchange.outcome = "rejected" if request_error else "errors"
        if not request_error:
            body["data"] = result.data
        status = 400 if request_error and media_type == GRAPHQL_RESPONSE else 200
        if self.settings.debug or request.headers.get(DEBUG_HEADER) == "1":
            stats = exchange.stats
            body["extensions"] = {
                "requestId": request_id,
                "cypher": {"roundTrips": stats.round_trips, "milliseconds": round(stats.seconds * 1000, 3),
                           "compiled": context.compiled_read},
            }
        headers = {"x-request-id": request_id}
        # The client's bookmark, or its write's: what its next request, through any gateway, sends back. None for
        # the anonymous: they read nothing back, and a bookmark (a transaction id) told with each application would
        # tell a duplicate from a fresh one by whether, and how far, the database moved.
        if viewer.persona is not Persona.ANONYMOUS and (bookmark := bookmarks.token(session.bookmarks)):
            headers[bookmarks.HEADER] = bookmark
            body.setdefault("extensions", {})["bookmark"] = bookmark
        return json_response(body, status, media_type, headers)

    def public_error(self, error: GraphQLError, request_id: str, locale: str | None = None) -> dict[str, Any]:
        """Client-safe errors pass (logged as one line, in English) with their message in `locale` when the catalogs
        have it (codes never change); anything else is classified, logged and masked."""
        original = error.original_error
        if error.path is None and (original is None or isinstance(original, GraphQLError)):
            # Parse, validation and limit errors: about the request itself.
            formatted = error.formatted
            code = (formatted.get("extensions") or {}).get("code")
            if code:
                self.metrics.rejected(code)
                formatted["message"] = self.languages.translate(error.message, locale)  # ours: limits and sizes
            log.info("request error%s: %s", f" {code}" if code else "", error.message)
            return formatted
        if isinstance(original, PublicError):
            log.info("client error %s at %s: %s", original.code, _path(error), error.message)
            formatted = error.formatted
            formatted["message"] = self.languages.translate(error.message, locale)
            formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": original.code}
            return formatted
        code = self.failure(original or error, f"request {request_id}: error at {_path(error)}")
        masked: dict[str, Any] = {
            "message": self.languages.translate("Internal server error", locale),
            "extensions": {"code": code, "requestId": request_id},
        }
        if error.path:
            masked["path"] = error.path
        if error.locations:
            masked["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
        return masked


def request_id_of(request: Request) -> str:
    """The caller's `X-Request-Id`, kept for tracing only when it cannot forge log lines; else a new one."""
    offered = request.headers.get("x-request-id", "")
    return offered if _REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


def json_response(body: Any, status: int, media_type: str, headers: dict[str, str]) -> Response:
    # orjson: the same compact UTF-8 JSON as Starlette's JSONResponse, several times faster on large pages.
    return Response(orjson.dumps(body), status, headers=headers, media_type=media_type)


def problem_response(problem: HTTPProblem, media_type: str, request_id: str, message: str | None = None) -> Response:
    """The JSON answer to a refusal before GraphQL ran; `message` is the problem's in the request's language."""
    error: dict[str, Any] = {"message": message or str(problem)}
    if problem.code:
        error["extensions"] = {"code": problem.code}
        if problem.status >= 500:
            error["extensions"]["requestId"] = request_id
    return json_response({"errors": [error]}, problem.status, media_type,
                         {**problem.headers, "x-request-id": request_id})


def _outcome_of(status: int) -> str:
    return {401: "unauthorized", 503: "unavailable"}.get(status, "internal" if status >= 500 else "rejected")


def _path(error: GraphQLError) -> str:
    return ".".join(str(part) for part in error.path or ()) or "-"


def _unauthorized(description: str, error: str | None = "invalid_token", code: str = "UNAUTHENTICATED",
                  limit: bool = False) -> HTTPProblem:
    challenge = 'Bearer realm="partnergraph"'
    if error:
        challenge += f', error="{error}", error_description="{description}"'
    return HTTPProblem(401, description, {"www-authenticate": challenge}, code=code, limit=limit)


def _has_authorization(request: Request) -> bool:
    return any(name == b"authorization" for name, _ in request.scope["headers"])


def _public_only(definitions: Any, operation_name: Any, public: dict[str, frozenset[str]]) -> bool:
    """Whether the operation a request runs selects only public root fields of its kind, each by name."""
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        chosen = operations[0] if len(operations) == 1 else None
    else:
        chosen = next((o for o in operations if o.name is not None and o.name.value == operation_name), None)
    if chosen is None:
        return False
    allowed = public.get(chosen.operation.value, frozenset())
    selections = chosen.selection_set.selections
    return bool(selections) and all(isinstance(s, FieldNode) and s.name.value in allowed for s in selections)


def _bearer_token(request: Request, max_bytes: int) -> str:
    """The bearer token, refused by its raw size first: a 64 MiB header cost seconds to decode and verify."""
    raw = next((value for name, value in request.scope["headers"] if name == b"authorization"), b"")
    if len(raw) > max_bytes + len(b"Bearer "):
        raise _unauthorized(f"the token is longer than {max_bytes} bytes", code="TOKEN_TOO_LONG", limit=True)
    scheme, _, token = raw.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("a bearer token is required", error=None)
    return token.strip()


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
    raise HTTPProblem(406, f"responses are {GRAPHQL_RESPONSE} or {JSON}", code="NOT_ACCEPTABLE")


def _too_large(status: int, what: str, max_bytes: int) -> HTTPProblem:
    return HTTPProblem(status, f"{what} is larger than {max_bytes} bytes", code="REQUEST_TOO_LARGE", limit=True)


async def _read_body(request: Request, max_bytes: int) -> bytes:
    """The body, read no further than `max_bytes` (a declared Content-Length over it is refused unread)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(413, "the body", max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise _too_large(413, "the body", max_bytes)
    return bytes(body)


def _parse_json(text: str | bytes, what: str) -> Any:
    try:
        value = orjson.loads(text)  # refuses nesting beyond 1,024 levels by itself
    except (orjson.JSONDecodeError, RecursionError) as exc:
        if isinstance(exc, RecursionError) or "depth limit" in str(exc):  # orjson: "depth limit exceeded"
            raise _too_deep(what) from exc
        raise HTTPProblem(400, f"{what} is not valid JSON", code="BAD_REQUEST") from exc
    return value


def _too_deep(what: str) -> HTTPProblem:
    return HTTPProblem(400, f"{what} nests deeper than {MAX_JSON_DEPTH} levels", code="BAD_REQUEST")


async def _read_params(request: Request, max_bytes: int) -> dict[str, Any]:
    if request.method == "GET":
        if len(request.scope.get("query_string", b"")) > max_bytes:
            raise _too_large(414, "the query string", max_bytes)
        params: dict[str, Any] = dict(request.query_params)
        for key in ("variables", "extensions"):
            if params.get(key):
                params[key] = _parse_json(params[key], f"`{key}`")
    else:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != JSON:
            raise HTTPProblem(415, "POST a JSON body with Content-Type: application/json", code="BAD_REQUEST")
        params = _parse_json(await _read_body(request, max_bytes), "the body")
        if isinstance(params, list):
            raise HTTPProblem(400, "operation batching is not supported; send one operation per request",
                              code="BAD_REQUEST")
    if not isinstance(params, dict):
        raise HTTPProblem(400, "the body must be a JSON object", code="BAD_REQUEST")
    if params.get("variables") is not None and not isinstance(params["variables"], dict):
        raise HTTPProblem(400, "`variables` must be an object", code="BAD_REQUEST")
    if params.get("operationName") is not None and not isinstance(params["operationName"], str):
        raise HTTPProblem(400, "`operationName` must be a string", code="BAD_REQUEST")
    if params.get("extensions") is not None and not isinstance(params["extensions"], dict):
        raise HTTPProblem(400, "`extensions` must be an object", code="BAD_REQUEST")
    return params
