"""The market development funds domain's DataLoaders. Allocations and requests below a budget, an allocation or a
partner come from their declared reaches (schema/shared/declared_reads.py), which read each with the same record
the by-id loaders do."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.mdf.reads import MdfRepository
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class MdfLoaders(DomainLoaders):
    @cached_property
    def mdf(self) -> MdfRepository:
        return MdfRepository(self.graph, self.viewer.scope)

    @cached_property
    def mdf_budget(self) -> DataLoader:
        return by_key_loader(self.mdf.budgets)

    @cached_property
    def fund_allocation(self) -> DataLoader:
        return by_key_loader(self.mdf.allocations)

    @cached_property
    def fund_request(self) -> DataLoader:
        return by_key_loader(self.mdf.requests)

    @cached_property
    def fund_claim(self) -> DataLoader:
        return by_key_loader(self.mdf.claims)

    @cached_property
    def fund_returns(self) -> DataLoader:
        """Keyed (request id, currency): one round trip per currency for every request of a tick."""
        return page_loader(self.mdf.returns, lambda: None)
