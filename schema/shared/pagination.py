"""Relay connections built from repository pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry import relay

from graph.shared.records import Page, SortKey
from resolvers.shared.pagination import encode_cursor

N = TypeVar("N")

FirstArg = Annotated[int | None, strawberry.argument(description="Page size; capped by the server.")]
AfterArg = Annotated[str | None, strawberry.argument(description="Cursor of the last edge of the previous page.")]


def to_connection(page: Page[Any], wrap: Callable[[Any], N], has_previous: bool = False) -> relay.Connection[N]:
    """Wrap a page of records as a Relay connection; cursors are the page's keys, or (name, id)."""
    keys = page.keys if page.keys is not None else [SortKey(item.name, item.id) for item in page.items]
    edges = [relay.Edge(node=wrap(item), cursor=encode_cursor(key)) for item, key in zip(page.items, keys, strict=True)]
    return relay.Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=page.has_next,
            has_previous_page=has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
