"""Which GraphQL document a request runs: its `query`, or one it names by sha256 hash.

Persisted queries follow Apollo's protocol (the `persistedQuery` request extension, version 1): a client sends
`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}}` without `query`; an unknown hash
answers `PersistedQueryNotFound` (HTTP 200, `extensions.code` PERSISTED_QUERY_NOT_FOUND), and the client sends
the query with its hash once, which registers it. Registered documents are kept in a least-recently-used store
bounded in bytes (PARTNERGRAPH_PERSISTED_QUERY_BYTES; 0 turns registration off), shared by every request: it
holds document text only, never a viewer's data.

With PARTNERGRAPH_TRUSTED_DOCUMENTS set to a manifest (Apollo's persisted query manifest: `{"format":
"apollo-persisted-query-manifest", "version": 1, "operations": [{"id": "<sha256>", "body": "..."}]}`), only the
documents it lists run, by hash or by text; nothing registers.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MANIFEST_FORMAT = "apollo-persisted-query-manifest"


class DocumentRefused(Exception):
    """Why a request names no document it may run: an HTTP status, a code and a message safe to show."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code


def sha256_hex(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def read_manifest(path: Path) -> dict[str, str]:
    """hash → document of a persisted query manifest; a clear error for a file that is not one."""
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ValueError(f"PARTNERGRAPH_TRUSTED_DOCUMENTS: cannot read {path} as JSON: {exc}") from exc
    if not (isinstance(manifest, dict) and manifest.get("format") == MANIFEST_FORMAT and manifest.get("version") == 1
            and isinstance(manifest.get("operations"), list)):
        raise ValueError(f"PARTNERGRAPH_TRUSTED_DOCUMENTS: {path} is not a {MANIFEST_FORMAT} (version 1)")
    documents = {}
    for n, operation in enumerate(manifest["operations"]):
        body = operation.get("body") if isinstance(operation, dict) else None
        if not isinstance(body, str) or operation.get("id") != sha256_hex(body):
            raise ValueError(f"PARTNERGRAPH_TRUSTED_DOCUMENTS: operation {n} of {path} needs a `body` and, as its "
                             "`id`, the body's sha256 in hex")
        documents[operation["id"]] = body
    return documents


class DocumentStore:
    """The documents requests may name by hash: the trusted ones only, or those clients registered."""

    def __init__(self, trusted: Mapping[str, str] | None, capacity_bytes: int):
        self.trusted = dict(trusted) if trusted is not None else None
        self.capacity_bytes = capacity_bytes
        self._registered: OrderedDict[str, str] = OrderedDict()
        self._bytes = 0

    def document(self, params: dict[str, Any]) -> str:
        """The document the request runs; raises DocumentRefused when there is none it may run."""
        query, persisted = params.get("query"), _persisted_hash(params.get("extensions"))
        if persisted is None:
            if not isinstance(query, str) or not query.strip():
                raise DocumentRefused(400, "BAD_REQUEST", "`query` must be a non-empty string")
            self._check_trusted(sha256_hex(query) if self.trusted is not None else None)
            return query
        if query is None:
            found = self._known(persisted)
            if found is None:
                raise DocumentRefused(200, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
            return found
        if not isinstance(query, str) or not query.strip():
            raise DocumentRefused(400, "BAD_REQUEST", "`query` must be a non-empty string")
        if sha256_hex(query) != persisted:
            raise DocumentRefused(400, "BAD_REQUEST", "provided sha does not match query")
        self._check_trusted(persisted)
        self._register(persisted, query)
        return query

    def _check_trusted(self, digest: str | None) -> None:
        if self.trusted is not None and digest not in self.trusted:
            raise DocumentRefused(400, "DOCUMENT_NOT_TRUSTED",
                                  "only the documents of the trusted manifest run on this gateway")

    def _known(self, digest: str) -> str | None:
        if self.trusted is not None:
            return self.trusted.get(digest)
        found = self._registered.get(digest)
        if found is not None:
            self._registered.move_to_end(digest)
        return found

    def _register(self, digest: str, document: str) -> None:
        size = len(document.encode())
        if self.trusted is not None or digest in self._registered or size > self.capacity_bytes:
            return
        self._registered[digest] = document
        self._bytes += size
        while self._bytes > self.capacity_bytes:
            _, evicted = self._registered.popitem(last=False)
            self._bytes -= len(evicted.encode())


def _persisted_hash(extensions: Any) -> str | None:
    """The sha256 a request's `persistedQuery` extension names, or None without one."""
    if not isinstance(extensions, dict) or "persistedQuery" not in extensions:
        return None
    persisted = extensions["persistedQuery"]
    if not (isinstance(persisted, dict) and persisted.get("version") == 1
            and isinstance(persisted.get("sha256Hash"), str)):
        raise DocumentRefused(400, "BAD_REQUEST", "`extensions.persistedQuery` must be {version: 1, sha256Hash}")
    digest = persisted["sha256Hash"].lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise DocumentRefused(400, "BAD_REQUEST", "`sha256Hash` must be 64 hexadecimal digits")
    return digest
