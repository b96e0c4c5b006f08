"""What every resolver gets in `info.context`: the viewer, the request's graph session, its loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from auth.viewer import Viewer
from graph.partners.records import IdentityRecord
from graph.shared.client import GraphSession
from resolvers.cases.loaders import CaseLoaders
from resolvers.insights.loaders import InsightLoaders
from resolvers.partners.loaders import PartnerLoaders
from resolvers.programs.loaders import ProgramLoaders
from resolvers.selling.loaders import SellingLoaders
from resolvers.shared.clock import Clock, SystemClock
from resolvers.shared.loaders import prime


@dataclass(frozen=True)
class PageLimits:
    default: int
    maximum: int


@dataclass(frozen=True)
class BusinessRules:
    """The configurable periods of the domain rules (PARTNERGRAPH_* settings)."""

    deal_protection_days: int = 90
    deal_review_days: int = 14
    case_reopen_days: int = 7


@dataclass
class RequestContext:
    viewer: Viewer
    graph: GraphSession
    page_limits: PageLimits
    request_id: str
    clock: Clock = field(default_factory=SystemClock)
    rules: BusinessRules = field(default_factory=BusinessRules)
    loaders: Loaders = field(init=False)

    @cached_property
    def now(self) -> datetime:
        """The request's "now", read from its clock once (whole seconds), so every time-based figure of
        a response agrees on it and DataLoader keys that carry it batch together."""
        return self.clock.now().replace(microsecond=0)

    def __post_init__(self) -> None:
        self.reset_loaders()

    def reset_loaders(self) -> None:
        self.loaders = Loaders(self.graph, self.viewer)


class Loaders(PartnerLoaders, ProgramLoaders, SellingLoaders, CaseLoaders, InsightLoaders):
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
