"""Typed refusals of a write. Raised inside the write transaction, so nothing it did is kept."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    VALIDATION = "VALIDATION"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    CONFLICT = "CONFLICT"
    RATE_LIMITED = "RATE_LIMITED"


@dataclass(frozen=True)
class UserError:
    code: ErrorCode
    message: str
    field: tuple[str, ...] = ()  # path to the input at fault, e.g. ("partners", "2", "parent")


class Rejected(Exception):
    """One or more user errors; the whole mutation (every item of a batch) changes nothing."""

    def __init__(self, errors: list[UserError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def reject_if(errors: list[UserError]) -> None:
    if errors:
        raise Rejected(errors)
