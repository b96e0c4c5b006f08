"""Webhook secrets and signatures (docs/WEBHOOKS.md, "Verifying a delivery").

A delivery carries `PartnerGraph-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`;
`verify_signature` is the reference check a receiver runs. Secrets are stored only encrypted (Fernet, with a key
derived from PARTNERGRAPH_WEBHOOK_KEY or the state folder's `webhook-key`) and shown once, at registration."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

from cryptography.fernet import Fernet

SIGNATURE_HEADER = "PartnerGraph-Signature"
SECRET_PREFIX = "whsec_"
DEFAULT_TOLERANCE_SECONDS = 300  # a receiver refuses older signatures, so a captured request cannot be replayed later


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(secret: str, body: bytes, timestamp: int) -> str:
    """The header value for `body` signed at `timestamp` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_signature(secret: str, header: str, body: bytes, tolerance: float = DEFAULT_TOLERANCE_SECONDS,
                     now: float | None = None) -> bool:
    """Whether `header` (the PartnerGraph-Signature value) signs the raw `body` with `secret`, within `tolerance`
    seconds of now. Any `v1` entry may match: a header may carry several (none does yet; a rotation would)."""
    parts = [part.split("=", 1) for part in header.split(",") if "=" in part]
    stamps = [value for key, value in parts if key.strip() == "t"]
    if len(stamps) != 1 or not stamps[0].isdecimal():
        return False
    timestamp = int(stamps[0])
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = signature(secret, body, timestamp).split(",v1=", 1)[1]
    return any(hmac.compare_digest(expected, value.strip()) for key, value in parts if key.strip() == "v1")


class SecretBox:
    """Encrypts webhook secrets for storage. The key is any text (a setting or a generated file), hashed into
    Fernet's 32-byte key, so losing it means every webhook needs a new secret, and leaking the database alone
    reveals none."""

    def __init__(self, key: str):
        self._fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()))

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, ciphertext: str) -> str:
        return self._fernet.decrypt(ciphertext.encode()).decode()
