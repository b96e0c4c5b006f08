"""Webhooks in GraphQL: registration, deliveries and their attempts, replay (docs/WEBHOOKS.md)."""
