"""The partners domain's DataLoaders: partners and the hierarchy, staff, people, internal organizations,
accounts."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.partners.reads import AccountRepository, InternalOrgRepository, PartnerRepository, PersonRepository
from graph.shared.records import Page
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class PartnerLoaders(DomainLoaders):
    @cached_property
    def partners(self) -> PartnerRepository:
        return PartnerRepository(self.graph, self.viewer.scope)

    @cached_property
    def people(self) -> PersonRepository:
        return PersonRepository(self.graph, self.viewer.scope)

    @cached_property
    def internal_orgs(self) -> InternalOrgRepository:
        return InternalOrgRepository(self.graph)

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.graph, self.viewer.scope)

    @cached_property
    def partner(self) -> DataLoader:
        return by_key_loader(self.partners.by_ids)

    @cached_property
    def parent(self) -> DataLoader:
        return by_key_loader(self.partners.parents)

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
    def serving_partners(self) -> DataLoader:
        return by_key_loader(self.accounts.serving_partners)
