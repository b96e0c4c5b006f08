"""Mutations of the languages domain (docs/LANGUAGES.md): translations of names and descriptions, and the
preferred languages of partners and of the enterprise."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.languages import writes as languages_writes
from resolvers.shared.mutations import Outcome
from schema.languages.types import LanguageSettings, LanguageSettingsPayload, TranslationsPayload
from schema.partners.types import Partner
from schema.shared.admission import requires
from schema.shared.payloads import Result, payload

PartnerLanguagePayload = payload("PartnerLanguagePayload", "Result of setPartnerLanguage.",
                                 Result("partner", Partner, "The partner as it is now"))

SubjectArg = Annotated[strawberry.ID, strawberry.argument(
    description="The global ID of the Program, Segment, Product or CaseCategory whose name is translated.")]
LocaleArg = Annotated[str, strawberry.argument(
    description="The locale of the translation: one of `languages.supported` but the default.")]
LanguageArg = Annotated[str | None, strawberry.argument(
    description="A locale of `languages.supported`; null clears the preference.")]


@strawberry.type
class LanguageMutations:
    @strawberry.mutation(description="Set the name and description of a program, segment, product or case category in "
                         "one language (enterprise admin); it replaces that language's translation.",
                         metadata=requires(Action.MANAGE_TRANSLATIONS))
    async def set_translation(
        self, info: Info, subject: SubjectArg, locale: LocaleArg,
        name: Annotated[str, strawberry.argument(description="The name in that language (at most 200 characters).")],
        description: Annotated[str | None, strawberry.argument(
            description="The description in that language (at most 2,000 characters); null: none.")] = None,
    ) -> TranslationsPayload:
        return TranslationsPayload.from_outcome(await languages_writes.set_translation(
            info.context, subject, locale, name, description))

    @strawberry.mutation(description="Remove the translation of a program's, segment's, product's or case category's "
                         "name and description in one language (enterprise admin): that language reads the default "
                         "again. Removing one that does not exist changes nothing.",
                         metadata=requires(Action.MANAGE_TRANSLATIONS))
    async def remove_translation(self, info: Info, subject: SubjectArg, locale: LocaleArg) -> TranslationsPayload:
        return TranslationsPayload.from_outcome(await languages_writes.set_translation(
            info.context, subject, locale, None, None))

    @strawberry.mutation(description="Set the language a partner's staff read in when a request asks for none the API "
                         "supports (enterprise admin; partner admin for their own organization).",
                         metadata=requires(Action.SET_PARTNER_LANGUAGE))
    async def set_partner_language(
        self, info: Info,
        partner: Annotated[strawberry.ID, strawberry.argument(description="The partner's global ID.")],
        language: LanguageArg,
    ) -> PartnerLanguagePayload:
        return PartnerLanguagePayload.from_outcome(await languages_writes.set_partner_language(
            info.context, partner, language))

    @strawberry.mutation(description="Set the enterprise's preferred language (enterprise admin): what its staff, and "
                         "partners without a preference of their own, read in when a request asks for none the API "
                         "supports.", metadata=requires(Action.SET_ENTERPRISE_LANGUAGE))
    async def set_enterprise_language(self, info: Info, language: LanguageArg) -> LanguageSettingsPayload:
        outcome = await languages_writes.set_enterprise_language(info.context, language)
        return LanguageSettingsPayload.from_outcome(Outcome(
            result=LanguageSettings.of(info) if outcome.result is not None else None, errors=outcome.errors))
