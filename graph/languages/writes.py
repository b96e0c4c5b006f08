"""Language writes (docs/LANGUAGES.md): translations of names and descriptions, a partner's and the enterprise's
preferred language. Each runs in one write transaction that locks what it changes and reports it to the change
log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph.languages.records import EnterpriseRecord, TranslationRecord
from graph.partners.records import PartnerRecord
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError

Field = tuple[str, ...]


class LanguageSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any], now: datetime):
        self.session = session
        self.scope = scope
        self.now = now

    async def set_translation(self, type_: str, subject_id: str, locale: str, name: str | None,
                              description: str | None) -> list[TranslationRecord]:
        """Set the `locale` translation of a Program, Segment, Product or CaseCategory (`name` None: remove it);
        the subject's translations after."""

        async def work(tx: CountingTransaction) -> list[TranslationRecord]:
            rows = await tx.query("languages/writes/lock_subject", type=type_, id=subject_id)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "nothing to translate has that ID", ("subject",))])
            (row,) = await tx.query("languages/writes/set_translation", type=type_, id=subject_id, locale=locale,
                                    name=name, description=description, now=self.now,
                                    scopeId=rows[0]["programId"])
            return [TranslationRecord.from_map(t) for t in row["translations"]]

        return await self.session.write_transaction(work)

    async def set_partner_language(self, partner_id: str, language: str | None, own_org: str | None) -> PartnerRecord:
        async def work(tx: CountingTransaction) -> PartnerRecord:
            rows = await tx.query("languages/writes/set_partner_language", id=partner_id, language=language,
                                  ownOrg=own_org, scope=self.scope, now=self.now)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "partner not found", ("partner",))])
            return PartnerRecord.from_map(rows[0]["partner"])

        return await self.session.write_transaction(work)

    async def set_enterprise_language(self, language: str | None) -> EnterpriseRecord:
        async def work(tx: CountingTransaction) -> EnterpriseRecord:
            (row,) = await tx.query("languages/writes/set_enterprise_language", language=language, now=self.now)
            return EnterpriseRecord.from_map(row["enterprise"])

        return await self.session.write_transaction(work)
