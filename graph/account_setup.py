"""Creating end-customer accounts for the partners that serve them (one write transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.client import CountingTransaction, GraphSession
from graph.errors import ErrorCode, UserError, reject_if
from graph.records import AccountRecord


@dataclass(frozen=True)
class NewAccount:
    id: str
    name: str
    country: str | None
    industry: str | None
    partner_id: str
    field: tuple[str, ...]


class AccountSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def create(self, items: list[NewAccount]) -> list[AccountRecord]:
        async def work(tx: CountingTransaction) -> list[AccountRecord]:
            (facts,) = await tx.query("account_setup/create_check", partnerIds=sorted({i.partner_id for i in items}),
                                      keys=[i.id for i in items], scope=self.scope)
            unreachable, taken = set(facts["unreachable"]), set(facts["takenKeys"])
            errors, keys = [], set()
            for item in items:
                if item.partner_id in unreachable:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", item.field + ("partner",)))
                if item.id in taken or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"an account with key {item.id!r} exists",
                                            item.field + ("key",)))
                keys.add(item.id)
            reject_if(errors)
            rows = await tx.query("account_setup/create", rows=[
                {"id": i.id, "name": i.name, "country": i.country, "industry": i.industry, "partnerId": i.partner_id}
                for i in items])
            return [AccountRecord.from_map(row["account"]) for row in rows]

        return await self.session.write_transaction(work)
