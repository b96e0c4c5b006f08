"""Root query fields of the languages domain (docs/LANGUAGES.md)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.languages.types import LanguageSettings


@strawberry.type
class LanguageQueries:
    @strawberry.field(description="The languages the API answers in, the default, the enterprise's preferred one and "
                      "the one this response is in.")
    def languages(self, info: Info) -> LanguageSettings:
        return LanguageSettings.of(info)
