"""The `@locale(code:)` operation directive (docs/LANGUAGES.md): the language a query or mutation reads in and is
told its errors in, overriding `Accept-Language`. One per operation rather than an argument on every translated
field: a response reads in one language throughout (names, descriptions, error messages, which belong to no
field), the compiled statement and the resolvers both read it from the request's scope (`$scope.locale`) with no
argument to bind per node, and a field's plan does not change with it. A client wanting several languages at once
reads `translations` (every locale a name has). Validation knows the directive (it is in the schema); the gateway
reads its value before the request's context is built (`requested_locale`), so nothing in the schema executes it.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DirectiveLocation,
    GraphQLArgument,
    GraphQLDirective,
    GraphQLError,
    GraphQLNonNull,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    StringValueNode,
    VariableNode,
    parse,
)

LOCALE_DIRECTIVE = GraphQLDirective(
    name="locale",
    locations=[DirectiveLocation.QUERY, DirectiveLocation.MUTATION],
    args={"code": GraphQLArgument(GraphQLNonNull(GraphQLString), description=(
        "A locale such as `de` or `fr-CA`, negotiated against `languages.supported` as `Accept-Language` is; one "
        "the API does not support falls back as a header would."))},
    description=("The language of this operation's translated names and descriptions and of its error messages, "
                 "instead of the `Accept-Language` header's. Codes of errors never change."),
)


def add_locale_directive(schema: GraphQLSchema) -> None:
    """Declare `@locale` in the schema graphql-core validates against and the SDL prints."""
    schema.directives = (*schema.directives, LOCALE_DIRECTIVE)


def requested_locale(params: dict[str, Any], max_tokens: int) -> str | None:
    """The code of the `@locale` directive on the operation a request runs (a literal, or a String variable),
    else None. Parsed here only when the text names the directive: every other request is parsed once, by the
    schema; a document that does not parse is left to the schema to refuse."""
    query = params.get("query")
    if not isinstance(query, str) or "@locale" not in query:
        return None
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    name = params.get("operationName")
    chosen = next((o for o in operations if name is None or (o.name is not None and o.name.value == name)), None)
    if chosen is None or (name is None and len(operations) != 1):
        return None
    for directive in chosen.directives or ():
        if directive.name.value != "locale":
            continue
        for argument in directive.arguments or ():
            if argument.name.value != "code":
                continue
            if isinstance(argument.value, StringValueNode):
                return argument.value.value
            if isinstance(argument.value, VariableNode):
                value = (params.get("variables") or {}).get(argument.value.name.value)
                return value if isinstance(value, str) else None
    return None
