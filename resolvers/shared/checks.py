"""Input checks shared by every mutation: each failed check becomes a typed error naming the input
at fault, and the mutation is rejected with all of them before it writes anything."""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from typing import Any

import pycountry

from graph.shared.errors import ErrorCode, UserError, reject_if
from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import GlobalIdRefused, decode

Field = tuple[str, ...]

MAX_BATCH = 1000
MAX_AMOUNT = 10**15  # minor units; far beyond any deal, well inside a double's exact integers
_KEY = re.compile(r"[A-Za-z0-9._-]{1,64}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Refused in every text input: the C0 and C1 controls (Unicode category Cc: NUL, ESC, DEL, ...), lone
# surrogates (not storable as UTF-8), the line and paragraph separators, and the bidi embedding, override and
# isolate controls (U+202A-U+202E, U+2066-U+2069), which reorder how the text around them displays. Long
# text (comment bodies, descriptions, reasons) may hold line breaks and tabs. Other format characters stay
# allowed: the zero-width joiners of emoji and scripts, the left-to-right and right-to-left marks of names.
_BIDI_AND_SURROGATES = "\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI_AND_SURROGATES}]")
_CONTROL_IN_LONG_TEXT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_AND_SURROGATES}]")
# ISO 4217 currency and ISO 3166-1 alpha-2 country codes, from pycountry's copy of the ISO lists.
CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies)
COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)


def is_currency(code: str | None) -> bool:
    """Whether `code` is an ISO 4217 currency code, as written (upper case): for read arguments, which
    are not normalized."""
    return code in CURRENCIES


def check_reporting_currency(code: str | None) -> None:
    """The reporting currency a read converts amounts into (`Money.in`, Partner 360, a fund request's returns):
    refused with VALIDATION unless an ISO 4217 code."""
    if not is_currency(code):
        raise PublicError("currency must be an ISO 4217 code such as USD", "VALIDATION")


def is_country(code: str | None) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 country code, as written (upper case): for read arguments."""
    return code in COUNTRIES


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

    def text(self, value: str | None, field: Field, *, required: bool = True, max_length: int = 200,
             long: bool = False) -> str | None:
        """Free text, trimmed. `long` text (comment bodies, descriptions, reasons) may hold line breaks
        (CRLF is kept as LF) and tabs; no text holds other control characters."""
        if long and value:
            value = value.replace("\r\n", "\n")
        if not self.printable(value, field, long=long):
            return None
        cleaned = (value or "").strip()
        if not cleaned:
            if required:
                self.fail(ErrorCode.VALIDATION, "must not be blank", field)
            return None
        if len(cleaned) > max_length:
            self.fail(ErrorCode.VALIDATION, f"at most {max_length} characters", field)
        return cleaned

    def printable(self, value: str | None, field: Field, *, long: bool = False) -> bool:
        found = (_CONTROL_IN_LONG_TEXT if long else _CONTROL).search(value or "")
        if found:
            allowed = " other than line breaks and tabs" if long else ""
            self.fail(ErrorCode.VALIDATION, f"must not contain control characters{allowed} "
                      f"(U+{ord(found.group()):04X} at position {found.start()})", field)
        return found is None

    def key(self, value: str | None, prefix: str, field: Field) -> str:
        """A caller-chosen stable key, or a generated one."""
        if value is None:
            return f"{prefix}-{uuid.uuid4().hex[:16]}"
        if not _KEY.fullmatch(value):
            self.fail(ErrorCode.VALIDATION, "letters, digits, '.', '_' or '-', at most 64", field)
        return value

    def amount(self, value: int | None, field: Field, *, required: bool = True,
               positive: bool = False) -> int | None:
        """An amount of money in minor units: not negative (above zero when `positive`), at most MAX_AMOUNT."""
        if value is None:
            if required:
                self.fail(ErrorCode.VALIDATION, "required", field)
            return None
        if positive and value <= 0:
            self.fail(ErrorCode.VALIDATION, "must be more than zero", field)
        elif value < 0:
            self.fail(ErrorCode.VALIDATION, "must not be negative", field)
        elif value > MAX_AMOUNT:
            self.fail(ErrorCode.VALIDATION, f"at most {MAX_AMOUNT}", field)
        return value

    def currency(self, value: str | None, field: Field) -> str | None:
        return self._iso_code(value, CURRENCIES, "ISO 4217 currency", field)

    def country(self, value: str | None, field: Field) -> str | None:
        return self._iso_code(value, COUNTRIES, "ISO 3166-1 alpha-2 country", field)

    def _iso_code(self, value: str | None, codes: frozenset[str], what: str, field: Field) -> str | None:
        if value is None:
            return None
        upper = value.strip().upper()
        if upper not in codes:
            self.fail(ErrorCode.VALIDATION, f"not an {what} code", field)
        return upper

    def email(self, value: str, field: Field) -> str:
        cleaned = value.strip().lower()
        if not self.printable(value, field):
            return cleaned
        if not _EMAIL.fullmatch(cleaned) or len(cleaned) > 254:
            self.fail(ErrorCode.VALIDATION, "not an e-mail address", field)
        return cleaned

    def typed_node_id(self, value: str | None, types: Collection[str], field: Field) -> tuple[str, str] | None:
        """(type name, graph key) of a global ID of one of `types` (resolvers.shared.global_ids)."""
        if value is None:
            return None
        try:
            return decode(value, types)
        except GlobalIdRefused as refused:
            self.fail(ErrorCode.VALIDATION, str(refused), field)
            return None

    def node_id(self, value: str | None, type_name: str, field: Field) -> str | None:
        """The graph key inside a global ID of `type_name`."""
        found = self.typed_node_id(value, (type_name,), field)
        return found[1] if found else None
