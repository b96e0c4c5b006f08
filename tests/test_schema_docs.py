"""The playground's docs panel describes every type, field, argument and enum value of the schema."""

from __future__ import annotations

from graphql import GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from gateway.app import schema_limits
from schema import build_schema

BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}


def test_everything_is_described(settings):
    schema = build_schema(schema_limits(settings))._schema
    missing = []
    for name, type_ in schema.type_map.items():
        if name.startswith("__") or name in BUILT_IN:
            continue
        if not type_.description:
            missing.append(name)
        if isinstance(type_, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)):
            for field_name, field in type_.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description and arg_name not in ("first", "after"):
                        missing.append(f"{name}.{field_name}({arg_name})")
    assert missing == []

