"""Loads the named Cypher queries kept as `.cypher` files under `cypher/`.

A query may use a fragment from `cypher/fragments/` as `{{name(var)}}`: the fragment's `{var}`
is replaced by the variable. Fragments keep one copy of rules that many queries share (the
visibility predicate above all), so a scope rule is never written twice.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
_MACRO = re.compile(r"\{\{\s*(\w+)\((\w+)\)\s*\}\}")


@cache
def fragment(name: str) -> str:
    """A fragment's text, itself expanded: a fragment may use other fragments."""
    text = (CYPHER_DIR / "fragments" / f"{name}.cypher").read_text()
    return _expand(" ".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip())


@cache
def query(name: str) -> str:
    """The text of `cypher/queries/<name>.cypher` with its fragments expanded."""
    return _expand((CYPHER_DIR / "queries" / f"{name}.cypher").read_text())


def _expand(text: str) -> str:
    return _MACRO.sub(lambda m: "(" + fragment(m.group(1)).replace("{var}", m.group(2)) + ")", text)


def split_statements(text: str) -> list[str]:
    """Split a migration or data file into statements on `;` at line ends, dropping comments."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in re.split(r";\s*$", "\n".join(lines), flags=re.M) if s.strip()]
