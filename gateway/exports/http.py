"""`GET /export/lineages` and `GET /export/changes`: a bulk export streamed as it is read from Neo4j, with the
viewer's visibility, authenticated exactly as /graphql is (the same bearer token check and viewer lookup).

Query parameters `format` (ndjson, csv, parquet), `since` (a change seq) and `currency` (lineages) are checked
before any Cypher runs (400 JSON); a missing or bad token is 401 as on /graphql; a Neo4j failure before the first
byte is 503 or 500 JSON. The response carries `X-Change-Seq`, the change seq the export is consistent with.
A failure once the body has started cuts the response short (an incomplete chunked body, never a success)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from gateway import logs
from gateway.exports import exporter
from gateway.exports.columns import LAYOUTS
from gateway.exports.exporter import Export, ExportExpired, ExportRefused, ExportRequest
from gateway.http import (
    JSON,
    RETRY_AFTER_SECONDS,
    UNAVAILABLE,
    GraphQLEndpoint,
    HTTPProblem,
    problem_response,
    request_id_of,
)

log = logging.getLogger("partnergraph.exports")
PARAMETERS = ("format", "since", "currency")
MAX_QUERY_STRING = 2048  # three short parameters; anything longer is not an export request


@dataclass
class ExportRoutes:
    """The export routes of a gateway; `graphql` lends its authentication and failure handling."""

    graphql: GraphQLEndpoint

    def routes(self) -> list[Route]:
        return [Route(f"/export/{name}", self._endpoint(name), methods=["GET"]) for name in LAYOUTS]

    def _endpoint(self, name: str):
        async def endpoint(request: Request) -> Response:
            return await self.handle(name, request)

        return endpoint

    async def handle(self, name: str, request: Request) -> Response:
        request_id = request_id_of(request)
        logs.bind(request_id=request_id, operation=f"export {name}")
        try:
            asked = _export_request(name, request)
            session = self.graphql.graph.session()
            viewer, _ = await self.graphql.viewer(request, session)
            logs.bind(persona=viewer.persona.value)
            export = await exporter.start(session, asked, viewer.scope)
        except ExportExpired as exc:
            log.info("export refused with 410: %s", exc)
            return problem_response(HTTPProblem(410, str(exc), code="CURSOR_EXPIRED"), JSON, request_id)
        except HTTPProblem as problem:
            log.info("export refused with %s: %s", problem.status, problem)
            return problem_response(problem, JSON, request_id)
        except Exception as exc:  # noqa: BLE001 - as on /graphql: the client gets JSON with a code
            code = self.graphql.failure(exc, f"export {request_id} failed before its first batch")
            unavailable = code in UNAVAILABLE
            return problem_response(HTTPProblem(
                503 if unavailable else 500,
                "the partner graph is unavailable; retry shortly" if unavailable else "Internal server error",
                {"retry-after": RETRY_AFTER_SECONDS} if unavailable else None, code), JSON, request_id)
        suffix = asked.format.value
        headers = {"x-change-seq": str(export.change_seq), "x-request-id": request_id,
                   "content-disposition": f'attachment; filename="{name}-{export.change_seq}.{suffix}"'}
        return StreamingResponse(self._body(export, request_id), media_type=asked.format.media_type,
                                 headers=headers)

    async def _body(self, export: Export, request_id: str):
        try:
            async for chunk in export.chunks():
                if chunk:
                    yield chunk
        except Exception as exc:
            self.graphql.failure(exc, f"export {request_id} failed after {export.rows} rows; the response is cut")
            raise
        log.info("exported %s %s rows (%s) consistent with change seq %s", export.rows,
                 export.request.layout.name, export.request.format.value, export.change_seq)


def _export_request(name: str, request: Request) -> ExportRequest:
    if len(request.scope.get("query_string", b"")) > MAX_QUERY_STRING:
        raise HTTPProblem(414, f"the query string is longer than {MAX_QUERY_STRING} bytes", code="BAD_REQUEST")
    given = request.query_params.multi_items()
    names = [key for key, _ in given]
    if unknown := sorted(set(names) - set(PARAMETERS)):
        raise _bad(f"unknown query parameter(s) {', '.join(unknown)}; an export takes {', '.join(PARAMETERS)}")
    if repeated := sorted({key for key in names if names.count(key) > 1}):
        raise _bad(f"query parameter(s) given more than once: {', '.join(repeated)}")
    params = dict(given)
    try:
        return ExportRequest.parse(name, params.get("format"), params.get("since"), params.get("currency"))
    except ExportRefused as exc:
        raise _bad(str(exc)) from exc


def _bad(message: str) -> HTTPProblem:
    return HTTPProblem(400, message, code="BAD_REQUEST")
