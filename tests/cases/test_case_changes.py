"""The change records of every cases mutation (tests/change_log.py): cases and their comments (scoped by the
case, anchored to its partner; work notes enterprise-only) and SLA policies (enterprise-only)."""

from __future__ import annotations

import pytest

from tests.cases.test_cases import ASSIGN, COMMENT, MOVE, OPEN, _gid
from tests.cases.test_cases_policies import SET
from tests.change_log import Logged, check_logged, mutate
from tests.conftest import global_id, write

AGENT = global_id("Person", "demo-partner-agent")
ESCALATIONS = global_id("Queue", "queue-escalations")


def _case(state) -> str:
    return _gid(f"{state['prefix']}-case")


async def _opened(gql, session, state) -> None:
    await mutate(gql, "partner-admin", OPEN, c={"key": f"{state['prefix']}-case", "subject": "licences do not activate",
                                                "partner": global_id("Partner", "p-contoso"), "priority": "P3"})


async def _in_progress(gql, session, state) -> None:
    await _opened(gql, session, state)
    await mutate(gql, "partner-agent", MOVE, id=_case(state), status="IN_PROGRESS")


async def _awaiting_partner(gql, session, state) -> None:
    await _in_progress(gql, session, state)
    await mutate(gql, "partner-agent", MOVE, id=_case(state), status="AWAITING_PARTNER")


async def _segment(gql, session, state) -> None:
    """A segment of a program of the case's own (no policy sets its targets yet)."""
    await write(session, """MATCH (org:InternalOrg {id: 'io-channel'})
                            CREATE (org)-[:RUNS]->(:Program {id: $prefix + '-prog', name: $prefix, kind: 'RESELLER',
                                                             status: 'APPROVED', startDate: date('2025-01-01')})
                                   -[:HAS_SEGMENT]->(:Segment {id: $prefix + '-seg', name: 'Gold', rank: 1,
                                                               isDefault: true})""", prefix=state["prefix"])


async def _cleanup(gql, session, state) -> None:
    await write(session, """MATCH (c:Case) WHERE c.id STARTS WITH $prefix
                            OPTIONAL MATCH (c)<-[:ON]-(cm:CaseComment)
                            DETACH DELETE c, cm""", prefix=state["prefix"])
    await write(session, "MATCH (pol:SlaPolicy) WHERE pol.id STARTS WITH 'sla-' + $prefix DETACH DELETE pol",
                prefix=state["prefix"])


async def _open(gql, session, state) -> None:
    await mutate(gql, state["persona"], OPEN, c={
        "key": f"{state['prefix']}-case", "partner": global_id("Partner", "p-contoso"), "subject": "licence keys",
        "description": "none of the keys of order 42 activates", "priority": "P2",
        "account": global_id("Account", "acct-initech")})


async def _comment(gql, session, state) -> None:
    await mutate(gql, state["persona"], COMMENT, id=_case(state), body="tried twice", internal=False)


async def _assign(gql, session, state) -> None:
    await mutate(gql, state["persona"], ASSIGN, id=_case(state), agent=AGENT, queue=None)


async def _start(gql, session, state) -> None:
    await mutate(gql, state["persona"], MOVE, id=_case(state), status="IN_PROGRESS")


async def _set_policy(gql, session, state) -> None:
    await mutate(gql, state["persona"], SET, segment=global_id("Segment", f"{state['prefix']}-seg"), priority="P3",
                 response=90, resolution=600)


LOGGED = [
    Logged("openCase", _open, [("Case", "CREATED")], "partner-admin", cleanup=_cleanup),
    Logged("addCaseComment", _comment, [("CaseComment", "CREATED")], "partner-admin", _opened, _cleanup),
    Logged("assignCase", _assign, [("Case", "RELATED")], "enterprise-admin", _opened, _cleanup),
    Logged("changeCaseStatus", _start, [("Case", "STATE_CHANGED")], "partner-agent", _opened, _cleanup),
    Logged("setSlaPolicy", _set_policy, [("SlaPolicy", "CREATED")], "enterprise-admin", _segment, _cleanup),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_cases_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


def _fields(record: dict) -> dict:
    return {f["field"]: (f["old"], f["new"]) for f in record["fields"]}


async def test_an_opened_case_lists_its_links_and_hides_its_policy(gql, session):
    (case,) = await check_logged(LOGGED[0], gql, session)
    key = case["entityId"]
    assert (case["scope"], case["scopeId"], case["partnerId"], case["enterpriseOnly"]) == (
        "case", key, "p-contoso", False)
    fields = _fields(case)
    assert fields["status"] == (None, "NEW") and fields["priority"] == (None, "P2")
    assert fields["number"][1].startswith("CASE-") and fields["subject"] == (None, "licence keys")
    assert {name: fields[name][1] for name in ("partner", "account", "openedBy", "queue")} == {
        "partner": "p-contoso", "account": "acct-initech", "openedBy": "demo-partner-admin",
        "queue": "queue-partner-support"}
    assert "commentCount" not in fields and "slaPolicy" not in fields
    assert [(f["field"], f["old"]) for f in case["enterpriseFields"]] == [("slaPolicy", None)]


async def test_comments_first_response_and_work_notes(gql, session):
    async def act(gql, session, state) -> None:
        await mutate(gql, "partner-agent", COMMENT, id=_case(state), body="looking into it", internal=False)
        await mutate(gql, "partner-agent", COMMENT, id=_case(state), body="licence server down?", internal=True)

    response, comment, note = await check_logged(
        Logged("", act, [("Case", "UPDATED"), ("CaseComment", "CREATED"), ("CaseComment", "CREATED")],
               "partner-agent", _opened, _cleanup), gql, session)
    key = response["entityId"]
    assert list(_fields(response)) == ["firstResponseAt"] and _fields(response)["firstResponseAt"][0] is None
    for record in (comment, note):
        assert (record["scope"], record["scopeId"], record["partnerId"]) == ("case", key, "p-contoso")
    assert _fields(comment)["body"] == (None, "looking into it") and _fields(comment)["case"] == (None, key)
    assert _fields(comment)["author"] == (None, "demo-partner-agent")
    # The work note is enterprise-only, and the case it is on shows no change (its comment count is left out).
    assert (comment["enterpriseOnly"], note["enterpriseOnly"]) == (False, True)
    assert _fields(note)["visibility"] == (None, "INTERNAL")


async def test_a_partner_comment_resuming_the_case_is_one_case_record(gql, session):
    case, comment = await check_logged(
        Logged("", _comment, [("Case", "STATE_CHANGED"), ("CaseComment", "CREATED")], "partner-admin",
               _awaiting_partner, _cleanup), gql, session)
    assert (case["fromState"], case["toState"]) == ("AWAITING_PARTNER", "IN_PROGRESS")
    fields = _fields(case)
    assert fields["status"] == ("AWAITING_PARTNER", "IN_PROGRESS") and fields["pausedSince"][1] is None
    assert comment["actorPersona"] == case["actorPersona"] == "partner-admin"


async def test_assignments_name_the_agent_and_the_queue(gql, session):
    async def act(gql, session, state) -> None:
        await _assign(gql, session, state)
        await mutate(gql, "enterprise-admin", ASSIGN, id=_case(state), agent=None, queue=ESCALATIONS)

    to_agent, to_queue = await check_logged(
        Logged("", act, [("Case", "RELATED"), ("Case", "UNRELATED")], "enterprise-admin",
               _opened, _cleanup), gql, session)
    assert (to_agent["relationship"], to_agent["otherType"], to_agent["otherId"]) == (
        "ASSIGNED_TO", "Person", "demo-partner-agent")
    assert _fields(to_agent) == {"assignee": (None, "demo-partner-agent"), "queue": ("queue-partner-support", None)}
    # Leaving the agent for a queue changes both links; the record is about the first one (assignee).
    assert to_queue["otherId"] == "demo-partner-agent"
    assert _fields(to_queue) == {"assignee": ("demo-partner-agent", None), "queue": (None, "queue-escalations")}


async def test_sla_policy_records_are_enterprise_only(gql, session):
    async def act(gql, session, state) -> None:
        await _set_policy(gql, session, state)
        await mutate(gql, "enterprise-admin", SET, segment=global_id("Segment", f"{state['prefix']}-seg"),
                     priority="P3", response=120, resolution=600)

    created, updated = await check_logged(
        Logged("", act, [("SlaPolicy", "CREATED"), ("SlaPolicy", "UPDATED")], "enterprise-admin", _segment,
               _cleanup), gql, session)
    prefix = created["entityId"].removeprefix("sla-").removesuffix("-seg-p3")
    for record in (created, updated):
        assert (record["enterpriseOnly"], record["scope"], record.get("scopeId"), record.get("partnerId")) == (
            True, "enterprise", None, None)
    assert _fields(created) == {"priority": (None, "P3"), "responseMinutes": (None, 90),
                                "resolutionMinutes": (None, 600), "isDefault": (None, False),
                                "segments": (None, [f"{prefix}-seg"])}
    assert _fields(updated) == {"responseMinutes": (90, 120)}


async def test_setting_the_same_targets_again_writes_nothing(gql, session):
    async def setup(gql, session, state) -> None:
        await _segment(gql, session, state)
        await _set_policy(gql, session, state)

    await check_logged(Logged("", _set_policy, [], "enterprise-admin", setup, _cleanup), gql, session)
