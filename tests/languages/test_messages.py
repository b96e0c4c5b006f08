"""The message catalogs (locales/<locale>/LC_MESSAGES/partnergraph.po, docs/LANGUAGES.md) cannot rot silently:
every message id is a message the code writes (a string or f-string of the code, placeholders aside), each
catalog translates the same ids with the same placeholders, and every message of the shared refusals (HTTP,
limits, input checks, IDs, cursors, permissions, the languages domain) has a German and a French entry."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from resolvers.shared.languages import CATALOGS, DOMAIN, Catalog, placeholders

ROOT = Path(__file__).resolve().parents[2]
CODE = [p for package in ("gateway", "schema", "resolvers", "graph", "auth") for p in (ROOT / package).rglob("*.py")]
LOCALES = ("de", "fr")
# Where user-facing messages are made, and which argument of a call is the message (tests/languages keeps the
# catalogs covering these files whole; domain refusals are covered where they are common, e.g. "… not found").
COVERED = {"gateway/http.py": {"HTTPProblem": 1, "_unauthorized": 0, "_too_large": 1, "_too_deep": 0},
           "gateway/bookmarks.py": {"BadBookmark": 0},
           "schema/shared/limits.py": {"refusal": 1}, "schema/shared/admission.py": {},
           "resolvers/shared/checks.py": {"fail": 1, "PublicError": 0},
           "resolvers/shared/global_ids.py": {"GlobalIdRefused": 0, "PublicError": 0},
           "resolvers/shared/pagination.py": {"PublicError": 0}, "resolvers/shared/mutations.py": {"UserError": 1},
           "resolvers/languages/writes.py": {"fail": 1}, "graph/languages/writes.py": {"UserError": 1},
           "graph/shared/lifecycle.py": {"UserError": 1}, "auth/tokens.py": {"InvalidToken": 0}}


def _template(node: ast.AST) -> str | None:
    """A string constant as it is, an f-string with each expression as a `{…}` placeholder."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"
                       for v in node.values)
    return None


def skeleton(text: str) -> str:
    """Placeholders, whatever they are named (a msgid names them, the code has expressions), all alike."""
    return re.sub(r"\{[^{}]*\}", "{}", text)


def _code_messages() -> set[str]:
    found = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text())):
            text = _template(node)
            if text:
                found.add(skeleton(text))
    return found


def _catalog(locale: str) -> dict[str, str]:
    with (CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        return {m.id: m.string for m in read_po(file, locale=locale, domain=DOMAIN) if m.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_id_is_a_message_of_the_code(locale):
    code = _code_messages()
    stale = [msgid for msgid in _catalog(locale) if skeleton(msgid) not in code]
    assert not stale, f"catalogued messages the code no longer writes: {stale}"


def test_the_catalogs_translate_the_same_messages_with_the_same_placeholders():
    german, french = _catalog("de"), _catalog("fr")
    assert german.keys() == french.keys()
    for catalog in (german, french):
        for msgid, text in catalog.items():
            assert text, f"untranslated: {msgid!r}"
            assert placeholders(text) == placeholders(msgid), (msgid, text)


def _shared_messages() -> list[str]:
    messages = []
    for relative, calls in COVERED.items():
        for node in ast.walk(ast.parse((ROOT / relative).read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            position = calls.get(name or "")
            if position is not None and len(node.args) > position:
                text = _template(node.args[position])
                if text and not text.startswith("{"):  # a message passed on (`str(refused)`) is its own entry
                    messages.append(text)
    return messages


def test_every_shared_refusal_has_a_german_and_a_french_message():
    catalogued = {skeleton(msgid) for msgid in _catalog("de")} & {skeleton(msgid) for msgid in _catalog("fr")}
    messages = _shared_messages()
    assert len(messages) > 40
    missing = sorted({m for m in messages if skeleton(m) not in catalogued})
    assert not missing, f"messages without a German and French entry: {missing}"


def test_a_hostile_message_is_translated_in_bounded_time_without_recursion():
    """Messages carry client input: one that nests a template in itself (here 60,000 levels; the catalog once
    recursed into each value until RecursionError) stays English past the length cap; under the cap its values are
    translated one level down, no deeper."""
    german = Catalog.read(CATALOGS / "de" / "LC_MESSAGES" / f"{DOMAIN}.po", "de")
    hostile = "the body" + " is larger than 1 bytes" * 60_000
    assert german.translate(hostile) == hostile
    nested = "the body" + " is larger than 1 bytes" * 20  # under the cap: translated, its values one level down
    assert german.translate(nested).startswith("der Rumpf der Anfrage ist größer als 1 ")
