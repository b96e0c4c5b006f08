"""The languages domain's DataLoaders: the enterprise's language setting."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.languages.reads import LanguageRepository
from resolvers.shared.loaders import DomainLoaders, by_key_loader


class LanguageLoaders(DomainLoaders):
    @cached_property
    def enterprise(self) -> DataLoader:
        return by_key_loader(LanguageRepository(self.graph).enterprise)
