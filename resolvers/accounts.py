"""End-customer accounts: reads through DataLoaders, and their creation."""

from __future__ import annotations

from typing import Any

from auth.permissions import Action
from graph.account_setup import AccountSetup, NewAccount
from graph.records import AccountRecord, Page, PartnerRecord
from resolvers.checks import Checks
from resolvers.context import RequestContext
from resolvers.mutations import Outcome, run
from resolvers.pagination import decode_cursor, page_size


async def account(ctx: RequestContext, account_id: str) -> AccountRecord | None:
    return await ctx.loaders.account.load(account_id)


async def of_partner(ctx: RequestContext, partner_id: str, name_contains: str | None, first: int | None,
                     after: str | None) -> Page[AccountRecord]:
    key = (partner_id, name_contains or None, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_accounts.load(key)


async def serving_partners(ctx: RequestContext, account_id: str) -> list[PartnerRecord]:
    return await ctx.loaders.serving_partners.load(account_id) or []


async def create_accounts(ctx: RequestContext, items: list[Any]) -> Outcome[list[AccountRecord]]:
    async def work() -> list[AccountRecord]:
        checks = Checks()
        checks.batch(items, ("accounts",))
        accounts = []
        for index, item in enumerate(items):
            at = ("accounts", str(index))
            accounts.append(NewAccount(
                id=checks.key(item.key, "acct", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                country=checks.country(item.country, at + ("country",)),
                industry=checks.text(item.industry, at + ("industry",), required=False, max_length=100),
                partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)),
                field=at,
            ))
        checks.done()
        return await AccountSetup(ctx.graph, ctx.viewer.scope).create(accounts)

    return await run(ctx, Action.MANAGE_ACCOUNTS, work)
