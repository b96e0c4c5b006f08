"""Types of the languages domain (docs/LANGUAGES.md): translations of names and descriptions, the supported
languages and the enterprise's language setting."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph.languages.records import TranslationRecord
from resolvers.languages import reads as languages_reads
from schema.shared.graph_mapping import Shape, reach
from schema.shared.payloads import Result, payload


@strawberry.type(description="A name and description in one language other than the default (setTranslation). "
                 "Where a request's language has none, the default-language name and description are read.")
class Translation:
    # How a declared `translations` reach reads it on the resolvers' path (schema/shared/declared_reads.py).
    record = "{node} {.locale, .name, .description}"
    record_type = TranslationRecord
    companions = ()

    locale: str = strawberry.field(description="The locale, one of `languages.supported`.")
    name: str = strawberry.field(description="The name in that language.")
    description: str | None = strawberry.field(description="The description in that language; null: none.")

    @classmethod
    def from_record(cls, r: TranslationRecord) -> Translation:
        return cls(locale=r.locale, name=r.name, description=r.description)


# The `translations` field of every translated type (Program, Segment, Product, CaseCategory): one mapping for the
# compiled statement and the resolvers' DataLoader.
TRANSLATIONS = reach("MATCH ({parent})-[:TRANSLATED_AS]->({node}:Translation)", Shape.LIST,
                     order="{node}.locale")
TRANSLATIONS_DESCRIPTION = ("Every translation of the name and description, by locale; `name` and `description` "
                            "read the request's.")
NAME_DESCRIPTION = " In the request's language where translated (docs/LANGUAGES.md), else the default language."


@strawberry.type(description="A language the API answers in.")
class Language:
    code: str = strawberry.field(description="The locale code, as `@locale(code:)` and setTranslation take it.")
    name: str = strawberry.field(description="The language's name in itself (Deutsch, français).")


@strawberry.type(description="The languages of the API (docs/LANGUAGES.md): which it supports, the default (the "
                 "language of the graph's own names and of the code's messages), the enterprise's preferred one, and "
                 "the one this response is in.")
class LanguageSettings:
    supported: list[Language] = strawberry.field(description="The supported languages, the default first.")
    default: str = strawberry.field(description="The default locale (PARTNERGRAPH_DEFAULT_LOCALE).")
    current: str = strawberry.field(description="The locale this response reads in: the `@locale` directive's, "
                                    "else Accept-Language's, else the viewer's partner's, else the enterprise's "
                                    "preferred language, else the default.")

    @strawberry.field(description="The enterprise's preferred language (setEnterpriseLanguage): what its staff, "
                      "and partners without a preference of their own, read in when a request asks for none the API "
                      "supports; null: the default.")
    async def enterprise_language(self, info: Info) -> str | None:
        record = await languages_reads.enterprise(info.context)
        return record.preferred_language if record else None

    @classmethod
    def of(cls, info: Info) -> LanguageSettings:
        context = info.context
        languages = context.languages
        codes = sorted(languages.supported, key=lambda code: code != languages.default)
        return cls(supported=[Language(code=c, name=languages.display_name(c)) for c in codes],
                   default=languages.default, current=context.locale)


TranslationsPayload = payload("TranslationsPayload", "Result of setTranslation and removeTranslation.",
                              Result("translations", Translation, "Every translation of the name and description "
                                     "now, by locale", many=True))
LanguageSettingsPayload = payload("LanguageSettingsPayload", "Result of setEnterpriseLanguage.",
                                  Result("languages", LanguageSettings, "The language settings now"))
