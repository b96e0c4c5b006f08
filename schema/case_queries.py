"""Root query fields of the case domain."""

from __future__ import annotations

import strawberry


@strawberry.type
class CaseQueries:
    pass
