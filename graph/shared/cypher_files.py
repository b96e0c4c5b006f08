"""Loads the named Cypher queries kept as `.cypher` files under `cypher/`.

A query may use a fragment from `cypher/fragments/` as `{{name(var)}}`: the fragment's `{var}`
is replaced by the variable, and the whole is wrapped in parentheses (an expression). `{{...name(var)}}`
inserts it bare: entries of a map projection, or a whole clause. Fragments keep one copy of rules that
many queries share (the visibility predicate above all), so a scope rule is never written twice.

A fragment is a checked contract. It opens with a header of comment lines, before its description:

    // needs: $scope, $now, sla    the parameters and the query's variables (other than {var}) it reads,
                                   those of the fragments it uses included; `none` if it needs nothing
    // internal: _stop, _due       the variables it binds itself (line left out if none)

The loader checks that the parameters of the fragment and of the fragments it uses are exactly the
declared ones, that every declared name occurs, and that every variable the fragment binds (in a pattern,
a comprehension, after `AS`) is declared internal. Internal names are `_` and letters, a prefix query files
may not use, and each expansion renames them apart (`_due` becomes `_due_3`), so they can neither capture
a query's variable nor another fragment's. `//` comments, whole-line or trailing (not inside a string
literal), are dropped before a fragment is joined onto one line, so no comment can swallow the query after
it. `parameters(name)` is what a query needs: its own parameters and those its fragments declare.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"
_MACRO = re.compile(r"\{\{\s*(\.\.\.)?(\w+)\((\w+)\)\s*\}\}")
# A string literal or quoted name (group 1), else a comment: how comments and literals are told apart.
_LITERAL_OR_COMMENT = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`)|//[^\n]*""")
_LITERAL = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`)""")
_HEADER = re.compile(r"//\s*(needs|internal):(.*)")
_PARAMETER = re.compile(r"\$(\w+)")
_UNDERSCORED = re.compile(r"(?<![\w$.])_[A-Za-z]\w*")  # `_` alone is the usual throwaway (FOREACH)
_VAR = "fragmentVar"  # what `{var}` reads as where a fragment is checked
_INTERNAL_NAME = re.compile(r"_[A-Za-z]+")  # no digits or `_` after the first: renamed `_due_3` cannot clash
_BINDERS = (
    re.compile(r"(?<![\w$.])\(\s*([A-Za-z_]\w*)\s*(?=[:){])"),  # node pattern: (x:Label), (x)
    re.compile(r"-\[\s*([A-Za-z_]\w*)"),  # relationship pattern: -[r:TYPE]-
    re.compile(r"[\[(]\s*([A-Za-z_]\w*)\s+IN\b", re.I),  # comprehension, quantifier: [x IN list | ...]
    re.compile(r"\bAS\s+([A-Za-z_]\w*)", re.I),  # WITH, RETURN, UNWIND ... AS x
)


class FragmentError(ValueError):
    """A fragment or query breaks the fragment contract (see the module docstring)."""


@dataclass(frozen=True)
class Fragment:
    body: str  # on one line, without comments; `{var}` and the internal names still to be replaced
    parameters: frozenset[str]  # without `$`
    variables: frozenset[str]  # the query's variables it reads besides {var}
    internal: tuple[str, ...]


def strip_comments(text: str) -> str:
    """`text` without its `//` comments, whole-line or trailing; `//` inside a string literal stays."""
    return _LITERAL_OR_COMMENT.sub(lambda m: m.group(1) or "", text)


def used_parameters(text: str) -> frozenset[str]:
    """The `$parameters` of Cypher `text`, outside comments and string literals."""
    return frozenset(_PARAMETER.findall(_code(text)))


@cache
def fragment(name: str) -> Fragment:
    """The fragment `cypher/fragments/<name>.cypher`, its header checked against its body."""
    text = (CYPHER_DIR / "fragments" / f"{name}.cypher").read_text()
    header = dict(_header(name, text))
    body = " ".join(line for line in strip_comments(text).splitlines() if line.strip()).strip()
    declared = header.get("needs", [])
    found = Fragment(body, frozenset(n[1:] for n in declared if n.startswith("$")),
                     frozenset(n for n in declared if not n.startswith("$")), tuple(header.get("internal", [])))
    _check(name, found)
    return found


@cache
def _load(name: str) -> tuple[str, frozenset[str]]:
    text = (CYPHER_DIR / f"{name}.cypher").read_text()
    if own := _UNDERSCORED.findall(_MACRO.sub("", _code(text))):
        raise FragmentError(f"query {name}: names starting with `_` are kept for fragments: {sorted(set(own))}")
    return _expand(text, itertools.count(1))


def query(name: str) -> str:
    """The text of `cypher/<name>.cypher` (`<domain>/reads/<query>`, `<domain>/writes/<query>`) with its
    fragments expanded."""
    return _load(name)[0]


def parameters(name: str) -> frozenset[str]:
    """The parameters (without `$`) the named query needs: its own and those its fragments declare."""
    return _load(name)[1]


def expand(text: str, counter: Iterator[int]) -> tuple[str, frozenset[str]]:
    """Cypher `text` not kept in a file (the read compiler's) with its fragments expanded, their internal names
    numbered from `counter`, and the parameters it needs."""
    return _expand(text, counter)


def rename(text: str, names: dict[str, str]) -> str:
    """`text` with each variable of `names` renamed, outside string literals."""
    return _rename(text, names)


def rename_parameters(text: str, names: dict[str, str]) -> str:
    """`text` with each `$parameter` of `names` renamed, outside string literals."""
    if not names:
        return text
    word = re.compile(r"\$(" + "|".join(map(re.escape, names)) + r")\b")
    return "".join(part if n % 2 else word.sub(lambda m: "$" + names[m.group(1)], part)
                   for n, part in enumerate(_LITERAL.split(text)))


def underscored(text: str) -> set[str]:
    """The `_name` variables of Cypher `text` (outside comments and string literals)."""
    return set(_UNDERSCORED.findall(_MACRO.sub("", _code(text))))


def _expand(text: str, counter: Iterator[int]) -> tuple[str, frozenset[str]]:
    needed = set(used_parameters(text))

    def expand(m: re.Match) -> str:
        used = fragment(m.group(2))
        n = next(counter)
        body = _rename(used.body, {name: f"{name}_{n}" for name in used.internal}).replace("{var}", m.group(3))
        needed.update(used.parameters)
        body = _expand(body, counter)[0]
        return body if m.group(1) else "(" + body + ")"

    return _MACRO.sub(expand, text), frozenset(needed)


def _header(name: str, text: str) -> Iterator[tuple[str, list[str]]]:
    lines = iter(text.splitlines())
    keys = []
    for line in lines:
        if not (m := _HEADER.fullmatch(line.strip())):
            break
        keys.append(m.group(1))
        names = m.group(2).replace(",", " ").split()
        yield m.group(1), [] if names == ["none"] else names
    if "needs" not in keys or len(keys) != len(set(keys)):
        raise FragmentError(f"fragment {name}: must open with one `// needs:` line (and at most one `// internal:`)")


def _check(name: str, found: Fragment) -> None:
    # `{var}` as a name, so that fragments used on it (`{{deal_record_visible({var})}}`) are checked too.
    code = _code(found.body).replace("{var}", _VAR)
    nested = [fragment(m.group(2)) for m in _MACRO.finditer(code)]
    own = _MACRO.sub(lambda m: m.group(3), code)
    used = used_parameters(code).union(*(f.parameters for f in nested))
    problems = []
    if used != found.parameters:
        problems.append(f"uses parameters {sorted(used)} but declares {sorted(found.parameters)}")
    if missing := set().union(*(f.variables for f in nested)) - found.variables:
        problems.append(f"does not declare the variables its fragments need: {sorted(missing)}")
    words = set(re.findall(r"\w+", own))
    if absent := (found.variables - set().union(*(f.variables for f in nested)) | set(found.internal)) - words:
        problems.append(f"declares names it does not use: {sorted(absent)}")
    if bad := [n for n in found.internal if not _INTERNAL_NAME.fullmatch(n)]:
        problems.append(f"internal names must be `_` and letters: {bad}")
    if undeclared := set(_UNDERSCORED.findall(own)) - set(found.internal):
        problems.append(f"does not declare internal {sorted(undeclared)}")
    bound = {m for binder in _BINDERS for m in binder.findall(own)} - found.variables - {_VAR}
    if unscoped := sorted(n for n in bound if not n.startswith("_")):
        problems.append(f"binds {unscoped}: name them `_...` and declare them internal")
    if problems:
        raise FragmentError(f"fragment {name}: " + "; ".join(problems))


def _code(text: str) -> str:
    """`text` without comments and with string literals emptied: where names and parameters are read."""
    return _LITERAL_OR_COMMENT.sub(lambda m: "''" if m.group(1) else "", text)


def _rename(text: str, names: dict[str, str]) -> str:
    """`text` with each variable of `names` renamed, outside string literals."""
    if not names:
        return text
    word = re.compile(r"(?<![\w$.])(" + "|".join(map(re.escape, names)) + r")\b")
    return "".join(part if n % 2 else word.sub(lambda m: names[m.group(1)], part)
                   for n, part in enumerate(_LITERAL.split(text)))


def split_statements(text: str) -> list[str]:
    """Split a migration or data file into statements on `;` at line ends, dropping comments."""
    return [s.strip() for s in re.split(r";\s*$", strip_comments(text), flags=re.M) if s.strip()]
