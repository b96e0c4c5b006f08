"""Lazy references between the leads and selling domains' types.

A lead converts to a deal registration (`Lead.registration`) and a registration's lineage starts at its lead
(`DealRegistration.lead`), so the two domains' types point at each other: the schema's second import cycle. Both
sides name the other's types lazily in annotations and reach them at run time through the module (`from
schema.selling import types as selling_types`, `from schema.leads import types as lead_types`), never by name at
their top, so either module may load first (the partners cycle, schema/shared/partner_references.py, works so).

The third cycle is the same between selling and mdf: the mdf types' amounts are selling's `Money`, and a deal
registration names the fund request (campaign) that generated it (`DealRegistration.fundRequest`)."""

from __future__ import annotations

from typing import Annotated

import strawberry

LazyLead = Annotated["Lead", strawberry.lazy("schema.leads.types")]  # noqa: F821
LazyDealRegistration = Annotated["DealRegistration", strawberry.lazy("schema.selling.types")]  # noqa: F821
LazyMoney = Annotated["Money", strawberry.lazy("schema.selling.types")]  # noqa: F821
LazyProduct = Annotated["Product", strawberry.lazy("schema.selling.types")]  # noqa: F821
LazyFundRequest = Annotated["FundRequest", strawberry.lazy("schema.mdf.types")]  # noqa: F821
