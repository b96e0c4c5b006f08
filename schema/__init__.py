"""The GraphQL schema and the limits every operation passes before it runs."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from schema.limits import QueryCostLimiter
from schema.organizations import InternalOrg
from schema.partners import PartnerName
from schema.mutation import Mutation
from schema.query import Query
from schema.selling_enums import MINOR_UNITS_SCALAR, MinorUnits


DOCUMENT_CACHE_SIZE = 256  # distinct GraphQL documents whose parse and validation are kept


@dataclass(frozen=True)
class SchemaLimits:
    """The operation limits; defaults and documentation live with the settings."""

    max_depth: int
    max_aliases: int
    max_tokens: int
    max_cost: int
    max_page_size: int
    default_page_size: int
    introspection: bool


def build_schema(limits: SchemaLimits) -> strawberry.Schema:
    # The depth and alias rules are built once: each limiter makes a new rule class when constructed,
    # and the validation cache is keyed by the rules, so rules made per request would never hit it.
    shape_rules = [*QueryDepthLimiter(max_depth=limits.max_depth).validation_rules,
                   *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules]
    # Factories, not instances: an extension holds its request's execution context, so each
    # request gets fresh ones. The parser and validation caches are bounded LRUs shared by every
    # request: a portal sends the same few documents again and again (about 2 ms saved per request).
    extensions = [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: AddValidationRules(shape_rules),
        lambda: QueryCostLimiter(max_cost=limits.max_cost, max_page_size=limits.max_page_size,
                                 default_page_size=limits.default_page_size),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]
    if not limits.introspection:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[PartnerName, InternalOrg],  # reached only through the PartnerRef / Organization interfaces
        extensions=extensions,
        # Without introspection, "did you mean" hints would leak the schema one field at a time.
        config=StrawberryConfig(disable_field_suggestions=not limits.introspection,
                                scalar_map={MinorUnits: MINOR_UNITS_SCALAR}),
    )
