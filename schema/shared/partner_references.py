"""Lazy references to the partners domain's types, for the types of the other domains.

`Partner` composes the fields every domain adds to it (`schema/<domain>/partner_fields.py`), so loading
`schema.partners.types` loads every domain's types, which point back at `Partner`: the schema's one import
cycle. The other domains therefore name the partners types lazily in annotations, and reach them at run time
through the module (`from schema.partners import types as partner_types`), never by name at their top.
`schema/__init__.py` imports `schema.partners.types` before any other domain, so that module is always the one
whose loading starts the cycle."""

from __future__ import annotations

from typing import Annotated

import strawberry

LazyPartner = Annotated["Partner", strawberry.lazy("schema.partners.types")]  # noqa: F821
LazyPerson = Annotated["Person", strawberry.lazy("schema.partners.types")]  # noqa: F821
LazyAccount = Annotated["Account", strawberry.lazy("schema.partners.types")]  # noqa: F821
LazyInternalOrg = Annotated["InternalOrg", strawberry.lazy("schema.partners.types")]  # noqa: F821
