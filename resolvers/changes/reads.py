"""Change log reads: the feed's cursor rules, and audit trails by entity."""

from __future__ import annotations

from graph.changes.records import ChangeRecord, ChangeSummary, TrailFilter
from graph.shared.changes import ENTITIES
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import GlobalIdRefused, decode_any
from resolvers.shared.pagination import decode_cursor, page_size

# The entity types whose global IDs have an audit trail (the node types among the logged entity types).
AUDITED = ("Partner", "Account", "Person", "DealRegistration", "Opportunity", "Quote", "Order", "Case", "Program",
           "Segment", "Partnership")


def feed_position(after: str | None) -> int:
    """The seq a feed cursor stands for: its decimal text (an export's seq works too); 0, the start, for none."""
    if after is None:
        return 0
    if not after.isdecimal() or len(after) > 18:
        raise PublicError("`after` is not a change cursor: the seq of the last change read, as text", "VALIDATION")
    return int(after)


async def feed(ctx: RequestContext, after: str | None, types: list[str] | None,
               first: int | None) -> tuple[Page[ChangeRecord], int]:
    """The visible changes after the cursor, and the seq the page stands after (an empty page's `endCursor`:
    the cursor given, or the horizon when none was, so that passing it back never expires). A cursor below the
    pruned horizon would silently skip what was pruned: CURSOR_EXPIRED instead (start again from a bulk
    export's seq). The horizon is read after the page, so a prune that commits meanwhile is caught too."""
    position = feed_position(after)
    unknown = sorted(set(types or ()) - ENTITIES.keys())
    if unknown:
        raise PublicError(f"`types`: no changes are logged for {', '.join(unknown)}; the logged types are "
                          f"{', '.join(sorted(ENTITIES))}", "VALIDATION")
    page, horizon = await ctx.loaders.changes.feed(position, types, page_size(first, ctx.page_limits))
    if after is not None and position < horizon.pruned_through:
        raise PublicError(f"changes up to seq {horizon.pruned_through} were pruned: resume from an export's seq "
                          "at or after it", "CURSOR_EXPIRED")
    return page, max(position, horizon.pruned_through)


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
