"""Secrets generated on first use and kept in the local state folder (never in git), mode 0600."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def ensure_secret(path: Path, nbytes: int = 32) -> str:
    """Return the secret stored at `path`, creating it (0600, folder 0700) when absent."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # A leading letter: a secret starting with "-" would read as an option to Neo4j's admin tool.
    value = "s" + secrets.token_urlsafe(nbytes)
    # O_EXCL: two processes starting at once must not overwrite each other's secret.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value
