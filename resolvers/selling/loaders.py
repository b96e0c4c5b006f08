"""The selling domain's DataLoaders. Every selling record is visible through its deal registration; a partner's
deal registrations and opportunities come from their declared reaches (schema/shared/declared_reads.py), which
prime these loaders with the records they read along."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.selling.reads import SellingRepository
from graph.shared.records import Page
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class SellingLoaders(DomainLoaders):
    @cached_property
    def selling(self) -> SellingRepository:
        return SellingRepository(self.graph, self.viewer.scope)

    @cached_property
    def deal_registration(self) -> DataLoader:
        return by_key_loader(self.selling.registrations)

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
