"""Input checks shared by every mutation: each failed check becomes a typed error naming the input
at fault, and the mutation is rejected with all of them before it writes anything."""

from __future__ import annotations

import re
import uuid
from typing import Any

from strawberry import relay

from graph.errors import ErrorCode, UserError, reject_if

Field = tuple[str, ...]
MAX_BATCH = 1000
_KEY = re.compile(r"[A-Za-z0-9._-]{1,64}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Checks:
    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def fail(self, code: ErrorCode, message: str, field: Field) -> None:
        self.errors.append(UserError(code, message, field))

    def done(self) -> None:
        reject_if(self.errors)

    def batch(self, items: list[Any], field: Field) -> None:
        if not items:
            self.fail(ErrorCode.VALIDATION, "give at least one item", field)
        elif len(items) > MAX_BATCH:
            self.fail(ErrorCode.VALIDATION, f"at most {MAX_BATCH} items per request", field)

    def text(self, value: str | None, field: Field, *, required: bool = True, max_length: int = 200) -> str | None:
        cleaned = (value or "").strip()
        if not cleaned:
            if required:
                self.fail(ErrorCode.VALIDATION, "must not be blank", field)
            return None
        if len(cleaned) > max_length:
            self.fail(ErrorCode.VALIDATION, f"at most {max_length} characters", field)
        return cleaned

    def key(self, value: str | None, prefix: str, field: Field) -> str:
        """A caller-chosen stable key, or a generated one."""
        if value is None:
            return f"{prefix}-{uuid.uuid4().hex[:16]}"
        if not _KEY.fullmatch(value):
            self.fail(ErrorCode.VALIDATION, "letters, digits, '.', '_' or '-', at most 64", field)
        return value

    def code(self, value: str | None, length: int, what: str, field: Field) -> str | None:
        if value is None:
            return None
        upper = value.strip().upper()
        if len(upper) != length or not upper.isalpha():
            self.fail(ErrorCode.VALIDATION, f"not an ISO {what} code", field)
        return upper

    def email(self, value: str, field: Field) -> str:
        cleaned = value.strip().lower()
        if not _EMAIL.fullmatch(cleaned) or len(cleaned) > 254:
            self.fail(ErrorCode.VALIDATION, "not an e-mail address", field)
        return cleaned

    def node_id(self, value: str | None, type_name: str, field: Field) -> str | None:
        """The graph key inside a global ID of `type_name`."""
        if value is None:
            return None
        try:
            global_id = relay.GlobalID.from_id(value)
        except relay.GlobalIDValueError:
            self.fail(ErrorCode.VALIDATION, "not a global ID this API issued", field)
            return None
        if global_id.type_name != type_name:
            self.fail(ErrorCode.VALIDATION, f"expected the ID of a {type_name}, got a {global_id.type_name}", field)
            return None
        return global_id.node_id
