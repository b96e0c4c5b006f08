"""Change log reads: the feed's cursor rules, the feed followed live, and audit trails by entity."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from graph.changes.reads import horizon
from graph.changes.records import ChangeRecord, ChangeSummary, Horizon, TrailFilter
from graph.shared.changes import ENTITIES
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import GlobalIdRefused, decode_any, key_of
from resolvers.shared.pagination import decode_cursor, page_size

T = TypeVar("T")
INDEX_CATCH_UP_SECONDS = 0.01  # a commit's records show in the index moments after the sequence's `last` does
GAP_WAIT_SECONDS = 5.0

# The entity types whose global IDs have an audit trail (the node types among the logged entity types).
AUDITED = ("Partner", "Account", "Person", "DealRegistration", "Opportunity", "Quote", "Order", "Case", "Program",
           "Segment", "Partnership", "PartnerApplication")


def feed_position(after: str | None) -> int:
    """The seq a feed cursor stands for: its decimal text (an export's seq works too); 0, the start, for none."""
    if after is None:
        return 0
    if not after.isdecimal() or len(after) > 18:
        raise PublicError("`after` is not a change cursor: the seq of the last change read, as text", "VALIDATION")
    return int(after)


def check_types(types: list[str] | None) -> None:
    unknown = sorted(set(types or ()) - ENTITIES.keys())
    if unknown:
        raise PublicError(f"`types`: no changes are logged for {', '.join(unknown)}; the logged types are "
                          f"{', '.join(sorted(ENTITIES))}", "VALIDATION")


async def feed(ctx: RequestContext, after: str | None, types: list[str] | None, first: int | None,
               subtree: str | None = None) -> tuple[Page[ChangeRecord], int]:
    """The visible changes after the cursor (of partner `subtree` and below, when given), and the seq the page
    stands after (an empty page's `endCursor`: the cursor given, or the horizon when none was, so that passing it
    back never expires)."""
    position = feed_position(after)
    check_types(types)
    page, horizon_now, _ = await ctx.loaders.changes.feed(position, types, page_size(first, ctx.page_limits), subtree)
    if after is not None:
        check_horizon(position, horizon_now)
    return page, max(position, horizon_now.pruned_through)


def check_horizon(position: int, horizon_now: Horizon) -> None:
    """A cursor below the pruned horizon would silently skip what was pruned: CURSOR_EXPIRED instead (start again
    from a bulk export's seq). The horizon is read after the page, so a prune that commits meanwhile is caught
    too."""
    if position < horizon_now.pruned_through:
        raise PublicError(f"changes up to seq {horizon_now.pruned_through} were pruned: resume from an export's "
                          "seq at or after it", "CURSOR_EXPIRED")


async def last_seq(ctx: RequestContext) -> int:
    return (await horizon(ctx.graph)).last


async def follow(ctx: RequestContext, after: str | None, types: list[str] | None, subtree: str | None = None,
                 prepare: Callable[[list[ChangeRecord]], Awaitable[list[T]]] | None = None
                 ) -> AsyncIterator[list[T]]:
    """The feed, live: each page of visible changes after the cursor (from the log's end when none is given) as
    they commit, in seq order, for as long as the caller iterates; `prepare` turns a page into what is yielded
    (loading the records it names). When the log moves, the context is renewed first, so every batch is read
    through the viewer's scope as the graph has it then (a role change counts from the next batch) and whatever
    `prepare` loads is fresh. Nothing is missed: commits happen in seq order, so once the log's last seq is known
    committed, pages read after it hold every visible record up to it.

    A page is read (and prepared) holding one of the process's live-read turns (`ChangeSignal.reading`), never
    while its events are sent: a hundred subscribers woken by one commit queue here, not on the driver's pool."""
    check_types(types)
    position = feed_position(after) if after is not None else await last_seq(ctx)
    signal = ctx.graph.client.change_signal
    more = False
    missing_since: float | None = None
    while True:
        if not more:
            committed = await signal.beyond(position)
        start = position
        async with signal.reading():
            if not more:
                await ctx.renew(committed)
            page, horizon_now, complete = await ctx.loaders.changes.feed(
                start, types, ctx.page_limits.maximum, subtree, through=committed)
            check_horizon(start, horizon_now)
            prepared = await prepare(page.items) if prepare and page.items else page.items
        if page.items:
            position = page.items[-1].seq
        if prepared:
            yield prepared
        more = page.has_next
        if more:
            continue
        if complete or time.monotonic() > (missing_since or time.monotonic()) + GAP_WAIT_SECONDS:
            # Every record up to `committed` was there: the ones not read are not the viewer's. (Or a seq stayed
            # missing for seconds, which no commit does: records deleted by hand, skipped.)
            position, missing_since = max(position, committed), None
        else:  # the index does not show all of the commit yet: look again in a moment
            missing_since = missing_since or time.monotonic()
            await asyncio.sleep(INDEX_CATCH_UP_SECONDS)


def audited_entity(entity: str) -> tuple[str, str]:
    """(type, key) of the global ID of an entity with an audit trail; VALIDATION for any other value."""
    try:
        type_name, key = decode_any(entity)
    except GlobalIdRefused as exc:
        raise PublicError(f"`entity`: {exc}", "VALIDATION") from exc
    if type_name not in AUDITED:
        raise PublicError(f"`entity`: a {type_name} has no audit trail", "VALIDATION")
    return type_name, key


async def trail(ctx: RequestContext, type_name: str, key: str, filter: TrailFilter, first: int | None,
                after: str | None) -> Page[ChangeRecord]:
    cursor = decode_cursor(after)
    return await ctx.loaders.audit_trails.load((f"{type_name}/{key}", filter, page_size(first, ctx.page_limits),
                                                cursor))


async def summary(ctx: RequestContext, type_name: str, key: str) -> ChangeSummary | None:
    return await ctx.loaders.change_summaries.load(f"{type_name}/{key}")


async def subtree_root(ctx: RequestContext, partner: str | None) -> str | None:
    """The key of a subscription's `partnerSubtree`: a partner the viewer may see (one out of scope reads like a
    missing one, NOT_FOUND), or None for the whole of what the viewer sees."""
    key = key_of(partner, "Partner", "partnerSubtree")
    if key is not None and await ctx.loaders.partner.load(key) is None:
        raise PublicError("`partnerSubtree` names no partner you may see", "NOT_FOUND")
    return key


def concerns(change: ChangeRecord, status_now: str | None, statuses: set[str] | None) -> bool:
    """Whether a change matters to a subscriber of `statuses`: it moved the entity into or out of one of them, or
    changed it while in one (the state the record kept; for a record without one, such as a comment's, the
    entity's status as read at delivery)."""
    if statuses is None:
        return True
    if change.operation == "STATE_CHANGED":
        return change.from_state in statuses or change.to_state in statuses
    return (change.state or status_now) in statuses
