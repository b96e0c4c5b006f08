"""The programs domain's DataLoaders: programs, segments and criteria, partnerships and segment history."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.programs.reads import PartnershipRepository, ProgramRepository
from graph.shared.records import Page
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class ProgramLoaders(DomainLoaders):
    @cached_property
    def programs(self) -> ProgramRepository:
        return ProgramRepository(self.graph, self.viewer.scope)

    @cached_property
    def partnerships(self) -> PartnershipRepository:
        return PartnershipRepository(self.graph, self.viewer.scope)

    @cached_property
    def program(self) -> DataLoader:
        return by_key_loader(self.programs.by_ids)

    @cached_property
    def application_questions(self) -> DataLoader:
        return by_key_loader(self.programs.application_questions)

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
