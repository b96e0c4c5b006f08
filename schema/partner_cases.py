"""Fields on a Partner for its cases."""

from __future__ import annotations

import strawberry


@strawberry.type
class PartnerCaseFields:
    pass
