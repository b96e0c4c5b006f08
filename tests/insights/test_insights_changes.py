"""The change records of the insights mutation (tests/change_log.py): applying a segment recommendation is the
programs domain's segment change, so it writes the partnership's RELATED record, with the evaluation's reason.
The cases run on the `clocked_gql` gateway at the fixture channel's NOW (tests/insights/test_insights_segments.py)."""

from __future__ import annotations

import pytest

from tests.change_log import Logged, check_logged, mutate
from tests.conftest import global_id
from tests.insights.test_insights_segments import APPLY, NOW, create_fixture, remove


async def _fixture(gql, session, state) -> None:
    await create_fixture(session, state["prefix"])


async def _remove(gql, session, state) -> None:
    await remove(session, state["prefix"])


async def _apply(gql, session, state) -> None:
    u = state["prefix"]
    await mutate(gql, state["persona"], APPLY, ps=global_id("Partnership", f"{u}-ps-A"),
                 seg=global_id("Segment", f"{u}-mid"))


LOGGED = [
    Logged("applySegmentRecommendation", _apply, [("Partnership", "RELATED")], setup=_fixture, cleanup=_remove),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_insights_mutation_writes_its_records(case, clocked_gql, clock, session):
    clock.set(NOW)
    await check_logged(case, clocked_gql, session)


async def test_an_applied_recommendation_records_the_move_and_its_reason(clocked_gql, clock, session):
    clock.set(NOW)
    (moved,) = await check_logged(LOGGED[0], clocked_gql, session)
    u = moved["entityId"].removesuffix("-ps-A")
    assert (moved["relationship"], moved["otherType"], moved["otherId"]) == ("AT", "Segment", f"{u}-mid")
    assert (moved["scope"], moved["scopeId"], moved["partnerId"]) == ("partner", f"{u}-A", f"{u}-A")
    assert moved["at"].to_native() == NOW and moved["actorId"] == "demo-enterprise-admin"
    fields = {f["field"]: (f["old"], f["new"]) for f in moved["fields"]}
    assert fields["segment"] == (f"{u}-low", f"{u}-mid")
    assert fields["segmentReason"][1].startswith("segment evaluation UPGRADE over [2029-04-01, 2030-04-01)")


async def test_a_recommendation_no_longer_made_writes_nothing(clocked_gql, clock, session):
    async def refused(gql, session, state) -> None:
        data = await gql.data(APPLY, variables={"ps": global_id("Partnership", f"{state['prefix']}-ps-D"),
                                                "seg": global_id("Segment", f"{state['prefix']}-low")})
        assert data["applySegmentRecommendation"]["errors"][0]["code"] == "CONFLICT"

    clock.set(NOW)
    await check_logged(Logged("", refused, [], setup=_fixture, cleanup=_remove), clocked_gql, session)
