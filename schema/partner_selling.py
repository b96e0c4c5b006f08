"""Fields on a Partner for its selling records (deal registrations, opportunities, quotes, orders)."""

from __future__ import annotations

import strawberry


@strawberry.type
class PartnerSellingFields:
    pass
