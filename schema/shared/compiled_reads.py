"""Compiled reads: the root fields of a query run as one Cypher statement (schema/shared/read_compiler.py) built
from their fields' graph mappings instead of through the resolvers, after the limits have admitted the operation.
Below a node the statement reached, a field without a mapping is answered by its resolver, for its subtree
(schema/shared/resolved_fields.py); a root field that does not compile runs through the resolvers; all in the
same request.

`PARTNERGRAPH_COMPILED_READS`: `true` (the default) answers compilable queries from the compiled statement;
`false` runs every query through the resolvers; `verify` runs both, answers the resolvers' result, and turns a
difference into an INTERNAL error (and a record in `MISMATCHES`): the test suite runs in this mode, so every read
of the suite proves the compiler gives the resolvers' exact JSON. Mutations always take the resolver path.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

import orjson
from graphql import (
    ExecutionResult,
    GraphQLBoolean,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    execute,
    get_named_type,
    type_from_ast,
)
from graphql.execution.collect_fields import FragmentDetails
from graphql.execution.values import get_variable_values
from neo4j.exceptions import DriverError, Neo4jError
from strawberry.extensions import SchemaExtension
from strawberry.utils.await_maybe import await_maybe

from graph.shared import tracing
from graph.shared.client import CypherStats, GraphSession
from schema.shared.caches import DocumentCache
from schema.shared.read_compiler import CompiledRead, NotCompilable, compile_operation
from schema.shared.read_plan import PENDING, Fallback, bind
from schema.shared.resolved_fields import resolve_pending
from schema.shared.selections import fragments_of, operation_named

log = logging.getLogger("partnergraph.compiled")

Mode = bool | Literal["verify"]
COMPILED_READ = "compiled read"  # the name of a compiled statement's span and of its round trip's
# Verify mode's findings, for the test suite to report (nothing is recorded in the other modes).
MISMATCHES: list[dict[str, Any]] = []  # differences, and compiler defects
VERIFIED: Counter[str] = Counter()  # documents whose compiled answer was identical, and how often
UNCOMPILED: Counter[str] = Counter()  # why documents took the resolver path, and how often


class ReadPlans:
    """Compiled reads by (document, operation, Boolean variables), or why one does not compile; a bounded LRU
    shared by every request."""

    def __init__(self, maxsize: int, verify: bool = False):
        self.verify = verify
        self._plans: DocumentCache[tuple, CompiledRead | NotCompilable] = DocumentCache(maxsize)

    def plan(self, key: tuple, build: Callable[[], CompiledRead]) -> CompiledRead | NotCompilable:
        return self._plans.get(key, lambda: self._built(key, build))

    def _built(self, key: tuple, build: Callable[[], CompiledRead]) -> CompiledRead | NotCompilable:
        try:
            return build()
        except NotCompilable as reason:
            return reason
        except Exception as bug:  # noqa: BLE001 - a compiler defect must not fail the request: resolvers answer
            log.exception("the read compiler failed on %s", key[0])
            if self.verify:
                MISMATCHES.append({"query": key[0], "compiler": repr(bug)})
            return NotCompilable(f"compiler error: {bug!r}")


class CompiledReads(SchemaExtension):
    def __init__(self, mode: Mode, plans: ReadPlans):
        self.mode = mode
        self.plans = plans

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        operation = operation_named(document, ctx.operation_name) if document is not None and self.mode else None
        if operation is None or operation.operation is not OperationType.QUERY:
            yield
            return
        schema = ctx.schema._schema
        variables = get_variable_values(schema, operation.variable_definitions or (), ctx.variables or {})
        if isinstance(variables, list):  # the resolver path reports them
            yield
            return
        fragments = {name: FragmentDetails(fragment) for name, fragment in fragments_of(document).items()}
        key = (ctx.query, ctx.operation_name, _booleans(schema, operation, variables.coerced))
        compiled = self.plans.plan(key, lambda: compile_operation(schema, fragments, variables, operation, document))
        if isinstance(compiled, NotCompilable):
            log.debug("resolver path: %s", compiled)
            if self.mode == "verify":
                UNCOMPILED[str(compiled)] += 1
            yield
            return
        if self.mode == "verify":
            UNCOMPILED.update(f"resolved below a node: {reason}" for reason in compiled.resolved)
        context = ctx.context
        # Verify mode's compiled run has its own session figures and DataLoaders: the resolvers' run after it
        # must neither count its round trips nor find what it loaded.
        run_in = context.on_session(GraphSession(context.graph.client, CypherStats())) if self.mode == "verify" \
            else context
        try:
            data, errors = await self._run(compiled, variables, run_in)
        except Fallback as why:
            log.debug("resolver path for this request: %s", why)
            yield
            return
        except Exception as failure:  # noqa: BLE001 - the gateway classifies and masks it, as a resolver's
            if self.mode == "verify" and not isinstance(failure, Neo4jError | DriverError):  # a compiled path defect
                MISMATCHES.append({"query": ctx.query, "failure": repr(failure)})
            if self.mode != "verify" and compiled.rest is None:
                ctx.result = failed_result(compiled, operation, failure)
            yield  # else the resolvers answer (and fail as they do)
            return
        context.compiled_read = True
        if self.mode == "verify":
            yield
            self._compare(data, errors, ctx.result, ctx.query)
            return
        ctx.result = (ExecutionResult(data=data, errors=errors or None) if compiled.rest is None
                      else await self._with_rest(compiled, data, errors))
        yield

    async def _with_rest(self, compiled: CompiledRead, data: dict[str, Any], errors: list[GraphQLError]) -> Any:
        """The compiled root fields' answer merged, in the document's order, with the resolvers' for the others."""
        ctx = self.execution_context
        rest = await await_maybe(execute(ctx.schema._schema, compiled.rest, root_value=ctx.root_value,
                                         context_value=ctx.context, variable_values=ctx.variables,
                                         operation_name=ctx.operation_name))
        if rest.data is None:  # a root field that may not be null failed: so does all of `data`
            return rest
        answered = {**data, **rest.data}
        return ExecutionResult(data={key: answered[key] for key in compiled.keys if key in answered},
                               errors=[*errors, *(rest.errors or ())] or None)

    async def _run(self, compiled: CompiledRead, variables: Any,
                   context: Any) -> tuple[dict[str, Any], list[GraphQLError]]:
        """The compiled root fields' data, and the errors of the fields below them that the resolvers answered."""
        tracer = context.graph.tracer
        if tracer is None:
            return await self._read(compiled, variables, context)
        # A span per compiled statement: its round trip and the resolvers' below it are its children. Handing the
        # request to the resolvers (Fallback) is no failure; the resolvers' spans follow it.
        fields = [out.key for out in compiled.root.outs if out.source]
        with tracing.span(tracer, COMPILED_READ, attributes={"partnergraph.compiled.fields": fields},
                          not_failures=(Fallback,)) as span:
            try:
                return await self._read(compiled, variables, context)
            except Fallback:
                span.set_attribute("partnergraph.compiled.fallback", True)
                raise

    async def _read(self, compiled: CompiledRead, variables: Any,
                    context: Any) -> tuple[dict[str, Any], list[GraphQLError]]:
        strawberry_schema = self.execution_context.schema
        params = bind(compiled.binders, variables, context, strawberry_schema.schema_converter.scalar_registry,
                      strawberry_schema.config)
        rows = await context.graph.read_transaction(lambda tx: tx.statement(COMPILED_READ, compiled.cypher, **params))
        params[PENDING] = []
        data = compiled.shape(rows[0]["data"], params)
        if not params[PENDING]:
            return data, []
        return data, await resolve_pending(self.execution_context, context, data, params[PENDING])

    def _compare(self, data: Any, errors: list[GraphQLError], result: Any, query: str | None) -> None:
        """The resolvers' answer for the compiled root fields (all of them, or those `data` holds) must be `data`,
        with the same errors as the fields below them that the resolvers answered."""
        expected = [e for e in getattr(result, "errors", None) or () if not e.path or e.path[0] in data]
        if any(isinstance(e.original_error, Neo4jError | DriverError) for e in [*expected, *errors]):
            return  # the database failed a run (a test stopping Neo4j): nothing to compare
        resolved = getattr(result, "data", None)
        if resolved is not None:
            resolved = {key: value for key, value in resolved.items() if key in data}
        if _errors(expected) == _errors(errors) and orjson.dumps(resolved) == orjson.dumps(data):
            VERIFIED[query or ""] += 1
            return
        MISMATCHES.append({"query": query, "compiled": data, "resolved": resolved,
                           "errors": [e.formatted for e in expected], "compiled errors": _errors(errors)})
        log.error("compiled read differs from the resolvers' for %s", query)
        self.execution_context.result = ExecutionResult(
            data=None, errors=[GraphQLError("the compiled read differs from the resolvers' answer",
                                            original_error=RuntimeError("compiled read mismatch"))])


def failed_result(compiled: CompiledRead, operation: OperationDefinitionNode, failure: Exception) -> ExecutionResult:
    """The result a statement that failed gives: each root field null with the failure at its path (all of
    `data` null when one of them may not be), as the resolvers' failures give it."""
    nodes = {node.alias.value if node.alias else node.name.value: node
             for node in operation.selection_set.selections if node.kind == "field"}  # type: ignore[union-attr]
    errors = [GraphQLError(str(failure), nodes=nodes.get(out.key), path=[out.key], original_error=failure)
              for out in compiled.root.outs if out.source]
    nullable = all(not out.non_null for out in compiled.root.outs)
    return ExecutionResult(data={out.key: None for out in compiled.root.outs} if nullable else None, errors=errors)


def _errors(errors: list[GraphQLError]) -> list[bytes]:
    """Errors as JSON text, in a stable order: the two paths may meet the same failures in another order."""
    return sorted(orjson.dumps(error.formatted) for error in errors)


def _booleans(schema: Any, operation: OperationDefinitionNode, values: dict[str, Any]) -> tuple:
    """The Boolean variables' values: `@include`/`@skip` may depend on them, and the plan with them."""
    names = [d.variable.name.value for d in operation.variable_definitions or ()
             if get_named_type(type_from_ast(schema, d.type)) is GraphQLBoolean]
    return tuple(values.get(name) for name in names)
