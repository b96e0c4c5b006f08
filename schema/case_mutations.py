"""Mutations of the case domain."""

from __future__ import annotations

import strawberry


@strawberry.type
class CaseMutations:
    pass
