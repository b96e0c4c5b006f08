"""The one shape of a mutation payload: what the mutation produced, or the typed errors why nothing changed.

Every `XxxPayload` of the schema is made by `payload()` and filled from the resolvers' Outcome by its
`from_outcome`. Strawberry generics do not fit: a generic payload is named after its type argument
(`PartnerPayload` for `Payload[Partner]`, `PartnerListPayload` for a list) and its result field cannot
carry a domain name such as `partner` or `registrations`, so the schema would change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import strawberry

from resolvers.shared.mutations import Outcome
from schema.shared.errors import UserError, user_errors

NOTHING_CHANGED = "Why nothing changed"
NOTHING_CREATED = "Why nothing was created"


@dataclass(frozen=True)
class Result:
    """A result field of a payload: one value (null on errors) or, with `many`, a list (empty on errors).
    A node type's values are built from records with its `from_record`; other values (an ID) pass as they are."""

    name: str
    type: Any
    description: str
    many: bool = False

    @property
    def annotation(self) -> Any:
        return list[self.type] if self.many else self.type | None

    @property
    def field_description(self) -> str:
        return f"{self.description}; {'empty' if self.many else 'null'} on errors."

    def wrap(self, value: Any) -> Any:
        build = getattr(self.type, "from_record", None) or (lambda record: record)
        if self.many:
            return [build(record) for record in value or ()]
        return None if value is None else build(value)


def payload(name: str, description: str, *results: Result, errors: str = NOTHING_CHANGED) -> type:
    """A Strawberry payload type `name`: the result fields in order, then `errors`. With several results the
    Outcome's result is a tuple of their values, in the same order."""
    namespace: dict[str, Any] = {
        "__annotations__": {**{r.name: r.annotation for r in results}, "errors": list[UserError]},
        **{r.name: strawberry.field(description=r.field_description) for r in results},
        "errors": strawberry.field(description=f"{errors}; empty on success."),
        "from_outcome": classmethod(_from_outcome(results)),
    }
    return strawberry.type(type(name, (), namespace), description=description)


def _from_outcome(results: Sequence[Result]) -> Any:
    def from_outcome(cls: type, outcome: Outcome[Any]) -> Any:
        if len(results) == 1:
            values: Sequence[Any] = (outcome.result,)
        else:
            values = outcome.result if outcome.result is not None else (None,) * len(results)
        fields = {result.name: result.wrap(value) for result, value in zip(results, values, strict=True)}
        return cls(**fields, errors=user_errors(outcome.errors))

    return from_outcome
