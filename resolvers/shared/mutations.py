"""The one way a mutation runs: permission, then the work; typed errors come back in the payload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from auth.permissions import Action, allowed
from auth.viewer import Viewer
from graph.shared.errors import ErrorCode, Rejected, UserError
from resolvers.shared.context import RequestContext

T = TypeVar("T")
W = TypeVar("W")


@dataclass
class Outcome(Generic[T]):
    result: T | None = None
    errors: list[UserError] = field(default_factory=list)


def forbidden(viewer: Viewer, action: Action) -> UserError:
    return UserError(ErrorCode.FORBIDDEN, f"a {viewer.persona.value} may not {action.value}")


async def run(ctx: RequestContext, action: Action, work: Callable[[], Awaitable[W]],
              read_back: Callable[[W], Awaitable[T]] | None = None) -> Outcome[T]:
    """`work` checks and writes; `read_back`, when given, turns what it wrote (ids) into the records to answer
    with, read through loaders that were reset after the write."""
    if not allowed(ctx.viewer, action):
        return Outcome(errors=[forbidden(ctx.viewer, action)])
    try:
        written = await work()
    except Rejected as rejected:
        return Outcome(errors=rejected.errors)
    ctx.reset_loaders()  # reads after a write must not come from a cache filled before it: the one reset
    return Outcome(result=await read_back(written) if read_back else written)
