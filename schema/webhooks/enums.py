"""Enums of webhooks: a webhook's and a delivery's status."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Whether a webhook receives deliveries: ACTIVE; PAUSED (by pauseWebhook: the changes "
                 "made meanwhile are delivered after resumeWebhook); HELD (active, but its registrant may no longer "
                 "manage it, so nothing is sent; `statusReason` says why, and deliveries resume by themselves once "
                 "they may again).")
class WebhookStatus(Enum):
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    HELD = "HELD"


@strawberry.enum(description="A delivery's progress: PENDING (to be sent, or retried at `nextAttemptAt`), "
                 "SUCCEEDED (a 2xx answer), FAILED (no 2xx within the retry window; replayWebhookDelivery sends it "
                 "again).")
class DeliveryStatus(Enum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
