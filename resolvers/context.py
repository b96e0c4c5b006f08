"""What every resolver gets in `info.context`: the viewer, the request's graph session, its loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from aiodataloader import DataLoader

from auth.viewer import Viewer
from graph.client import GraphSession
from graph.accounts import AccountRepository
from graph.organizations import InternalOrgRepository
from graph.partners import PartnerRepository
from graph.partnerships import PartnershipRepository
from graph.people import PersonRepository
from graph.programs import ProgramRepository
from graph.records import IdentityRecord, Page
from resolvers.clock import Clock, SystemClock
from resolvers.loaders import by_key_loader, page_loader, prime


@dataclass(frozen=True)
class PageLimits:
    default: int
    maximum: int


@dataclass(frozen=True)
class BusinessRules:
    """The configurable periods of the domain rules (PARTNERGRAPH_* settings)."""

    deal_protection_days: int = 90
    deal_review_days: int = 14
    case_reopen_days: int = 7


@dataclass
class RequestContext:
    viewer: Viewer
    graph: GraphSession
    page_limits: PageLimits
    request_id: str
    clock: Clock = field(default_factory=SystemClock)
    rules: BusinessRules = field(default_factory=BusinessRules)
    loaders: Loaders = field(init=False)

    @cached_property
    def now(self) -> datetime:
        """The request's "now", read from its clock once (whole seconds), so every time-based figure of
        a response agrees on it and DataLoader keys that carry it batch together."""
        return self.clock.now().replace(microsecond=0)

    def __post_init__(self) -> None:
        self.reset_loaders()

    def reset_loaders(self) -> None:
        self.loaders = Loaders(self.graph, self.viewer)


class Loaders:
    """Created lazily, so a request pays only for the loaders its query uses. New domains add their
    repositories as cached properties built from `self.graph` and `self.viewer`."""

    def __init__(self, graph: GraphSession, viewer: Viewer):
        self.graph = graph
        self.viewer = viewer
        self.partners = PartnerRepository(graph, viewer.scope)
        self.people = PersonRepository(graph, viewer.scope, viewer.person_id)
        self.internal_orgs = InternalOrgRepository(graph)
        self.programs = ProgramRepository(graph, viewer.scope, viewer.is_enterprise)
        self.partnerships = PartnershipRepository(graph, viewer.scope, viewer.is_enterprise)
        self.accounts = AccountRepository(graph, viewer.scope)

    def prime_viewer(self, identity: IdentityRecord) -> None:
        """The viewer's person and organization, read with their identity (graph/people.identity): a
        viewer always sees themselves and their own organization. Only at the start of a request: after
        a write the loaders are rebuilt, and these records may be stale."""
        prime(self.person, {identity.person_id: identity.person})
        if identity.partner is not None:
            prime(self.partner, {identity.partner.id: identity.partner})
        if identity.internal_org is not None:
            prime(self.internal_org, {identity.internal_org.id: identity.internal_org})

    def prime_companions(self, related: dict[str, dict]) -> None:
        """Records a query read along with its own (graph.selling.Companions), into the loaders they belong to."""
        for loader, records in related.items():
            prime(getattr(self, loader), records)

    @cached_property
    def partner(self) -> DataLoader:
        return by_key_loader(self.partners.by_ids)

    @cached_property
    def parent(self) -> DataLoader:
        return by_key_loader(self.partners.parents)

    @cached_property
    def children(self) -> DataLoader:
        return page_loader(self.partners.children, Page.empty)

    @cached_property
    def descendants(self) -> DataLoader:
        return page_loader(self.partners.descendants, Page.empty)

    @cached_property
    def ancestors(self) -> DataLoader:
        return by_key_loader(self.partners.ancestors)

    @cached_property
    def depth(self) -> DataLoader:
        return by_key_loader(self.partners.depths)

    @cached_property
    def staff(self) -> DataLoader:
        return page_loader(self.partners.staff, Page.empty)

    @cached_property
    def relationship_managers(self) -> DataLoader:
        return by_key_loader(self.partners.relationship_managers)

    @cached_property
    def person(self) -> DataLoader:
        return by_key_loader(self.people.by_ids)

    @cached_property
    def internal_org(self) -> DataLoader:
        return by_key_loader(self.internal_orgs.by_ids)

    @cached_property
    def account(self) -> DataLoader:
        return by_key_loader(self.accounts.by_ids)

    @cached_property
    def partner_accounts(self) -> DataLoader:
        return page_loader(self.accounts.of_partners, Page.empty)

    @cached_property
    def serving_partners(self) -> DataLoader:
        return by_key_loader(self.accounts.serving_partners)

    # Programs and partnerships (setup steps 2 and 3).
    @cached_property
    def program(self) -> DataLoader:
        return by_key_loader(self.programs.by_ids)

    @cached_property
    def program_segments(self) -> DataLoader:
        return by_key_loader(self.programs.segments)

    @cached_property
    def segment(self) -> DataLoader:
        return by_key_loader(self.programs.segments_by_ids)

    @cached_property
    def criteria(self) -> DataLoader:
        return by_key_loader(self.programs.criteria)

    @cached_property
    def segment_partners(self) -> DataLoader:
        return page_loader(self.programs.segment_partners, Page.empty)

    @cached_property
    def partnership(self) -> DataLoader:
        return by_key_loader(self.partnerships.by_ids)

    @cached_property
    def program_partnerships(self) -> DataLoader:
        return page_loader(self.partnerships.of_programs, Page.empty)

    @cached_property
    def partner_partnerships(self) -> DataLoader:
        return page_loader(self.partnerships.of_partners, Page.empty)

    @cached_property
    def segment_history(self) -> DataLoader:
        return by_key_loader(self.partnerships.segment_history)

    # Selling: every selling record is visible through its deal registration.
    @cached_property
    def selling(self):  # graph.selling.SellingRepository, imported here to keep this file's head as it is
        from graph.selling import SellingRepository

        return SellingRepository(self.graph, self.viewer.scope)

    @cached_property
    def deal_registration(self) -> DataLoader:
        return by_key_loader(self.selling.registrations)

    @cached_property
    def partner_deal_registrations(self) -> DataLoader:
        async def fetch(partner_ids: list[str], *args):
            found = await self.selling.registrations_of_partners(partner_ids, *args)
            self.prime_companions(found.related)
            return found.pages

        return page_loader(fetch, Page.empty)

    @cached_property
    def deal_lines(self) -> DataLoader:
        return by_key_loader(self.selling.lines)

    @cached_property
    def deal_comments(self) -> DataLoader:
        return by_key_loader(self.selling.comments)

    @cached_property
    def deal_conflicts(self) -> DataLoader:
        return by_key_loader(self.selling.conflicts)

    @cached_property
    def opportunity(self) -> DataLoader:
        return by_key_loader(self.selling.opportunities)

    @cached_property
    def registration_opportunity(self) -> DataLoader:
        return by_key_loader(self.selling.opportunities_of_registrations)

    @cached_property
    def partner_opportunities(self) -> DataLoader:
        async def fetch(partner_ids: list[str], *args):
            found = await self.selling.opportunities_of_partners(partner_ids, *args)
            self.prime_companions(found.related)
            return found.pages

        return page_loader(fetch, Page.empty)

    @cached_property
    def quote(self) -> DataLoader:
        return by_key_loader(self.selling.quotes)

    @cached_property
    def opportunity_quotes(self) -> DataLoader:
        return by_key_loader(self.selling.quotes_of_opportunities)

    @cached_property
    def partner_quotes(self) -> DataLoader:
        return page_loader(self.selling.quotes_of_partners, Page.empty)

    @cached_property
    def order(self) -> DataLoader:
        return by_key_loader(self.selling.orders)

    @cached_property
    def quote_order(self) -> DataLoader:
        return by_key_loader(self.selling.orders_of_quotes)

    @cached_property
    def partner_orders(self) -> DataLoader:
        return page_loader(self.selling.orders_of_partners, Page.empty)

    @cached_property
    def product(self) -> DataLoader:
        return by_key_loader(self.selling.products)

    @cached_property
    def exchange_rate(self) -> DataLoader:
        return by_key_loader(self.selling.rates)

    # Cases: keys carry the request's "now" (resolvers.cases.now), which the SLA figures need.
    @cached_property
    def cases(self):  # graph.cases.CaseRepository, imported here to keep this file's head as it is
        from graph.cases import CaseRepository

        return CaseRepository(self.graph, self.viewer.scope)

    @cached_property
    def case(self) -> DataLoader:
        return page_loader(self.cases.by_ids, lambda: None)

    @cached_property
    def partner_cases(self) -> DataLoader:
        return page_loader(self.cases.of_partners, Page.empty)

    @cached_property
    def case_comments(self) -> DataLoader:
        return page_loader(self.cases.comments, Page.empty)

    @cached_property
    def queue(self) -> DataLoader:
        from graph.cases import QueueRepository

        return by_key_loader(QueueRepository(self.graph).by_ids)

    # Partner 360: one aggregate query per section for all partners asked for in a tick, keyed
    # (partner id, section, start, end, includeSubtree, currency, now).
    @cached_property
    def insights(self):  # graph.insights.InsightsRepository, imported here to keep this file's head as it is
        from graph.insights import InsightsRepository

        return InsightsRepository(self.graph, self.viewer.scope)

    @cached_property
    def insight_section(self) -> DataLoader:
        return page_loader(self.insights.sections, lambda: None)

    # SLA policies of segments; the key "" stands for the default policies.
    @cached_property
    def sla_policies(self) -> DataLoader:
        from graph.cases import SlaPolicyRepository

        return by_key_loader(SlaPolicyRepository(self.graph, self.viewer.is_enterprise).of_segments)
