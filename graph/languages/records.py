"""Language records (docs/LANGUAGES.md): a translation of a program's, segment's, product's or case category's name
and description, and the enterprise's language setting; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass

from graph.shared.records import Record

# What a translation belongs to: the labels of the nodes whose names and descriptions are translated, by the
# GraphQL type of their global IDs (the same names).
TRANSLATED_TYPES = ("Program", "Segment", "Product", "CaseCategory")


@dataclass(frozen=True, slots=True)
class TranslationRecord(Record):
    """A node's name and description in one locale: `(owner)-[:TRANSLATED_AS]->(:Translation)`."""

    UNMAPPED_KEYS = frozenset({"key", "updatedAt", "version"})

    locale: str
    name: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class EnterpriseRecord(Record):
    """The enterprise's own settings: the one `(:Enterprise {id: 'enterprise'})` node."""

    UNMAPPED_KEYS = frozenset({"updatedAt", "version"})

    id: str
    preferred_language: str | None = None
