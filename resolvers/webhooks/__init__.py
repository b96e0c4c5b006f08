"""Webhooks: registration and its checks, reads of deliveries and attempts, replay."""
