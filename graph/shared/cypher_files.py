"""Loads the named Cypher queries kept as `.cypher` files under `cypher/`.

A query may use a fragment from `cypher/fragments/` as `{{name(var)}}`: the fragment's `{var}`
is replaced by the variable, and the whole is wrapped in parentheses (an expression). `{{...name(var)}}`
inserts it bare: entries of a map projection, or a whole clause. Fragments keep one copy of rules that
many queries share (the visibility predicate above all), so a scope rule is never written twice.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"


_MACRO = re.compile(r"\{\{\s*(\.\.\.)?(\w+)\((\w+)\)\s*\}\}")


@cache
def fragment(name: str) -> str:
    """A fragment's text without its comments, on one line (its own macros are expanded once `{var}` is
    known, so a fragment may pass its variable on: `{{other({var})}}`)."""
    text = (CYPHER_DIR / "fragments" / f"{name}.cypher").read_text()
    return " ".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@cache
def query(name: str) -> str:
    """The text of `cypher/<name>.cypher` (`<domain>/reads/<query>`, `<domain>/writes/<query>`) with its
    fragments expanded."""
    return _expand((CYPHER_DIR / f"{name}.cypher").read_text())


def _expand(text: str) -> str:
    def expand(m: re.Match) -> str:
        body = _expand(fragment(m.group(2)).replace("{var}", m.group(3)))
        return body if m.group(1) else "(" + body + ")"

    return _MACRO.sub(expand, text)


def split_statements(text: str) -> list[str]:
    """Split a migration or data file into statements on `;` at line ends, dropping comments."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in re.split(r";\s*$", "\n".join(lines), flags=re.M) if s.strip()]
