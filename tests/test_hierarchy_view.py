"""The playground's hierarchy view (playground/hierarchy/, the "Hierarchy" tab beside GraphiQL) in headless Chromium
against the live gateway over the demo channel (cypher/demo/01_channel.cypher, Partner 360 figures of
04_insights.cypher as tests/insights/test_demo_insights.py reads them): the tree each persona may see, a node's type,
status and segment, the Partner 360 panel and its pipeline chart, the editor's token, and no request to any other host.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.async_api import expect

from gateway.identity import mint_demo_token
from gateway.playground import OWN_ASSET_FILES, PLAYGROUND_DIR
from tests.browser import assert_only_gateway, chromium_page

OPEN_STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation"]
VISIBLE_NODES = "#hierarchy .tree li.node:visible > .node-row > .node-name"
# The view's own documents (playground/hierarchy/queries.js), told from GraphiQL's by their operation names.
VIEW_OPERATION = re.compile(r"query (Hierarchy\w+|Partner360Panel)\b")


@pytest.fixture
async def page(live_gateway, tmp_path: Path):
    async with chromium_page(tmp_path / "hierarchy.png") as page:
        page.view_tokens = []  # type: ignore[attr-defined]  # Authorization of each of the view's POSTs

        def record(request) -> None:
            body = request.post_data or ""
            if request.method == "POST" and VIEW_OPERATION.search(body):
                page.view_tokens.append(request.headers.get("authorization"))  # type: ignore[attr-defined]

        page.on("request", record)
        yield page


async def _open_view(page, live_gateway, persona: str) -> None:
    """The playground at #hierarchy, signed in as `persona` with the picker, once the view shows that person."""
    await page.goto(f"{live_gateway.base_url}/graphql#hierarchy", wait_until="domcontentloaded")
    await page.wait_for_selector('body[data-persona-state="ready"][data-persona="enterprise-admin"]')
    if persona != "enterprise-admin":
        await page.select_option("#persona-picker", persona)
        await page.wait_for_selector(f'body[data-persona-state="ready"][data-persona="{persona}"]')
    await expect(page.locator("#hierarchy-who")).to_contain_text(live_gateway.demo_person_name(persona))
    await page.wait_for_selector('#hierarchy[data-state="ready"]')


async def _expand(page, key: str, first_child: str) -> None:
    await page.click(f'li[data-key="{key}"] > .node-row > .toggle')
    await page.wait_for_selector(f'li[data-key="{key}"] > .children > li[data-key="{first_child}"]')


async def _select(page, key: str, name: str) -> None:
    await page.click(f'li[data-key="{key}"] > .node-row > .node-name')
    await expect(page.locator('.panel[data-state="ready"]')).to_have_attribute("data-key", key)
    await expect(page.locator("#panel-title")).to_have_text(f"Partner 360: {name}")


async def _expect_row(page, key: str, type_: str, status: str, segment: str) -> None:
    row = page.locator(f'li[data-key="{key}"] > .node-row')
    await expect(row.locator(".node-type")).to_have_text(type_)
    await expect(row.locator(".node-status")).to_have_text(status)
    await expect(row.locator(".node-segment")).to_have_text(segment)


async def _expect_figure(page, name: str, text: str) -> None:
    await expect(page.locator(f'.panel [data-figure="{name}"] dd')).to_have_text(text)


async def _expect_chart(page, values: list[int]) -> None:
    """One bar per open stage, in stage order, each with its value in minor units; a bar above zero is drawn."""
    chart = page.locator(".panel svg.bar-chart")
    await expect(chart.locator(".bar-label")).to_have_text(OPEN_STAGES)
    bars = chart.locator("rect.bar")
    await expect(bars).to_have_count(len(values))
    assert [int(v) for v in await bars.evaluate_all("rs => rs.map(r => r.dataset.value)")] == values
    heights = [float(h) for h in await bars.evaluate_all("rs => rs.map(r => r.getAttribute('height'))")]
    assert [h > 0 for h in heights] == [v > 0 for v in values], heights
    assert heights.index(max(heights)) == values.index(max(values))


def _assert_clean(page, live_gateway) -> None:
    assert_only_gateway(page.requests, live_gateway.base_url)
    assert not page.problems, page.problems


@pytest.mark.browser
async def test_relationship_manager_sees_the_channels_they_manage(live_gateway, page):
    await _open_view(page, live_gateway, "relationship-manager")
    # Enterprise staff choose the root; the first top of the hierarchy among the matches is chosen for them.
    chosen = page.locator("#hierarchy-root option:checked")
    await expect(chosen).to_have_text("Northwind Distribution (Distributor, level 0)")
    await _expand(page, "p-northwind", "p-contoso")
    await _expand(page, "p-contoso", "p-adatum")
    await _expand(page, "p-fabrikam", "p-litware")
    await expect(page.locator(VISIBLE_NODES)).to_have_text([
        "Northwind Distribution", "Contoso Resellers", "Adatum Systems", "Fabrikam Solutions", "Litware Services",
        "Tailspin IT", "Proseware Partners"])
    await _expect_row(page, "p-northwind", "Distributor", "Active", "Reseller Program · Platinum")
    await _expect_row(page, "p-adatum", "System integrator", "Suspended", "Reseller Program · Bronze (suspended)")

    await _select(page, "p-contoso", "Contoso Resellers")
    await _expect_figure(page, "open-pipeline", "$50,010,000.00 2 opportunities")
    await _expect_figure(page, "won-lost", "2 / 1 win rate 66.7%")
    await _expect_figure(page, "revenue", "$900,000.00 2 orders")
    # Qualification: Contoso's support renewal (1M minor units); Proposal: its 2026 platform deal (5e9).
    await _expect_chart(page, [0, 1_000_000, 5_000_000_000, 0])

    # A search picks another root: Eurolink is not Rita's, so nothing matches.
    await page.fill("#hierarchy-search", "Eurolink")
    await page.press("#hierarchy-search", "Enter")
    await expect(page.locator("#hierarchy-root option")).to_have_text(["No partner matches"])
    _assert_clean(page, live_gateway)


@pytest.mark.browser
async def test_partner_admin_sees_only_their_own_subtree(live_gateway, page):
    await _open_view(page, live_gateway, "partner-admin")
    # Partner staff get their own organization as the root, and the partner above it by name only.
    await expect(page.locator("#hierarchy-search")).to_have_count(0)
    await expect(page.locator("#hierarchy .ancestors .ancestor")).to_have_text(["Northwind Distribution"])
    await expect(page.locator("#hierarchy .ancestors button")).to_have_count(0)
    await _expand(page, "p-contoso", "p-adatum")
    await _expand(page, "p-fabrikam", "p-litware")
    await _expand(page, "p-tailspin", "p-wingtip")
    await expect(page.locator(VISIBLE_NODES)).to_have_text([
        "Contoso Resellers", "Adatum Systems", "Fabrikam Solutions", "Litware Services", "Tailspin IT",
        "Wingtip Local"])
    await expect(page.locator("#hierarchy")).not_to_contain_text("Proseware")  # the parent's other child
    await _expect_row(page, "p-contoso", "Reseller", "Active", "Reseller Program · Gold")
    await _expect_row(page, "p-tailspin", "Reseller", "Active", "Reseller Program · Bronze (pending)")
    await _expect_row(page, "p-wingtip", "Franchise", "Prospect", "No segment")
    await expect(page.locator('li[data-key="p-wingtip"] > .node-row > .toggle')).to_be_disabled()

    await _select(page, "p-litware", "Litware Services")
    await _expect_figure(page, "open-pipeline", "$9,000.00 1 opportunity")  # its 2026 CRM deal, in NEGOTIATION
    await _expect_chart(page, [0, 0, 0, 900_000])
    # With the partners below it: Contoso, Adatum, Fabrikam, Litware, Tailspin and Wingtip.
    await _select(page, "p-contoso", "Contoso Resellers")
    await page.check("#panel-subtree")
    await _expect_figure(page, "partners-counted", "6")
    _assert_clean(page, live_gateway)


@pytest.mark.browser
async def test_the_view_sends_the_editors_token(live_gateway, page):
    """Whatever the headers editor holds is what the view sends: a token typed in, then one the gateway refuses,
    shown as a readable message rather than a blank view."""
    await _open_view(page, live_gateway, "enterprise-admin")
    await page.click("#tab-editor")
    token = mint_demo_token(live_gateway.settings, "partner-manager")
    await _set_headers(page, {"Authorization": f"Bearer {token}"})
    page.view_tokens.clear()
    await page.click("#tab-hierarchy")
    await expect(page.locator("#hierarchy-who")).to_contain_text("Frank Fabrikam")
    await expect(page.locator('#hierarchy .tree > li.node')).to_have_attribute("data-key", "p-fabrikam")
    await _expand(page, "p-fabrikam", "p-litware")
    await _select(page, "p-fabrikam", "Fabrikam Solutions")
    assert page.view_tokens and set(page.view_tokens) == {f"Bearer {token}"}, page.view_tokens

    await page.click("#tab-editor")
    await _set_headers(page, {"Authorization": "Bearer not-a-token"})
    await page.click("#tab-hierarchy")
    await expect(page.locator("#hierarchy [role=alert]")).to_have_text(
        "Could not load the hierarchy: The gateway refused the token (HTTP 401). "
        "UNAUTHENTICATED: token could not be verified")

    await page.click("#tab-editor")
    await _set_headers(page, {})
    await page.click("#tab-hierarchy")
    await expect(page.locator("#hierarchy [role=alert]")).to_contain_text("No token")
    _assert_clean(page, live_gateway)


async def _set_headers(page, headers: dict) -> None:
    """Type into GraphiQL's headers editor, as a person would (through CodeMirror, which tells GraphiQL)."""
    await page.click(".graphiql-editor-tools button:has-text('Headers')")
    await page.evaluate(
        "(text) => document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')"
        ".CodeMirror.setValue(text)",
        json.dumps(headers),
    )


async def test_every_module_of_the_view_is_whitelisted(client):
    """The view's modules import each other by relative URL: each one imported must be served, and nothing else."""
    folder = PLAYGROUND_DIR / "hierarchy"
    imported = {"view.js"} | {
        name for path in folder.glob("*.js") for name in re.findall(r'from "\./([\w-]+\.js)"', path.read_text())}
    served = {url.removeprefix("hierarchy/") for url in OWN_ASSET_FILES}
    assert imported <= served, imported - served
    assert {path.name for path in folder.iterdir()} == served  # no file of the folder is left out, none listed twice
    for name in sorted(served):
        response = await client.get(f"/playground/assets/hierarchy/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith("text/css" if name.endswith(".css") else "text/javascript")
    assert (await client.get("/playground/assets/hierarchy/../index.html")).status_code == 404
    assert (await client.get("/playground/assets/hierarchy/README.md")).status_code == 404
