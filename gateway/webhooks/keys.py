"""The key webhook secrets are encrypted with: PARTNERGRAPH_WEBHOOK_KEY, or generated on first use into the state
folder (`webhook-key`, 0600), like the local JWT secret. Every gateway and worker of one database needs the same."""

from __future__ import annotations

from auth.signatures import SecretBox
from gateway.secrets import ensure_secret
from gateway.settings import Settings


def secret_box(settings: Settings) -> SecretBox:
    return SecretBox(settings.webhook_key or ensure_secret(settings.local_webhook_key_file))
