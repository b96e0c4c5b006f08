"""Channel partners and the channel hierarchy."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.records import PartnerFilter as PartnerFilterRecord
from graph.records import PartnerNameRecord, PartnerRecord
from resolvers import accounts as account_resolvers
from resolvers import partners as partner_resolvers
from resolvers.errors import PublicError
from schema.admission import argument_checks
from schema.keys import KeyedNode
from schema.accounts import Account
from schema.organizations import Organization
from schema.partner_cases import PartnerCaseFields
from schema.partner_insights import PartnerInsightsFields
from schema.partner_selling import PartnerSellingFields
from schema.pagination import to_connection
from schema.people import PartnerRole, Person


@strawberry.enum(description="The kind of channel partner (External Business Organization).")
class PartnerType(Enum):
    RESELLER = "RESELLER"
    DISTRIBUTOR = "DISTRIBUTOR"
    SYSTEM_INTEGRATOR = "SYSTEM_INTEGRATOR"
    SERVICE_PROVIDER = "SERVICE_PROVIDER"
    REFERRAL = "REFERRAL"
    OEM = "OEM"
    FRANCHISE = "FRANCHISE"


@strawberry.enum(description="Where a channel partner stands with the enterprise.")
class PartnerStatus(Enum):
    PROSPECT = "PROSPECT"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    TERMINATED = "TERMINATED"


@strawberry.interface(
    description="A partner as the viewer may see it: the whole `Partner` when it is in scope, or only its "
    "name (`PartnerName`) for an ancestor of a partner admin's or manager's own organization."
)
class PartnerRef:
    name: str = strawberry.field(description="The partner's display name.")


@strawberry.type(description="An ancestor partner seen by name only.")
class PartnerName(PartnerRef):
    name: str = strawberry.field(description="The partner's display name.")


@strawberry.input(description="Narrows a partner listing; every field left out matches all.")
class PartnerFilter:
    types: list[PartnerType] | None = strawberry.field(default=None, description="Any of these partner types.")
    statuses: list[PartnerStatus] | None = strawberry.field(default=None, description="Any of these statuses.")
    countries: list[str] | None = strawberry.field(default=None, description="Any of these ISO country codes.")
    name_contains: str | None = strawberry.field(default=None, description="Case-insensitive part of the name.")
    programs: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Members (not terminated) of any of these programs, by global ID.")
    segments: list[strawberry.ID] | None = strawberry.field(
        default=None, description="In any of these segments now (partnership not terminated), by global ID.")

    def to_record(self) -> PartnerFilterRecord:
        return PartnerFilterRecord(
            types=tuple(t.value for t in self.types) if self.types is not None else None,
            statuses=tuple(s.value for s in self.statuses) if self.statuses is not None else None,
            countries=tuple(c.upper() for c in self.countries) if self.countries is not None else None,
            name_contains=self.name_contains or None,
            program_ids=_keys(self.programs, "Program"),
            segment_ids=_keys(self.segments, "Segment"),
        )


def _keys(global_ids: list[str] | None, type_name: str) -> tuple[str, ...] | None:
    if global_ids is None:
        return None
    keys = []
    for value in global_ids:
        try:
            global_id = relay.GlobalID.from_id(value)
        except relay.GlobalIDValueError:
            global_id = None
        if global_id is None or global_id.type_name != type_name:
            raise PublicError(f"filter expects global IDs of {type_name}s", "VALIDATION")
        keys.append(global_id.node_id)
    return tuple(keys)


def filter_record(filter: PartnerFilter | None) -> PartnerFilterRecord:
    return filter.to_record() if filter else PartnerFilterRecord()


@strawberry.enum(description="What a partner listing is ordered by (ties by id).")
class PartnerOrderField(Enum):
    NAME = "NAME"
    COUNTRY = "COUNTRY"
    STATUS = "STATUS"
    CREATED_AT = "CREATED_AT"


@strawberry.enum(description="Ascending or descending.")
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input(description="The order of a partner listing. Keep it the same across the pages of one listing.")
class PartnerOrder:
    field: PartnerOrderField = strawberry.field(default=PartnerOrderField.NAME, description="The field.")
    direction: OrderDirection = strawberry.field(default=OrderDirection.ASC, description="The direction.")


FilterArg = Annotated[PartnerFilter | None, strawberry.argument(description="Only partners matching this filter.")]
FirstArg = Annotated[int | None, strawberry.argument(description="Page size; capped by the server.")]
AfterArg = Annotated[str | None, strawberry.argument(description="Cursor of the last edge of the previous page.")]


@strawberry.type(description="A channel partner (External Business Organization) in the enterprise's channel.")
class Partner(relay.Node, KeyedNode, Organization, PartnerRef, PartnerSellingFields, PartnerCaseFields,
              PartnerInsightsFields):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The partner's display name.")
    type: PartnerType = strawberry.field(description="The kind of partner.")
    status: PartnerStatus = strawberry.field(description="Lifecycle status.")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    currency: str | None = strawberry.field(description="Default ISO 4217 currency code.")

    @classmethod
    def from_record(cls, r: PartnerRecord) -> Partner:
        return cls(id=r.id, name=r.name, type=PartnerType(r.type), status=PartnerStatus(r.status),
                   country=r.country, currency=r.currency)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Partner | None]:
        records = await info.context.loaders.partner.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="The parent partner in the channel hierarchy; null at a root or out of scope.")
    async def parent(self, info: Info) -> PartnerRef | None:
        record = await partner_resolvers.parent(info.context, self.id)
        return partner_ref(record)

    @strawberry.field(description="The partner's ancestors from the root down: whole when in scope, by name "
                      "only above a partner admin's or manager's own organization; others are left out.")
    async def ancestors(self, info: Info) -> list[PartnerRef]:
        return [partner_ref(r) for r in await partner_resolvers.ancestors(info.context, self.id)]

    @strawberry.field(description="Depth in the channel hierarchy: 0 for a partner without a parent.")
    async def depth(self, info: Info) -> int:
        return await partner_resolvers.depth(info.context, self.id)

    @strawberry.field(description="The partner's direct children in the channel hierarchy, by name.")
    async def children(self, info: Info, filter: FilterArg = None, first: FirstArg = None,
                       after: AfterArg = None) -> relay.Connection[Partner]:
        page = await partner_resolvers.children(info.context, self.id, first, after, filter_record(filter))
        return to_connection(page, Partner.from_record)

    @strawberry.field(description="The visible partners below this one, by name, down to `maxDepth` levels.",
                      metadata=argument_checks(lambda args, ctx: partner_resolvers.check_max_depth(args.get("maxDepth"))))
    async def descendants(
        self,
        info: Info,
        max_depth: Annotated[int | None, strawberry.argument(description="Levels below this partner; all when null.")] = None,
        filter: FilterArg = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Partner]:
        page = await partner_resolvers.descendants(info.context, self.id, max_depth, first, after, filter_record(filter))
        return to_connection(page, Partner.from_record)

    @strawberry.field(description="The partner's own staff, by name.")
    async def staff(
        self,
        info: Info,
        roles: Annotated[list[PartnerRole] | None, strawberry.argument(description="Only these roles.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Person]:
        wanted = tuple(r.value for r in roles) if roles else None
        page = await partner_resolvers.staff(info.context, self.id, wanted, first, after)
        return to_connection(page, Person.from_record)

    @strawberry.field(description="The end-customer accounts this partner serves, by name.")
    async def accounts(
        self,
        info: Info,
        name_contains: Annotated[str | None, strawberry.argument(description="Case-insensitive part of the name.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Account]:
        page = await account_resolvers.of_partner(info.context, self.id, name_contains, first, after)
        return to_connection(page, Account.from_record)

    @strawberry.field(description="The enterprise relationship managers assigned to this partner.")
    async def relationship_managers(self, info: Info) -> list[Person]:
        return [Person.from_record(r) for r in await partner_resolvers.relationship_managers(info.context, self.id)]

    @strawberry.field(description="The partner's memberships in programs (partnerships), by program name.")
    async def partnerships(
        self,
        info: Info,
        status: Annotated[Annotated["PartnershipStatus", strawberry.lazy("schema.partnerships")] | None,
                          strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Annotated["Partnership", strawberry.lazy("schema.partnerships")]]:
        from resolvers import partnerships as partnership_resolvers  # lazily: partnerships refer to partners
        from schema.partnerships import Partnership

        page = await partnership_resolvers.of_partner(info.context, self.id, status.value if status else None,
                                                      first, after)
        return to_connection(page, Partnership.from_record)


def partner_ref(record: PartnerRecord | PartnerNameRecord | None) -> PartnerRef | None:
    if record is None:
        return None
    if isinstance(record, PartnerNameRecord):
        return PartnerName(name=record.name)
    return Partner.from_record(record)
