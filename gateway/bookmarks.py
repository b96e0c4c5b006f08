"""Causal reads across gateway processes (docs/DEPLOYMENT.md): the bookmark a client gets after a write and sends
back with its next request, through whichever gateway, so that request's reads wait until the database has applied
the write (on a cluster, reads go to followers, which may lag).

On the wire a bookmark is Neo4j's bookmark values joined by commas, in the `PartnerGraph-Bookmark` header or as
`extensions.bookmark`, both ways. It is opaque to clients; they echo the last one they got. It is checked here,
before any Cypher runs: a value Neo4j itself cannot parse is refused by Neo4j (INVALID_BOOKMARK)."""

from __future__ import annotations

import re
from typing import Any

from neo4j import Bookmarks

HEADER = "partnergraph-bookmark"
MAX_BYTES = 4096
MAX_VALUES = 16  # one per database a client wrote to, in practice one
_VALUE = re.compile(r"[A-Za-z0-9+/=:_-]{1,512}")


class BadBookmark(ValueError):
    pass


def received(headers: Any, params: dict[str, Any]) -> Bookmarks:
    """The bookmarks of a request: its header and its `extensions.bookmark`, when either is given."""
    tokens = [token for token in (headers.get(HEADER), (params.get("extensions") or {}).get("bookmark")) if token]
    values: set[str] = set()
    for token in tokens:
        if not isinstance(token, str) or len(token) > MAX_BYTES:
            raise BadBookmark(f"a bookmark is a string of at most {MAX_BYTES} characters, as this gateway returned it")
        parts = token.split(",")
        if len(parts) > MAX_VALUES or not all(_VALUE.fullmatch(part) for part in parts):
            raise BadBookmark("the bookmark is not one this gateway returned; send the last one you got unchanged")
        values.update(parts)
    return Bookmarks.from_raw_values(values)


def token(bookmarks: Bookmarks) -> str | None:
    """The wire form of `bookmarks`, or None when there are none."""
    return ",".join(sorted(bookmarks.raw_values)) or None
