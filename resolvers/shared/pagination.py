"""Page arguments shared by every connection: `first` within the cap, opaque keyset cursors."""

from __future__ import annotations

import base64
import json

from graph.shared.records import SortKey
from resolvers.shared.context import PageLimits
from resolvers.shared.errors import PublicError


def page_size(first: int | None, limits: PageLimits) -> int:
    if first is None:
        return limits.default
    if first < 0 or first > limits.maximum:
        raise PublicError(f"`first` must be between 0 and {limits.maximum}", "VALIDATION")
    return first


def encode_cursor(key: SortKey) -> str:
    return base64.urlsafe_b64encode(json.dumps([key.value, key.id]).encode()).decode()


def decode_cursor(cursor: str | None) -> SortKey | None:
    if cursor is None:
        return None
    try:
        value, id_ = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if isinstance(value, (str, int)) and isinstance(id_, str):
            return SortKey(value, id_)
    except (ValueError, TypeError):
        pass
    raise PublicError("`after` is not a cursor this API issued", "VALIDATION")
