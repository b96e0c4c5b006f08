"""Language reads (docs/LANGUAGES.md): the enterprise's language setting. Translations are read where their
nodes are (the `localized_name` and `localized_description` fragments, and the declared `translations` reach)."""

from __future__ import annotations

from graph.languages.records import EnterpriseRecord
from graph.shared.client import GraphSession


class LanguageRepository:
    def __init__(self, session: GraphSession):
        self.session = session

    async def enterprise(self, keys: list[str]) -> dict[str, EnterpriseRecord]:
        """The enterprise's settings (the one key is "enterprise"); none before migration 0014."""
        rows = await self.session.read("languages/reads/enterprise")
        return {row["enterprise"]["id"]: EnterpriseRecord.from_map(row["enterprise"]) for row in rows}
