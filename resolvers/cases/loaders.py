"""The cases domain's DataLoaders. Case keys carry the request's "now" (resolvers.cases.reads.now), which the
SLA figures need; the SLA policy key "" stands for the default policies."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.cases.reads import CaseCategoryRepository, CaseRepository, QueueRepository, SlaPolicyRepository
from graph.shared.records import Page
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class CaseLoaders(DomainLoaders):
    @cached_property
    def cases(self) -> CaseRepository:
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
    def case_categories(self) -> CaseCategoryRepository:
        return CaseCategoryRepository(self.graph, self.viewer.scope)

    @cached_property
    def case_category(self) -> DataLoader:
        return by_key_loader(self.case_categories.by_ids)

    @cached_property
    def queue(self) -> DataLoader:
        return by_key_loader(QueueRepository(self.graph).by_ids)

    @cached_property
    def sla_policies(self) -> DataLoader:
        return by_key_loader(SlaPolicyRepository(self.graph, self.viewer.scope).of_segments)
