"""Root query fields of the selling domain (deal registrations, lineage)."""

from __future__ import annotations

import strawberry


@strawberry.type
class SellingQueries:
    pass
