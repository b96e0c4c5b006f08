"""What the schema declares next to its fields so a request can be refused before any input is coerced or
any Cypher runs: the actions a mutation needs (`requires`) and checks of a field's arguments that need no
graph (`argument_checks`). `schema/shared/limits.py` evaluates both in its pre-execution pass, and
`refuse_forbidden_first` answers a mutation the viewer may not call at all before its input is converted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from graphql import GraphQLField, GraphQLSchema

from auth.permissions import Action, allowed
from auth.viewer import Viewer
from resolvers.shared.mutations import Outcome, forbidden

ACTIONS = "partnergraph.actions"
PUBLIC = "partnergraph.public"
ARGUMENT_CHECKS = "partnergraph.argument_checks"
# Deepest raw variable value accepted: the deepest input (programs > segments > criteria) nests 7 levels.
MAX_INPUT_DEPTH = 16

# A check gets the field's arguments (GraphQL names, values as graphql-core coerces them, defaults applied)
# and the request context; it raises resolvers.errors.PublicError, as the resolver's own check would.
ArgumentCheck = Callable[[Mapping[str, Any], Any], None]


def requires(*actions: Action) -> dict[str, Any]:
    """Mutation metadata: a persona allowed none of `actions` may not call the mutation at all. The resolver
    checks the exact action again (resolvers/mutations.run), which may depend on the arguments."""
    return {ACTIONS: actions}


def public(**more: Any) -> dict[str, Any]:
    """Root field metadata: the field may run in a request without a bearer token (gateway/http.py), as the
    anonymous viewer; `more` is the field's other metadata. Few fields are: docs/APPLICATIONS.md."""
    return {PUBLIC: True, **more}


def public_root_fields(schema: GraphQLSchema) -> dict[str, frozenset[str]]:
    """The public root fields by operation kind ("query", "mutation")."""
    roots = {"query": schema.query_type, "mutation": schema.mutation_type}
    return {kind: frozenset(name for name, definition in (root.fields if root else {}).items()
                            if metadata(definition, PUBLIC)) for kind, root in roots.items()}


def argument_checks(*checks: ArgumentCheck) -> dict[str, Any]:
    return {ARGUMENT_CHECKS: checks}


def metadata(definition: GraphQLField, key: str) -> Any:
    strawberry_field = definition.extensions.get("strawberry-definition")
    return strawberry_field.metadata.get(key) if strawberry_field is not None else None


def forbidden_action(viewer: Viewer, definition: GraphQLField) -> Action | None:
    """The (first declared) action the viewer lacks when they may not call this mutation at all, else None."""
    actions = metadata(definition, ACTIONS) or ()
    if actions and not any(allowed(viewer, action) for action in actions):
        return actions[0]
    return None


def refuse_forbidden_first(schema: GraphQLSchema) -> None:
    """Wrap every mutation that declares its actions so a persona allowed none of them gets its payload with
    FORBIDDEN before Strawberry converts the arguments into input objects (most of a batch's cost: about
    80% of answering 1,000 items). Zero cost for queries; the resolver's own check stays as the second line."""
    for name, definition in (schema.mutation_type.fields if schema.mutation_type else {}).items():
        if metadata(definition, ACTIONS):
            definition.resolve = _forbidden_first(name, definition)


def _forbidden_first(name: str, definition: GraphQLField) -> Callable[..., Any]:
    payload = definition.extensions["strawberry-definition"].type
    if not hasattr(payload, "from_outcome"):
        raise TypeError(f"mutation {name} declares its actions but does not return a payload of schema.shared.payloads")
    resolve = definition.resolve

    def guarded(source: Any, info: Any, **arguments: Any) -> Any:
        action = forbidden_action(info.context.viewer, definition)
        if action is None:
            return resolve(source, info, **arguments)
        return payload.from_outcome(Outcome(errors=[forbidden(info.context.viewer, action)]))

    return guarded


def input_problem(variables: Mapping[str, Any] | None, max_list_length: int) -> tuple[str, str] | None:
    """(code, message) for raw variables holding a list longer than `max_list_length` or a value nested
    deeper than MAX_INPUT_DEPTH; walked iteratively, and a list's length is read before its items."""
    stack: list[tuple[Any, int, str]] = [(value, 1, f"${name}") for name, value in (variables or {}).items()]
    while stack:
        value, depth, at = stack.pop()
        if isinstance(value, list):
            if len(value) > max_list_length:
                return "LIST_TOO_LONG", f"{at} holds {len(value)} items; at most {max_list_length} per list"
            children = ((item, f"{at}[{index}]") for index, item in enumerate(value))
        elif isinstance(value, dict):
            children = ((item, f"{at}.{key}") for key, item in value.items())
        else:
            continue
        if depth >= MAX_INPUT_DEPTH:
            return "INPUT_TOO_DEEP", f"{at} nests deeper than {MAX_INPUT_DEPTH} levels"
        stack.extend((item, depth + 1, where) for item, where in children)
    return None
