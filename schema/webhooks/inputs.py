"""Inputs of webhook mutations."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A webhook to register.")
class RegisterWebhookInput:
    url: str = strawberry.field(description="Where deliveries are POSTed: an https URL whose host resolves to public "
                                "addresses only (http and local addresses in local demo mode); no credentials.")
    event_types: list[str] = strawberry.field(description="What it receives: entity types of the change log "
                                              "(`DealRegistration`, `Case`, …), or a type and an operation "
                                              "(`DealRegistration.STATE_CHANGED`).")
    partner_subtree: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the partner whose subtree (it and its descendants) the webhook "
        "covers. Left out: a partner admin's own organization; for an enterprise admin, everything they see, "
        "program-side changes included.")
