"""Headless Chromium for the playground's browser tests (tests/test_playground_browser.py,
tests/test_hierarchy_view.py): Debian's /usr/bin/chromium (``apt-get install -y chromium``) through the Python
``playwright`` package, which never downloads a browser here. Every request the page makes is recorded, so a test can
assert that none left the gateway.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Page, async_playwright, expect

CHROMIUM = os.environ.get("PARTNERGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000
# Schemes that never leave the browser (GraphiQL's CSS inlines its fonts as data: URLs).
LOCAL_SCHEMES = {"data", "blob", "about"}


def _missing(reason: str) -> None:
    # On CI the browser is part of the install steps: missing it is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@asynccontextmanager
async def chromium_page(screenshot: Path) -> AsyncIterator[Page]:
    """A page in a fresh browser, with `page.requests` (every URL asked for) and `page.problems` (page errors and
    CSP refusals); a screenshot of where it ended goes to `screenshot`, for debugging only."""
    if not os.access(CHROMIUM, os.X_OK):
        _missing(f"{CHROMIUM} not found: apt-get install -y chromium")

    requests: list[str] = []
    problems: list[str] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = await browser.new_context(
            service_workers="block", viewport={"width": 1400, "height": 900}
        )
        page = await context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)  # auto-waiting assertions wait as long as actions (5 s by default)
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on(
            "console",
            lambda msg: problems.append(f"console: {msg.text}")
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None,
        )
        page.requests = requests  # type: ignore[attr-defined]
        page.problems = problems  # type: ignore[attr-defined]
        try:
            yield page
        finally:
            try:
                await page.screenshot(path=str(screenshot), full_page=True)
            except Exception:  # noqa: BLE001 - best effort for debugging only
                pass
            await context.close()
            await browser.close()


def assert_only_gateway(requests: list[str], base_url: str) -> None:
    gateway = urlsplit(base_url)
    assert requests, "the page made no requests at all"
    foreign = [
        url
        for url in requests
        if urlsplit(url).scheme not in LOCAL_SCHEMES
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (gateway.scheme, gateway.netloc)
    ]
    assert not foreign, f"requests left the gateway ({gateway.netloc}): {foreign}"
