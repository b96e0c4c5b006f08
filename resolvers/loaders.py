"""The request's DataLoaders: every domain's, composed (the resolvers' composition root)."""

from __future__ import annotations

from graph.partners.records import IdentityRecord
from resolvers.applications.loaders import ApplicationLoaders
from resolvers.cases.loaders import CaseLoaders
from resolvers.changes.loaders import ChangeLoaders
from resolvers.insights.loaders import InsightLoaders
from resolvers.languages.loaders import LanguageLoaders
from resolvers.leads.loaders import LeadLoaders
from resolvers.mdf.loaders import MdfLoaders
from resolvers.partners.loaders import PartnerLoaders
from resolvers.programs.loaders import ProgramLoaders
from resolvers.selling.loaders import SellingLoaders
from resolvers.shared.loaders import prime
from resolvers.webhooks.loaders import WebhookLoaders


class Loaders(PartnerLoaders, ProgramLoaders, SellingLoaders, LeadLoaders, CaseLoaders, InsightLoaders, ChangeLoaders,
              WebhookLoaders, ApplicationLoaders, MdfLoaders, LanguageLoaders):
    """The request's DataLoaders, each domain's from its `resolvers/<domain>/loaders.py`. Every loader and
    repository is a cached property, so a request pays only for the loaders its query uses."""

    def prime_viewer(self, identity: IdentityRecord) -> None:
        """The viewer's person and organization, read with their identity (`identity.cypher`): a
        viewer always sees themselves and their own organization. Only at the start of a request: after
        a write the loaders are rebuilt, and these records may be stale."""
        prime(self.person, {identity.person_id: identity.person})
        if identity.partner is not None:
            prime(self.partner, {identity.partner.id: identity.partner})
        if identity.internal_org is not None:
            prime(self.internal_org, {identity.internal_org.id: identity.internal_org})
