"""What every resolver gets in `info.context`: the viewer, the request's graph session, its loaders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any

from auth.signatures import SecretBox
from auth.viewer import Viewer
from graph.shared.changes import Actor
from graph.shared.client import GraphSession
from resolvers.shared.clock import Clock, SystemClock


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


@dataclass(frozen=True)
class WebhookRules:
    """Webhooks: whether endpoints may be http and local addresses (local demo mode only), and the box their
    secrets are sealed in (None where no key is configured: registration then fails)."""

    local_endpoints: bool = False
    box: SecretBox | None = None


@dataclass
class RequestContext:
    viewer: Viewer
    graph: GraphSession
    page_limits: PageLimits
    request_id: str
    # Builds the request's DataLoaders (resolvers.loaders.Loaders, which composes every domain's); given by the
    # gateway, so the domains, which all read this context, do not depend on one another through it.
    make_loaders: Callable[[GraphSession, Viewer], Any]
    clock: Clock = field(default_factory=SystemClock)
    rules: BusinessRules = field(default_factory=BusinessRules)
    webhooks: WebhookRules = field(default_factory=WebhookRules)
    loaders: Any = field(init=False)
    compiled_read: bool = False  # answered by one compiled statement (schema/shared/compiled_reads.py)

    @cached_property
    def now(self) -> datetime:
        """The request's "now", read from its clock once (whole seconds), so every time-based figure of
        a response agrees on it and DataLoader keys that carry it batch together."""
        return self.clock.now().replace(microsecond=0)

    def __post_init__(self) -> None:
        # The request's writes are logged as the viewer's, at the request's "now" (docs/CHANGES.md).
        self.graph.actor = Actor(self.viewer.person_id, self.viewer.persona.value, self.now)
        self.reset_loaders()

    def reset_loaders(self) -> None:
        self.loaders = self.make_loaders(self.graph, self.viewer)

    def on_session(self, graph: GraphSession) -> RequestContext:
        """The same request over another session, with loaders of its own and this request's "now": how verify
        mode runs the compiled read beside the resolvers without sharing a DataLoader's cache or figures."""
        twin = replace(self, graph=graph)
        twin.__dict__["now"] = self.now  # the cached property's value
        return twin
