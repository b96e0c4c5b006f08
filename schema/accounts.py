"""End-customer accounts and their creation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from auth.permissions import Action
from graph.records import AccountRecord
from resolvers import accounts as account_resolvers
from schema.admission import requires
from schema.keys import KeyedNode
from schema.errors import UserError, user_errors

if TYPE_CHECKING:
    from schema.partners import Partner


@strawberry.type(description="An end customer of the enterprise, served by one or more channel partners.")
class Account(relay.Node, KeyedNode):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The customer's name.")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    industry: str | None = strawberry.field(description="Industry, free text.")

    @classmethod
    def from_record(cls, r: AccountRecord) -> Account:
        return cls(id=r.id, name=r.name, country=r.country, industry=r.industry)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Account | None]:
        records = await info.context.loaders.account.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="The partners serving this account that the viewer may see.")
    async def partners(self, info: Info) -> list[Annotated[Partner, strawberry.lazy("schema.partners")]]:
        from schema.partners import Partner

        return [Partner.from_record(r) for r in await account_resolvers.serving_partners(info.context, self.id)]


@strawberry.input(description="An end-customer account to create for a partner that serves it.")
class CreateAccountInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the serving partner.")
    name: str = strawberry.field(description="The customer's name.")
    country: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2 country code.")
    industry: str | None = strawberry.field(default=None, description="Industry, free text.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.type(description="Result of createAccounts.")
class CreateAccountsPayload:
    accounts: list[Account] = strawberry.field(description="The accounts created, in input order; empty on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing was created; empty on success.")


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Create end-customer accounts (enterprise admin; partner admin or manager "
                         "for partners in their scope). All or nothing.", metadata=requires(Action.MANAGE_ACCOUNTS))
    async def create_accounts(
        self, info: Info,
        accounts: Annotated[list[CreateAccountInput], strawberry.argument(description="The accounts to create.")],
    ) -> CreateAccountsPayload:
        outcome = await account_resolvers.create_accounts(info.context, accounts)
        return CreateAccountsPayload(accounts=[Account.from_record(r) for r in outcome.result or []],
                                     errors=user_errors(outcome.errors))
