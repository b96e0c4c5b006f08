"""Mutations of the selling domain."""

from __future__ import annotations

import strawberry


@strawberry.type
class SellingMutations:
    pass
