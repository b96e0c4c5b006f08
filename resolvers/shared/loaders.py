"""Per-request DataLoaders. Built fresh for every request: a loader shared between requests would
hand one viewer's rows to another."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from aiodataloader import DataLoader

from auth.viewer import Viewer
from graph.shared.client import GraphSession

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def by_key_loader(fetch: Callable[[list[K]], Awaitable[dict[K, V]]]) -> DataLoader:
    """One round trip for all keys asked for in the same tick; missing keys load as None."""

    async def batch(keys: list[K]) -> list[V | None]:
        found = await fetch(list(keys))
        return [found.get(key) for key in keys]

    return DataLoader(batch)


def page_loader(fetch: Callable[..., Awaitable[dict[str, Any]]], empty: Callable[[], Any]) -> DataLoader:
    """Nested connection pages, keyed (parent id, *page args).

    Keys that share page arguments go to the database together: one round trip per distinct set of
    arguments, however many parents the query reached.
    """

    async def batch(keys: list[tuple]) -> list[Any]:
        groups: dict[tuple, list[str]] = defaultdict(list)
        for parent_id, *args in keys:
            groups[tuple(args)].append(parent_id)
        results = await asyncio.gather(*(fetch(ids, *args) for args, ids in groups.items()))
        pages = {args: result for args, result in zip(groups, results, strict=True)}
        return [pages[tuple(args)].get(parent_id) or empty() for parent_id, *args in keys]

    return DataLoader(batch)


def prime(loader: DataLoader, records: dict[Any, Any]) -> None:
    """Seed a loader with records another query read under the same visibility rule, so that asking for
    them costs no round trip (a key already loaded or asked for keeps its own answer)."""
    for key, value in records.items():
        loader.prime(key, value)


class DomainLoaders:
    """The base of every domain's loaders (`resolvers/<domain>/loaders.py`): the request's graph session and
    viewer, from which each domain builds its repositories and loaders as cached properties."""

    def __init__(self, graph: GraphSession, viewer: Viewer):
        self.graph = graph
        self.viewer = viewer
        self._made: dict[Hashable, DataLoader] = {}

    def made(self, name: Hashable, make: Callable[[], DataLoader]) -> DataLoader:
        """The loader named `name`, made on first use: the loaders the schema defines from its fields'
        declarations (schema/shared/declared_reads.py), one per field."""
        if name not in self._made:
            self._made[name] = make()
        return self._made[name]
