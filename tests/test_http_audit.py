"""The graphql-http server audit (npm `graphql-http` 1.23.1, `auditServer`: its 61 checks of the GraphQL-over-HTTP
spec) against the real gateway under uvicorn: every check passes, none with a notice or a warning.

The audit runs in Node (tests/http_audit/audit.mjs, installed by `make test` with `npm ci --prefix
tests/http_audit`); each of its requests carries an enterprise executive's token (read-only), since the gateway
answers 401 to a request without one.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path

import pytest

from gateway.identity import mint_demo_token

AUDIT = Path(__file__).resolve().parent / "http_audit"
# How many audits graphql-http 1.23.1 has (`serverAudits(...).length`): a newer version with more must be read.
AUDITS = 61
TIMEOUT_SECONDS = 120


def _missing(reason: str) -> None:
    # On CI node and `make test`'s npm install are part of the setup: missing either is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


async def _audit(url: str, authorization: str) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        _missing("node not found: the graphql-http audit runs in Node.js")
    if not (AUDIT / "node_modules" / "graphql-http").is_dir():
        _missing("graphql-http is not installed: npm ci --prefix tests/http_audit (make test does)")
    # An asyncio subprocess: the test's event loop stays free while Node runs.
    process = await asyncio.create_subprocess_exec(
        node, "audit.mjs", url, cwd=AUDIT, env={**os.environ, "AUDIT_AUTHORIZATION": authorization},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, stderr.decode()
    return json.loads(stdout)


async def test_the_graphql_http_audit_passes_every_check(live_gateway):
    token = mint_demo_token(live_gateway.settings, "enterprise-executive")
    results = await _audit(f"{live_gateway.base_url}/graphql", f"Bearer {token}")
    failed = [f"{r['id']} {r['status']}: {r['name']}: {r['reason']} (answered {r['response']})"
              for r in results if r["status"] != "ok"]
    assert not failed, "\n".join(failed)
    assert len(results) == AUDITS
    assert len({r["id"] for r in results}) == AUDITS
