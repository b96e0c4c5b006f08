"""Typed user errors carried by every mutation payload."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph.shared.errors import ErrorCode as ErrorCodeValue
from graph.shared.errors import UserError as UserErrorRecord

ErrorCode = strawberry.enum(
    ErrorCodeValue,
    name="ErrorCode",
    description="Why a mutation changed nothing: NOT_FOUND (or out of scope), FORBIDDEN, VALIDATION, "
    "INVALID_TRANSITION (not allowed from the current state), CONFLICT (clashes with existing data) or RATE_LIMITED "
    "(too many partner applications from one address or for one e-mail; try again later).",
)


@strawberry.type(description="A reason a mutation was refused. A refused mutation changes nothing, for any item of a "
                             "batch.")
class UserError:
    code: ErrorCode = strawberry.field(description="The kind of refusal.")
    field: list[str] = strawberry.field(description="Path to the input at fault, e.g. [\"partners\", \"2\", "
                                                    "\"parent\"].")
    english: strawberry.Private[str]

    @classmethod
    def from_record(cls, error: UserErrorRecord) -> UserError:
        return cls(code=error.code, field=list(error.field), english=error.message)

    @strawberry.field(description="What is wrong, for a person to read, in the request's language where the API has "
                      "the message in it (docs/LANGUAGES.md), else English.")
    def message(self, info: Info) -> str:
        return info.context.translated(self.english)


def user_errors(errors: list[UserErrorRecord]) -> list[UserError]:
    return [UserError.from_record(e) for e in errors]
