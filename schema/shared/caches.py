"""The one bounded cache of what a document's text determines (its shape, its compiled read), shared by every
request: a portal sends the same few documents again and again."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class DocumentCache(Generic[K, V]):
    """At most `maxsize` values, the least recently used dropped first."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._values: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, build: Callable[[], V]) -> V:
        """The value kept for `key`, else `build()`'s, kept."""
        found = self._values.get(key)
        if found is None:
            found = self._values[key] = build()
            if len(self._values) > self.maxsize:
                self._values.popitem(last=False)
        else:
            self._values.move_to_end(key)
        return found
