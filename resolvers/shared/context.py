"""What every resolver gets in `info.context`: the viewer, the request's graph session, its loaders."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from typing import Any

from auth.signatures import SecretBox
from auth.viewer import Viewer
from graph.shared.changes import Actor
from graph.shared.client import GraphSession
from resolvers.shared.clock import Clock, SystemClock
from resolvers.shared.languages import ENGLISH_ONLY, Languages
from resolvers.shared.rate_limits import SubmissionLimits


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
    relationship_managers_review_applications: bool = False
    relationship_managers_approve_funds: bool = True


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
    # Reads the viewer again from the graph (given by the gateway, which knows the token): how a subscription,
    # which outlives a request, sees a role change at its next event. None for a request.
    identify: Callable[[], Awaitable[Viewer]] | None = None
    webhooks: WebhookRules = field(default_factory=WebhookRules)
    # Partner applications: the gateway's per-process limits on submissions, and the client's address they count by.
    submissions: SubmissionLimits | None = None
    client_address: str | None = None
    # The supported locales and their message catalogs; the request's own locale is the viewer's (docs/LANGUAGES.md).
    languages: Languages = ENGLISH_ONLY
    loaders: Any = field(init=False)
    renewed_for: int = field(default=0, init=False)  # the change seq the context was last renewed for
    _renewal: asyncio.Future | None = field(default=None, init=False)
    compiled_read: bool = False  # answered by one compiled statement (schema/shared/compiled_reads.py)

    @cached_property
    def now(self) -> datetime:
        """The request's "now", read from its clock once (whole seconds), so every time-based figure of
        a response agrees on it and DataLoader keys that carry it batch together."""
        return self.clock.now().replace(microsecond=0)

    @property
    def locale(self) -> str:
        """The language this request reads and is told things in."""
        return self.viewer.locale or self.languages.default

    def translated(self, message: str) -> str:
        """A message of the code (English) in the request's language, where the catalogs have it."""
        return self.languages.translate(message, self.locale)

    def __post_init__(self) -> None:
        # The request's writes are logged as the viewer's, at the request's "now" (docs/CHANGES.md).
        self.graph.actor = Actor(self.viewer.person_id or None, self.viewer.persona.value, self.now)
        self.reset_loaders()

    async def renew(self, seq: int) -> None:
        """Start afresh, as a new request would, for the events of a subscription up to change `seq`: the viewer as
        the graph has it now, a new "now", empty DataLoaders (whatever they hold may have changed since). The
        subscriptions of one socket share its context, so the first of them woken by a commit renews it for all,
        and the others wait for that renewal rather than read with the viewer it replaces."""
        if seq > self.renewed_for:
            self.renewed_for = seq
            self._renewal = asyncio.ensure_future(self._renew())
        if self._renewal is not None:
            await asyncio.shield(self._renewal)  # one subscription ending must not cancel the others' renewal

    async def _renew(self) -> None:
        if self.identify is not None:
            self.viewer = await self.identify()
        self.__dict__.pop("now", None)  # the cached property's value
        self.__post_init__()

    def reset_loaders(self) -> None:
        self.loaders = self.make_loaders(self.graph, self.viewer)

    def on_session(self, graph: GraphSession) -> RequestContext:
        """The same request over another session, with loaders of its own and this request's "now": how verify
        mode runs the compiled read beside the resolvers without sharing a DataLoader's cache or figures."""
        twin = replace(self, graph=graph)
        twin.__dict__["now"] = self.now  # the cached property's value
        return twin
