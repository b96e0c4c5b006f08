"""The schema contract (README "Schema contract"): the SDL the gateway serves, committed as `schema.graphql`, and
what changed against it, told apart by graphql-core into breaking and dangerous changes so a client-visible break
is always deliberate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphql import GraphQLSchema, build_schema, find_breaking_changes, find_dangerous_changes

from gateway.app import schema_limits
from gateway.settings import Settings
from schema import build_schema as build_gateway_schema

COMMITTED = Path(__file__).resolve().parents[1] / "schema.graphql"


def served() -> GraphQLSchema:
    """The schema the gateway serves (its limits change no type, so the defaults do)."""
    return build_gateway_schema(schema_limits(Settings()))._schema


def sdl() -> str:
    """The served schema as SDL, as `partnergraph schema export` prints it and schema.graphql holds it."""
    return build_gateway_schema(schema_limits(Settings())).as_str() + "\n"


@dataclass(frozen=True)
class SchemaChanges:
    breaking: list[str]
    dangerous: list[str]


def changes(old_sdl: str, new: GraphQLSchema) -> SchemaChanges:
    """What a client of `old_sdl` would notice in `new`: breaking changes (a removed field, a changed type, a new
    required argument …) and dangerous ones (an added enum value, a changed default …)."""
    old = build_schema(old_sdl)
    return SchemaChanges([f"{c.type.name}: {c.description}" for c in find_breaking_changes(old, new)],
                         [f"{c.type.name}: {c.description}" for c in find_dangerous_changes(old, new)])
