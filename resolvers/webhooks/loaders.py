"""The webhooks domain's DataLoaders: webhooks and deliveries by id, each webhook's deliveries, their attempts."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.shared.records import Page
from graph.webhooks.reads import WebhookRepository
from resolvers.shared.loaders import DomainLoaders, by_key_loader, page_loader


class WebhookLoaders(DomainLoaders):
    @cached_property
    def webhooks(self) -> WebhookRepository:
        return WebhookRepository(self.graph, self.viewer.scope)

    @cached_property
    def webhook(self) -> DataLoader:
        return by_key_loader(self.webhooks.webhooks)

    @cached_property
    def webhook_delivery(self) -> DataLoader:
        return by_key_loader(self.webhooks.deliveries_by_ids)

    @cached_property
    def webhook_deliveries(self) -> DataLoader:
        return page_loader(self.webhooks.deliveries, Page.empty)

    @cached_property
    def webhook_attempts(self) -> DataLoader:
        return by_key_loader(self.webhooks.attempts)
