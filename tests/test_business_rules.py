"""The configurable periods reach the domain rules: a gateway started with other settings applies them."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from gateway.app import create_app
from resolvers.shared.clock import ControlledClock
from tests.conftest import GatewayClient, global_id
from tests.selling.test_selling_flow import _cleanup, _create, _deal, _key, _move


async def test_deal_periods_come_from_the_settings(settings, graph, session):
    custom = settings.model_copy(update={"deal_protection_days": 5, "deal_review_days": 2})
    clock = ControlledClock(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    prefix = _key("t-rules")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(custom, graph, clock)),
                                 base_url="http://gateway") as http:
        gql = GatewayClient(http, custom)
        try:
            (created,) = await _create(gql, "partner-manager", _deal(f"{prefix}-d"))
            gid = global_id("DealRegistration", f"{prefix}-d")
            assert created["id"] == gid
            submitted = await _move(gql, "partner-manager", gid, "SUBMIT")
            assert submitted["registration"]["reviewDeadline"].startswith("2026-07-03T12:00")  # 2 days
            await _move(gql, "relationship-manager", gid, "START_REVIEW")
            approved = await _move(gql, "relationship-manager", gid, "APPROVE", reason="ok")
            assert approved["registration"]["protectedUntil"].startswith("2026-07-06T12:00")  # 5 days
        finally:
            await _cleanup(session, prefix)
