"""The change records of every programs mutation (tests/change_log.py): programs, segments and criteria
(scoped by their program), partnerships (scoped by their partner)."""

from __future__ import annotations

import pytest

from tests.change_log import Logged, check_logged, mutate
from tests.conftest import global_id, write
from tests.programs.test_partnerships import ONBOARD, SEGMENT
from tests.programs.test_partnerships import STATUS as PARTNERSHIP_STATUS
from tests.programs.test_programs import ADD_SEGMENT, CREATE, STATUS, _program

SET_DEFAULT = """mutation($s: ID!) { setDefaultSegment(segment: $s) { segment { key isDefault } errors { code } } }"""
SET_QUESTIONS = """mutation($p: ID!, $q: [ApplicationQuestionInput!]!) { setApplicationQuestions(program: $p,
  questions: $q) { program { key } errors { code field message } } }"""
ADD_CRITERIA = """mutation($s: ID!, $c: [CriterionInput!]!) { addCriteria(segment: $s, criteria: $c) {
  segment { key } errors { code field message } } }"""


def _segment(state, name: str) -> str:
    return global_id("Segment", f"{state['prefix']}-{name}")


async def _created(gql, session, state) -> None:
    """A DRAFT program keyed by the prefix: segments top (rank 1, one criterion) and base (rank 2, default)."""
    await mutate(gql, "enterprise-admin", CREATE, programs=[_program(state["prefix"])])


async def _onboarded(gql, session, state) -> None:
    await _created(gql, session, state)
    await mutate(gql, "enterprise-admin", ONBOARD, items=[
        {"key": f"{state['prefix']}-ps", "partner": global_id("Partner", "p-pacific"),
         "program": global_id("Program", state["prefix"])}])


async def _cleanup(gql, session, state) -> None:
    # Criteria and segment assignments have generated ids: remove them through what they belong to.
    await write(session, """MATCH (prog:Program) WHERE prog.id STARTS WITH $prefix
                            OPTIONAL MATCH (prog)-[:HAS_SEGMENT]->(s:Segment)
                            OPTIONAL MATCH (s)-[:REQUIRES]->(c:Criterion)
                            OPTIONAL MATCH (ps:Partnership)-[:IN]->(prog)
                            OPTIONAL MATCH (ps)-[:HAD]->(a:SegmentAssignment)
                            OPTIONAL MATCH (prog)-[:ASKS]->(q:ApplicationQuestion)
                            DETACH DELETE prog, s, c, ps, a, q""", prefix=state["prefix"])


async def _create(gql, session, state) -> None:
    await mutate(gql, state["persona"], CREATE, programs=[_program(state["prefix"])])


async def _add_segment(gql, session, state) -> None:
    await mutate(gql, state["persona"], ADD_SEGMENT, program=global_id("Program", state["prefix"]), segment={
        "key": f"{state['prefix']}-mid", "name": "Middle", "rank": 3, "isDefault": False,
        "criteria": [{"metric": "STAFF_COUNT", "operator": "GTE", "threshold": 2}]})


async def _set_default(gql, session, state) -> None:
    await mutate(gql, state["persona"], SET_DEFAULT, s=_segment(state, "top"))


async def _add_criteria(gql, session, state) -> None:
    await mutate(gql, state["persona"], ADD_CRITERIA, s=_segment(state, "base"), c=[
        {"metric": "STAFF_COUNT", "operator": "GTE", "threshold": 1},
        {"metric": "WIN_RATE", "operator": "LT", "threshold": 0.5}])


async def _approve(gql, session, state) -> None:
    await mutate(gql, state["persona"], STATUS, p=global_id("Program", state["prefix"]), s="APPROVED")


async def _set_questions(gql, session, state) -> None:
    await mutate(gql, state["persona"], SET_QUESTIONS, p=global_id("Program", state["prefix"]), q=[
        {"key": "revenue", "text": "Revenue last year?", "required": True}, {"key": "regions", "text": "Regions?"}])


async def _onboard(gql, session, state) -> None:
    program = global_id("Program", state["prefix"])
    await mutate(gql, state["persona"], ONBOARD, items=[
        {"key": f"{state['prefix']}-ps1", "partner": global_id("Partner", "p-pacific"), "program": program},
        {"key": f"{state['prefix']}-ps2", "partner": global_id("Partner", "p-lyon"), "program": program,
         "segment": _segment(state, "top")}])


async def _activate(gql, session, state) -> None:
    await mutate(gql, state["persona"], PARTNERSHIP_STATUS, ps=global_id("Partnership", f"{state['prefix']}-ps"),
                 s="ACTIVE")


async def _move_segment(gql, session, state) -> None:
    await mutate(gql, state["persona"], SEGMENT, ps=global_id("Partnership", f"{state['prefix']}-ps"),
                 seg=_segment(state, "top"), why="500 managed seats")


LOGGED = [
    Logged("createPrograms", _create, [("Program", "CREATED"), ("Segment", "CREATED"), ("Criterion", "CREATED"),
                                       ("Segment", "CREATED")], cleanup=_cleanup),
    Logged("addSegment", _add_segment, [("Segment", "CREATED"), ("Criterion", "CREATED")], setup=_created,
           cleanup=_cleanup),
    Logged("setDefaultSegment", _set_default, [("Segment", "UPDATED")] * 2, setup=_created, cleanup=_cleanup),
    Logged("addCriteria", _add_criteria, [("Criterion", "CREATED")] * 2, setup=_created, cleanup=_cleanup),
    Logged("changeProgramStatus", _approve, [("Program", "STATE_CHANGED")], setup=_created, cleanup=_cleanup),
    Logged("onboardPartnerships", _onboard, [("Partnership", "CREATED")] * 2, setup=_created, cleanup=_cleanup),
    Logged("changePartnershipStatus", _activate, [("Partnership", "STATE_CHANGED")], setup=_onboarded,
           cleanup=_cleanup),
    Logged("changePartnershipSegment", _move_segment, [("Partnership", "RELATED")], setup=_onboarded,
           cleanup=_cleanup),
    Logged("setApplicationQuestions", _set_questions, [("Program", "UPDATED")], setup=_created, cleanup=_cleanup),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_programs_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


def _fields(record: dict) -> dict:
    return {f["field"]: (f["old"], f["new"]) for f in record["fields"]}


async def test_created_program_records_are_scoped_by_the_program(gql, session):
    program, top, criterion, base = await check_logged(LOGGED[0], gql, session)
    key = program["entityId"]
    assert [r["entityId"] for r in (top, base)] == [f"{key}-top", f"{key}-base"]
    assert {(r["scope"], r["scopeId"], r.get("partnerId")) for r in (program, top, criterion, base)} == {
        ("program", key, None)}
    assert not any(r["enterpriseOnly"] or r["enterpriseFields"] for r in (program, top, criterion, base))
    fields = _fields(program)
    assert fields["status"] == (None, "DRAFT") and fields["kind"] == (None, "REFERRAL")
    assert fields["internalOrg"] == (None, "io-channel") and fields["startDate"] == (None, "2025-01-01")
    assert _fields(base) == {"name": (None, "Base"), "rank": (None, 2), "isDefault": (None, True),
                             "program": (None, key)}
    assert _fields(criterion) == {"metric": (None, "REVENUE"), "operator": (None, "GTE"),
                                  "threshold": (None, 100000.0), "segment": (None, f"{key}-top")}
    assert program["actorId"] == "demo-enterprise-admin" and program["actorPersona"] == "enterprise-admin"


async def test_default_segment_moves_and_status_change(gql, session):
    async def act(gql, session, state) -> None:
        await _set_default(gql, session, state)
        await _approve(gql, session, state)

    new, old, approved = await check_logged(
        Logged("", act, [("Segment", "UPDATED")] * 2 + [("Program", "STATE_CHANGED")], setup=_created,
               cleanup=_cleanup), gql, session)
    assert (new["entityId"].rsplit("-", 1)[1], _fields(new)) == ("top", {"isDefault": (False, True)})
    assert (old["entityId"].rsplit("-", 1)[1], _fields(old)) == ("base", {"isDefault": (True, False)})
    assert (approved["fromState"], approved["toState"]) == ("DRAFT", "APPROVED")
    assert _fields(approved) == {"status": ("DRAFT", "APPROVED")}  # updatedAt and the lock are bookkeeping


async def test_making_the_default_segment_default_again_writes_nothing(gql, session):
    async def again(gql, session, state) -> None:
        payload = await mutate(gql, "enterprise-admin", SET_DEFAULT, s=_segment(state, "base"))
        assert payload["segment"] == {"key": f"{state['prefix']}-base", "isDefault": True}

    await check_logged(Logged("", again, [], setup=_created, cleanup=_cleanup), gql, session)


async def test_partnership_records_carry_partner_segment_and_states(gql, session):
    async def act(gql, session, state) -> None:
        await _activate(gql, session, state)
        await _move_segment(gql, session, state)

    activated, moved = await check_logged(
        Logged("", act, [("Partnership", "STATE_CHANGED"), ("Partnership", "RELATED")], setup=_onboarded,
               cleanup=_cleanup), gql, session)
    prefix = activated["entityId"].removesuffix("-ps")
    for record in (activated, moved):
        assert (record["scope"], record["scopeId"], record["partnerId"]) == ("partner", "p-pacific", "p-pacific")
    assert (activated["fromState"], activated["toState"]) == ("PENDING", "ACTIVE")
    assert set(_fields(activated)) == {"status", "onboardedAt"} and _fields(activated)["onboardedAt"][0] is None
    assert (moved["relationship"], moved["otherType"], moved["otherId"]) == ("AT", "Segment", f"{prefix}-top")
    assert _fields(moved) == {"segment": (f"{prefix}-base", f"{prefix}-top"),
                              "segmentReason": ("onboarding", "500 managed seats")}


async def test_onboarded_partnership_lists_where_it_starts(gql, session):
    first, second = await check_logged(LOGGED[5], gql, session)
    prefix = first["entityId"].removesuffix("-ps1")
    assert _fields(first) | {"createdAt": None} == {
        "status": (None, "PENDING"), "partner": (None, "p-pacific"), "program": (None, prefix),
        "segment": (None, f"{prefix}-base"), "segmentReason": (None, "onboarding"), "createdAt": None}
    assert (second["partnerId"], _fields(second)["segment"]) == ("p-lyon", (None, f"{prefix}-top"))


async def test_setting_questions_records_the_list_and_the_same_list_again_nothing(gql, session):
    async def act(gql, session, state) -> None:
        await _set_questions(gql, session, state)
        await _set_questions(gql, session, state)

    (updated,) = await check_logged(Logged("", act, [("Program", "UPDATED")], setup=_created, cleanup=_cleanup),
                                    gql, session)
    assert _fields(updated) == {"applicationQuestions": ([], [
        {"key": "revenue", "text": "Revenue last year?", "required": True},
        {"key": "regions", "text": "Regions?", "required": False}])}
