"""Fixtures of the languages tests: requests in a language, and the enterprise's language put back after a test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.conftest import GatewayClient, write


async def in_language(gql: GatewayClient, query: str, accept_language: str | None = None, **kwargs) -> dict:
    """The data of a request sent with `Accept-Language` (none when None), which must succeed."""
    headers = {"accept-language": accept_language} if accept_language is not None else None
    status, body = await gql.post(query, headers=headers, **kwargs)
    assert status == 200 and "errors" not in body, body
    return body["data"]


@pytest.fixture
async def enterprise_language(session) -> AsyncIterator[None]:
    """Whatever a test sets the enterprise's or Contoso's language to is cleared afterwards."""
    yield
    await write(session, "MATCH (e:Enterprise {id: 'enterprise'}) REMOVE e.preferredLanguage")
    await write(session, "MATCH (p:Partner {id: 'p-contoso'}) REMOVE p.preferredLanguage")
