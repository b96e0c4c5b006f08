"""Headless-Chromium test of the offline GraphiQL playground served at /graphql.

Uses Debian's /usr/bin/chromium (``apt-get install -y chromium``) through the
Python ``playwright`` package; Playwright never downloads a browser here.
The running gateway (demo login on) comes from the ``live_gateway`` fixture in
tests/conftest.py: ``.base_url`` and ``.demo_person_name(persona)``.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import assert_only_gateway, chromium_page
from tests.change_log import last_seq

# Async Playwright on pytest-asyncio's loop: works whether live_gateway runs the
# server in a thread/subprocess or as a task on the same (session) event loop.
pytestmark = [pytest.mark.browser, pytest.mark.asyncio]

QUERY = "{ viewer { person { name } } }"
DEFAULT_PERSONA = "enterprise-admin"
OTHER_PERSONA = "partner-agent"


@pytest.fixture
async def browser_page(live_gateway, tmp_path: Path):
    async with chromium_page(tmp_path / "playground.png") as page:
        yield page


async def _open_playground(page, base_url: str) -> None:
    await page.goto(f"{base_url}/graphql", wait_until="domcontentloaded")
    await page.wait_for_selector(".graphiql-container")
    await page.wait_for_selector(".graphiql-query-editor .CodeMirror")
    # Demo mode: the default persona's token has been fetched and put into the headers editor.
    await page.wait_for_selector(
        f'body[data-persona-state="ready"][data-persona="{DEFAULT_PERSONA}"]'
    )


async def _headers_editor(page) -> str:
    """Text of GraphiQL's editor tools (variables + headers editors)."""
    return await page.evaluate(
        "() => [...document.querySelectorAll('.graphiql-editor-tool .CodeMirror')]"
        ".map(el => el.CodeMirror.getValue()).join('\\n')"
    )


async def _execute(page, query: str) -> None:
    await page.evaluate(
        "(q) => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q)",
        query,
    )
    await page.click(".graphiql-execute-button")


async def _response_with(page, expected: str) -> dict:
    """The response pane's JSON, once it holds `expected`."""
    handle = await page.wait_for_function(
        """(expected) => {
            const el = document.querySelector('.graphiql-response .CodeMirror');
            const text = el ? el.CodeMirror.getValue() : '';
            return text.includes(expected) ? text : false;
        }""",
        arg=expected,
    )
    return json.loads(await handle.json_value())


async def _run_query(page, query: str, expected_name: str) -> dict:
    await _execute(page, query)
    return await _response_with(page, expected_name)


async def test_playground_runs_query_offline(live_gateway, browser_page):
    page = browser_page
    base_url = live_gateway.base_url.rstrip("/")
    await _open_playground(page, base_url)

    picker = page.locator("#persona-picker")
    assert await picker.input_value() == DEFAULT_PERSONA
    assert '"Authorization": "Bearer ' in await _headers_editor(page)

    name = live_gateway.demo_person_name(DEFAULT_PERSONA)
    result = await _run_query(page, QUERY, name)
    assert result.get("errors") is None, result
    assert result["data"]["viewer"]["person"]["name"] == name

    paths = {urlsplit(url).path for url in page.requests}
    assert "/playground/assets/graphiql/graphiql.min.js" in paths
    assert "/playground/demo-token" in paths
    assert_only_gateway(page.requests, base_url)
    assert not page.problems, page.problems


async def test_persona_picker_switches_identity(live_gateway, browser_page):
    page = browser_page
    base_url = live_gateway.base_url.rstrip("/")
    await _open_playground(page, base_url)
    first_headers = await _headers_editor(page)

    await page.select_option("#persona-picker", OTHER_PERSONA)
    await page.wait_for_selector(f'body[data-persona-state="ready"][data-persona="{OTHER_PERSONA}"]')
    await page.wait_for_function(
        "(old) => [...document.querySelectorAll('.graphiql-editor-tool .CodeMirror')]"
        ".some(el => el.CodeMirror.getValue().includes('Bearer ') && el.CodeMirror.getValue() !== old)",
        arg=first_headers,
    )

    name = live_gateway.demo_person_name(OTHER_PERSONA)
    result = await _run_query(page, QUERY, name)
    assert result.get("errors") is None, result
    assert result["data"]["viewer"]["person"]["name"] == name

    assert_only_gateway(page.requests, base_url)
    assert not page.problems, page.problems


async def test_playground_runs_a_subscription(live_gateway, browser_page, gql, session):
    """GraphiQL runs a subscription over the gateway's WebSocket with the headers editor's token, and shows the
    event a mutation causes."""
    page = browser_page
    base_url = live_gateway.base_url.rstrip("/")
    await _open_playground(page, base_url)
    last = await last_seq(session)
    key = f"t-play-{uuid.uuid4().hex[:8]}"
    subscription = ('subscription { changes(after: "%s", types: ["Partner"]) { entityKey operation } }'
                    % last)
    await _execute(page, subscription)
    try:
        created = await gql.data(
            "mutation($p: [CreatePartnerInput!]!) { createPartners(partners: $p) { errors { code } } }",
            variables={"p": [{"key": key, "name": f"Playground {key}", "type": "RESELLER"}]})
        assert created["createPartners"]["errors"] == []
        event = await _response_with(page, key)
        assert event["data"]["changes"] == {"entityKey": key, "operation": "CREATED"}
    finally:
        await session.write_transaction(lambda tx: tx.run("MATCH (p:Partner {id: $id}) DETACH DELETE p", id=key))
    assert not page.problems, page.problems
