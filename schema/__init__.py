"""The GraphQL schema and the limits every operation passes before it runs."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import DisableIntrospection, ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

# First of the domains: Partner composes every domain's partner_fields, whose types point back at it, and this
# cycle loads cleanly only when it starts here (schema/shared/partner_references.py).
import schema.partners.types  # noqa: F401
from resolvers.shared.errors import PublicError
from schema.mutation import Mutation
from schema.partners.types import InternalOrg, PartnerName
from schema.query import Query
from schema.selling.enums import MINOR_UNITS_SCALAR, MinorUnits
from schema.shared.admission import refuse_forbidden_first
from schema.shared.compiled_reads import CompiledReads, Mode, ReadPlans
from schema.shared.languages import add_locale_directive
from schema.shared.limits import DocumentShapes, OperationLimits, SchemaLimits
from schema.subscription import Subscription

__all__ = ["DOCUMENT_CACHE_SIZE", "SchemaLimits", "build_schema"]

DOCUMENT_CACHE_SIZE = 256  # distinct GraphQL documents whose parse, shape and validation are kept


class PartnerGraphSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # A client's mistake (a PublicError: a bad ID, a refused argument) is not logged as a server error with a
        # traceback; the gateway logs it as one line, and logs and masks every other error itself.
        super().process_errors([e for e in errors if not isinstance(e.original_error, PublicError)], execution_context)


def build_schema(limits: SchemaLimits, compiled_reads: Mode = True) -> strawberry.Schema:
    # Factories, not instances: an extension holds its request's execution context, so each request
    # gets fresh ones. The parser, shape and validation caches are bounded LRUs shared by every request:
    # a portal sends the same few documents again and again (about 2 ms saved per request). The
    # validation cache is keyed by the validation rules, so no rule may be built per request; the
    # depth and alias limits are not rules but part of the shape, checked before validation runs.
    shapes = DocumentShapes(DOCUMENT_CACHE_SIZE)
    extensions = [
        lambda: OperationLimits(limits, shapes),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]
    if not limits.introspection:
        extensions.append(DisableIntrospection)
    # Last: its execute hook runs after the limits admitted the operation.
    plans = ReadPlans(DOCUMENT_CACHE_SIZE, verify=compiled_reads == "verify")
    extensions.append(lambda: CompiledReads(compiled_reads, plans))
    schema = PartnerGraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[PartnerName, InternalOrg],  # reached only through the PartnerRef / Organization interfaces
        extensions=extensions,
        # Without introspection, "did you mean" hints would leak the schema one field at a time.
        config=StrawberryConfig(disable_field_suggestions=not limits.introspection,
                                scalar_map={MinorUnits: MINOR_UNITS_SCALAR}),
    )
    refuse_forbidden_first(schema._schema)
    add_locale_directive(schema._schema)
    return schema
