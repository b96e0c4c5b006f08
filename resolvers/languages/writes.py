"""Language writes (docs/LANGUAGES.md): input checks, then one graph write. Locales must be supported (and a
translation's not the default: the graph's own name is the default language's)."""

from __future__ import annotations

from auth.permissions import Action, own_org_only
from graph.languages.records import TRANSLATED_TYPES, EnterpriseRecord, TranslationRecord
from graph.languages.writes import LanguageSetup
from graph.partners.records import PartnerRecord
from graph.shared.errors import ErrorCode
from resolvers.shared.checks import Checks, Field
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run

MAX_NAME = 200
MAX_DESCRIPTION = 2000


def _setup(ctx: RequestContext) -> LanguageSetup:
    return LanguageSetup(ctx.graph, ctx.viewer.scope, ctx.now)


def supported_locale(ctx: RequestContext, checks: Checks, value: str | None, field: Field) -> str | None:
    """The supported locale `value` names (case and `_` aside), or a VALIDATION error naming the supported ones;
    None stays None (clears a preference)."""
    if value is None:
        return None
    found = ctx.languages.supports(value)
    if found is None:
        supported = ", ".join(ctx.languages.supported)
        checks.fail(ErrorCode.VALIDATION, f"not a supported locale; supported: {supported}", field)
    return found


async def set_translation(ctx: RequestContext, subject: str, locale: str, name: str | None,
                          description: str | None) -> Outcome[list[TranslationRecord]]:
    """Set (`name` given) or remove (`name` None) a translation of a program, segment, product or case category."""

    async def work() -> list[TranslationRecord]:
        checks = Checks()
        found = checks.typed_node_id(subject, TRANSLATED_TYPES, ("subject",))
        code = supported_locale(ctx, checks, locale, ("locale",))
        if code is not None and code == ctx.languages.default:
            checks.fail(ErrorCode.VALIDATION, "the default language is the record's own name and description; "
                        "translate into another locale", ("locale",))
        cleaned_name = cleaned_description = None
        if name is not None:
            cleaned_name = checks.text(name, ("name",), max_length=MAX_NAME)
            cleaned_description = checks.text(description, ("description",), required=False,
                                              max_length=MAX_DESCRIPTION, long=True)
        checks.done()
        assert found is not None and code is not None
        type_, subject_id = found
        return await _setup(ctx).set_translation(type_, subject_id, code, cleaned_name, cleaned_description)

    return await run(ctx, Action.MANAGE_TRANSLATIONS, work)


async def set_partner_language(ctx: RequestContext, partner: str, language: str | None) -> Outcome[PartnerRecord]:
    async def work() -> PartnerRecord:
        checks = Checks()
        partner_id = checks.node_id(partner, "Partner", ("partner",))
        code = supported_locale(ctx, checks, language, ("language",))
        checks.done()
        assert partner_id is not None
        return await _setup(ctx).set_partner_language(partner_id, code,
                                                      own_org_only(ctx.viewer, Action.SET_PARTNER_LANGUAGE))

    return await run(ctx, Action.SET_PARTNER_LANGUAGE, work)


async def set_enterprise_language(ctx: RequestContext, language: str | None) -> Outcome[EnterpriseRecord]:
    async def work() -> EnterpriseRecord:
        checks = Checks()
        code = supported_locale(ctx, checks, language, ("language",))
        checks.done()
        return await _setup(ctx).set_enterprise_language(code)

    return await run(ctx, Action.SET_ENTERPRISE_LANGUAGE, work)
