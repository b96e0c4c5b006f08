"""The GraphQL schema and the limits every operation passes before it runs."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from strawberry.extensions import DisableIntrospection, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig

from schema.limits import QueryCostLimiter
from schema.organizations import InternalOrg
from schema.partners import PartnerName
from schema.query import Query


@dataclass(frozen=True)
class SchemaLimits:
    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 2000
    max_cost: int = 50_000
    max_page_size: int = 100
    default_page_size: int = 20
    introspection: bool = True


def build_schema(limits: SchemaLimits) -> strawberry.Schema:
    # Factories, not instances: an extension holds its request's execution context, so each
    # request gets fresh ones.
    extensions = [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        lambda: QueryDepthLimiter(max_depth=limits.max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
        lambda: QueryCostLimiter(max_cost=limits.max_cost, max_page_size=limits.max_page_size,
                                 default_page_size=limits.default_page_size),
    ]
    if not limits.introspection:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(
        query=Query,
        types=[PartnerName, InternalOrg],  # reached only through the PartnerRef / Organization interfaces
        extensions=extensions,
        # Without introspection, "did you mean" hints would leak the schema one field at a time.
        config=StrawberryConfig(disable_field_suggestions=not limits.introspection),
    )
