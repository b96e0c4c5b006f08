"""The leads domain's DataLoaders. A partner's leads come from their declared reach (schema/shared/
declared_reads.py), which reads each lead with the same record the `lead` loader does."""

from __future__ import annotations

from functools import cached_property

from aiodataloader import DataLoader

from graph.leads.reads import LeadsRepository
from resolvers.shared.loaders import DomainLoaders, by_key_loader


class LeadLoaders(DomainLoaders):
    @cached_property
    def leads(self) -> LeadsRepository:
        return LeadsRepository(self.graph, self.viewer.scope)

    @cached_property
    def lead(self) -> DataLoader:
        return by_key_loader(self.leads.leads)

    @cached_property
    def lead_offers(self) -> DataLoader:
        return by_key_loader(self.leads.offers)

    @cached_property
    def lead_routing_rule(self) -> DataLoader:
        return by_key_loader(self.leads.rules_by_ids)

    @cached_property
    def partner_specializations(self) -> DataLoader:
        return by_key_loader(self.leads.specializations)
