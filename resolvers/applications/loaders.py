"""The applications domain's DataLoaders: partner applications and programs' application forms. The applications'
repository reads for personas that may review at all (auth.permissions); whether this viewer reviews under the
settings (a relationship manager) is decided in resolvers/applications/reads.py, before any loader is asked."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from auth.permissions import Action, allowed
from graph.applications.reads import ApplicationRepository
from resolvers.shared.loaders import DomainLoaders, by_key_loader


class ApplicationLoaders(DomainLoaders):
    @cached_property
    def applications(self) -> ApplicationRepository:
        return ApplicationRepository(self.graph, allowed(self.viewer, Action.REVIEW_APPLICATIONS))

    @cached_property
    def application(self) -> DataLoader:
        return by_key_loader(self.applications.by_ids)

    @cached_property
    def application_form(self) -> DataLoader:
        return by_key_loader(self.applications.forms)
