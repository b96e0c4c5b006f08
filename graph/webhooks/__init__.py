"""Webhooks: endpoints that receive the change log, their deliveries and attempts (docs/WEBHOOKS.md)."""
