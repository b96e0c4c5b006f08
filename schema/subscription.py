"""The root Subscription type: every domain's live fields, composed. Served over WebSocket
(graphql-transport-ws) on /graphql by gateway/subscriptions.py."""

from __future__ import annotations

import strawberry

from schema.cases.subscriptions import CaseSubscriptions
from schema.changes.subscriptions import ChangeSubscriptions
from schema.selling.subscriptions import SellingSubscriptions


@strawberry.type(description="Live updates from the change log, each read through the viewer's scope as it is "
                             "delivered.")
class Subscription(SellingSubscriptions, CaseSubscriptions, ChangeSubscriptions):
    pass
