"""The Partner 360 DataLoader: one aggregate query per section for all partners asked for in a tick, keyed
(partner id, section, start, end, includeSubtree, currency, now)."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.insights.reads import InsightsRepository
from resolvers.shared.loaders import DomainLoaders, page_loader


class InsightLoaders(DomainLoaders):
    @cached_property
    def insights(self) -> InsightsRepository:
        return InsightsRepository(self.graph, self.viewer.scope)

    @cached_property
    def insight_section(self) -> DataLoader:
        return page_loader(self.insights.sections, lambda: None)
