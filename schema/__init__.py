"""The GraphQL schema and the limits every operation passes before it runs."""

from __future__ import annotations

import strawberry
from strawberry.extensions import DisableIntrospection, ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig

from schema.admission import refuse_forbidden_first
from schema.limits import DocumentShapes, OperationLimits, SchemaLimits
from schema.organizations import InternalOrg
from schema.partners import PartnerName
from schema.mutation import Mutation
from schema.query import Query
from schema.selling_enums import MINOR_UNITS_SCALAR, MinorUnits

__all__ = ["DOCUMENT_CACHE_SIZE", "SchemaLimits", "build_schema"]

DOCUMENT_CACHE_SIZE = 256  # distinct GraphQL documents whose parse, shape and validation are kept


def build_schema(limits: SchemaLimits) -> strawberry.Schema:
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
    schema = strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[PartnerName, InternalOrg],  # reached only through the PartnerRef / Organization interfaces
        extensions=extensions,
        # Without introspection, "did you mean" hints would leak the schema one field at a time.
        config=StrawberryConfig(disable_field_suggestions=not limits.introspection,
                                scalar_map={MinorUnits: MINOR_UNITS_SCALAR}),
    )
    refuse_forbidden_first(schema._schema)
    return schema
