"""Errors whose message is safe to show a client; every other exception is masked."""

from __future__ import annotations


class PublicError(Exception):
    def __init__(self, message: str, code: str = "BAD_REQUEST"):
        super().__init__(message)
        self.code = code
