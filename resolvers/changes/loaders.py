"""The change log's DataLoaders: audit trails batch across every entity a query asks one for."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.changes.reads import ChangeRepository
from graph.shared.records import Page
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class ChangeLoaders(DomainLoaders):
    @cached_property
    def changes(self) -> ChangeRepository:
        return ChangeRepository(self.graph, self.viewer.scope)

    @cached_property
    def audit_trails(self) -> DataLoader:
        return page_loader(self.changes.trails, Page.empty)

    @cached_property
    def change_summaries(self) -> DataLoader:
        return by_key_loader(self.changes.summaries)
