"""Types of the partners domain: channel partners and their hierarchy, partner and enterprise staff, end-customer
accounts, the enterprise's internal organizations, and the viewer.

`Partner` composes the fields every other domain adds to it (`schema/<domain>/partner_fields.py`)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.partners.records import AccountRecord, InternalOrgRecord, PartnerNameRecord, PartnerRecord, PersonRecord
from graph.partners.records import PartnerFilter as PartnerFilterRecord
from resolvers.partners import reads as partners_reads
from schema.cases.partner_fields import PartnerCaseFields
from schema.changes.types import Audited
from schema.insights.partner_fields import PartnerInsightsFields
from schema.leads.partner_fields import PartnerLeadFields
from schema.mdf.partner_fields import PartnerMdfFields
from schema.partners.enums import (
    PartnerRole,
    PartnerStatus,
    PartnerType,
    PersonaEnum,
)
from schema.partners.inputs import PartnerFilter
from schema.programs.partner_fields import PartnerProgramFields
from schema.selling.partner_fields import PartnerSellingFields
from schema.shared.admission import argument_checks
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import Shape, reach, value
from schema.shared.keys import KeyedNode
from schema.shared.nodes import LoadedNode
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.interface(description="An organization: a channel partner or one of the enterprise's own units.")
class Organization:
    name: str = strawberry.field(description="The organization's display name.")


@strawberry.type(description="An internal business organization: a unit of the enterprise that runs partner programs.")
class InternalOrg(LoadedNode, relay.Node, Organization):
    loader = "internal_org"
    lookup = "true"
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The unit's display name.")

    @classmethod
    def from_record(cls, record: InternalOrgRecord) -> InternalOrg:
        return cls(id=record.id, name=record.name)


@strawberry.interface(
    description="A partner as the viewer may see it: the whole `Partner` when it is in scope, or only its "
    "name (`PartnerName`) for an ancestor of a partner admin's or manager's own organization."
)
class PartnerRef:
    name: str = strawberry.field(description="The partner's display name.")


@strawberry.type(description="An ancestor partner seen by name only.")
class PartnerName(PartnerRef):
    name: str = strawberry.field(description="The partner's display name.")


@strawberry.type(description="A person: partner staff or enterprise staff.")
class Person(LoadedNode, relay.Node, KeyedNode):
    loader = "person"
    lookup = "{{person_visible({node})}}"
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Full name.")
    email: str | None = strawberry.field(description="Work e-mail address.")
    partner_role: PartnerRole | None = strawberry.field(
        default=None, description="Role in the partner organization, when listed as a partner's staff.")

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        role = PartnerRole(record.partner_role) if record.partner_role else None
        return cls(id=record.id, name=record.name, email=record.email, partner_role=role)


FilterArg = Annotated[PartnerFilter | None, strawberry.argument(description="Only partners matching this filter.")]


def filter_record(filter: PartnerFilter | None) -> PartnerFilterRecord:
    return filter.to_record() if filter else PartnerFilterRecord()


@strawberry.type(description="A channel partner (External Business Organization) in the enterprise's channel.")
class Partner(LoadedNode, relay.Node, KeyedNode, Organization, PartnerRef, PartnerProgramFields,
              PartnerSellingFields, PartnerLeadFields, PartnerCaseFields, PartnerInsightsFields, PartnerMdfFields,
              Audited):
    loader = "partner"
    lookup = "{{partner_visible({node})}}"
    record = "{{partner_record({node})}}"
    record_type = PartnerRecord
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The partner's display name.")
    type: PartnerType = strawberry.field(description="The kind of partner.")
    status: PartnerStatus = strawberry.field(description="Lifecycle status.")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    currency: str | None = strawberry.field(description="Default ISO 4217 currency code.")
    preferred_language: str | None = strawberry.field(description=(
        "The language the partner's staff read in when a request asks for none the API supports (a locale code of "
        "`languages`, set by setPartnerLanguage); null: the enterprise's."))

    @classmethod
    def from_record(cls, r: PartnerRecord) -> Partner:
        return cls(id=r.id, name=r.name, type=PartnerType(r.type), status=PartnerStatus(r.status),
                   country=r.country, currency=r.currency, preferred_language=r.preferred_language)

    @strawberry.field(description="The parent partner in the channel hierarchy; null at a root or out of scope.")
    async def parent(self, info: Info) -> PartnerRef | None:
        record = await partners_reads.parent(info.context, self.id)
        return partner_ref(record)

    @strawberry.field(description="The partner's ancestors from the root down: whole when in scope, by name "
                      "only above a partner admin's or manager's own organization; others are left out.")
    async def ancestors(self, info: Info) -> list[PartnerRef]:
        return [partner_ref(r) for r in await partners_reads.ancestors(info.context, self.id)]

    @strawberry.field(description="Depth in the channel hierarchy: 0 for a partner without a parent.",
                      metadata=value("{{partner_depth({node})}}"))
    async def depth(self, info: Info) -> int:
        return await partners_reads.depth(info.context, self.id)

    @strawberry.field(description="The partner's direct children in the channel hierarchy, by name.", metadata=reach(
        "WITH {parent}, {{partner_subtree_visible({parent})}} AS _below "
        "MATCH ({parent})-[:PARENT_OF]->({node}:Partner) WHERE (_below OR {{partner_visible({node})}}) "
        "AND {{after_cursor({node})}} AND {{partner_filter({node})}}", Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {"filter": filter_record(args.get("filter")).as_param()}))
    async def children(self, info: Info, filter: FilterArg = None, first: FirstArg = None,
                       after: AfterArg = None) -> relay.Connection[Partner]:
        return await reached(info, Partner, self.id, filter=filter, first=first, after=after)

    @strawberry.field(description="The visible partners below this one, by name, down to `maxDepth` levels.",
                      metadata={**argument_checks(lambda args, _: partners_reads.check_max_depth(args.get("maxDepth"))),
                                **reach("MATCH _path = ({parent})-[:PARENT_OF*1..]->({node}:Partner) "
                                        "WHERE ($maxDepth IS NULL OR length(_path) <= $maxDepth) "
                                        "AND {{partner_visible({node})}} AND {{partner_filter({node})}} "
                                        "AND {{after_cursor({node})}}", Shape.PAGE, order="{node}.name, {node}.id",
                                        arguments=lambda args, ctx: {
                                            "maxDepth": args.get("max_depth"),
                                            "filter": filter_record(args.get("filter")).as_param()})})
    async def descendants(
        self,
        info: Info,
        max_depth: Annotated[int | None,
                             strawberry.argument(description="Levels below this partner; all when null.")] = None,
        filter: FilterArg = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Partner]:
        return await reached(info, Partner, self.id, max_depth=max_depth, filter=filter, first=first, after=after)

    @strawberry.field(description="The partner's own staff, by name.")
    async def staff(
        self,
        info: Info,
        roles: Annotated[list[PartnerRole] | None, strawberry.argument(description="Only these roles.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Person]:
        wanted = tuple(r.value for r in roles) if roles else None
        page = await partners_reads.staff(info.context, self.id, wanted, first, after)
        return to_connection(page, Person.from_record)

    @strawberry.field(description="The end-customer accounts this partner serves, by name.", metadata=reach(
        "MATCH ({parent})-[:SERVES]->({node}:Account) WHERE ($nameContains IS NULL OR toLower({node}.name) "
        "CONTAINS toLower($nameContains)) AND {{after_cursor({node})}}", Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {"nameContains": args.get("name_contains") or None}))
    async def accounts(
        self,
        info: Info,
        name_contains: Annotated[str | None,
                                 strawberry.argument(description="Case-insensitive part of the name.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Account]:
        return await reached(info, Account, self.id, name_contains=name_contains, first=first, after=after)

    @strawberry.field(description="The enterprise relationship managers assigned to this partner.")
    async def relationship_managers(self, info: Info) -> list[Person]:
        return [Person.from_record(r) for r in await partners_reads.relationship_managers(info.context, self.id)]


def partner_ref(record: PartnerRecord | PartnerNameRecord | None) -> PartnerRef | None:
    if record is None:
        return None
    if isinstance(record, PartnerNameRecord):
        return PartnerName(name=record.name)
    return Partner.from_record(record)


@strawberry.type(description="An end customer of the enterprise, served by one or more channel partners.")
class Account(LoadedNode, relay.Node, KeyedNode):
    loader = "account"
    lookup = "{{account_visible({node})}}"
    record = "{{account_record({node})}}"
    record_type = AccountRecord
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The customer's name.")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    industry: str | None = strawberry.field(description="Industry, free text.")

    @classmethod
    def from_record(cls, r: AccountRecord) -> Account:
        return cls(id=r.id, name=r.name, country=r.country, industry=r.industry)

    @strawberry.field(description="The partners serving this account that the viewer may see.")
    async def partners(self, info: Info) -> list[Partner]:
        return [Partner.from_record(r) for r in await partners_reads.serving_partners(info.context, self.id)]


@strawberry.type(description="The person the bearer token names, with the persona and organization the graph gives "
                             "them.")
class Viewer:
    persona: PersonaEnum = strawberry.field(description="The persona the graph gives the viewer now.",
                                            metadata=value("$scope.persona"))

    @strawberry.field(description="The viewer as a person.",
                      metadata=reach("MATCH ({node}:Person {id: $scope.person})"))
    async def person(self, info: Info) -> Person | None:
        record = await partners_reads.viewer_person(info.context)
        return Person.from_record(record) if record else None

    @strawberry.field(description="The viewer's organization: their partner, or their enterprise unit.",
                      metadata=reach("CALL () { MATCH (_org:Partner {id: $organization}) RETURN _org UNION "
                                     "MATCH (_org:InternalOrg {id: $organization}) RETURN _org } WITH _org AS {node}",
                                     arguments=lambda args, ctx: {"organization": ctx.viewer.organization_id},
                                     types=("Partner", "InternalOrg")))
    async def organization(self, info: Info) -> Organization | None:
        record = await partners_reads.viewer_organization(info.context)
        if record is None:
            return None
        return InternalOrg.from_record(record) if isinstance(record, InternalOrgRecord) else Partner.from_record(record)


# The partners types another domain's types reach by an id their record holds (through `partner_types`, as
# schema/shared/partner_references.py explains); None when there is no id or the viewer may not see it.
async def partner_of(info: Info, partner_id: str | None) -> Partner | None:
    record = await partners_reads.partner(info.context, partner_id) if partner_id else None
    return Partner.from_record(record) if record else None


async def person_of(info: Info, person_id: str | None) -> Person | None:
    record = await partners_reads.person(info.context, person_id) if person_id else None
    return Person.from_record(record) if record else None


async def account_of(info: Info, account_id: str | None) -> Account | None:
    record = await partners_reads.account(info.context, account_id) if account_id else None
    return Account.from_record(record) if record else None


async def internal_org_of(info: Info, org_id: str | None) -> InternalOrg | None:
    record = await partners_reads.internal_org(info.context, org_id) if org_id else None
    return InternalOrg.from_record(record) if record else None
