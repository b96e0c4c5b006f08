"""The change records of every applications mutation (tests/change_log.py): a submission (anonymous: no actor),
a rejection, and an approval, whose partner, admin and partnership are recorded by the statements that made them.
Scoped by the application, and after an approval anchored to the partner it became."""

from __future__ import annotations

import pytest

from tests.applications.conftest import REVIEW, application, create_program, remove_applications, submitted
from tests.change_log import Logged, check_logged, mutate


async def _program(gql, session, state) -> None:
    state["program"] = await create_program(session, state["prefix"])


async def _submitted(gql, session, state) -> None:
    await _program(gql, session, state)
    state["application"] = await submitted(gql, application(state["program"], state["prefix"]))


async def _cleanup(gql, session, state) -> None:
    await remove_applications(session, state["prefix"])


async def _submit(gql, session, state) -> None:
    state["application"] = await submitted(gql, application(state["program"], state["prefix"]))


async def _approve(gql, session, state) -> None:
    await mutate(gql, state["persona"], REVIEW, id=state["application"], d="APPROVE")


async def _reject(gql, session, state) -> None:
    await mutate(gql, state["persona"], REVIEW, id=state["application"], d="REJECT", r="Outside our regions.")


LOGGED = [
    Logged("submitPartnerApplication", _submit, [("PartnerApplication", "CREATED")], persona="anonymous",
           setup=_program, cleanup=_cleanup),
    Logged("reviewPartnerApplication", _approve, [("Partner", "CREATED"), ("Person", "CREATED"),
                                                  ("Partnership", "CREATED"), ("PartnerApplication", "STATE_CHANGED")],
           setup=_submitted, cleanup=_cleanup),
    Logged("reviewPartnerApplication", _reject, [("PartnerApplication", "STATE_CHANGED")], setup=_submitted,
           cleanup=_cleanup),
]


@pytest.mark.parametrize("case", LOGGED, ids=["submit", "approve", "reject"])
async def test_applications_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


def _fields(record: dict) -> dict:
    return {f["field"]: (f["old"], f["new"]) for f in record["fields"]}


async def test_a_submission_is_recorded_without_an_actor(gql, session):
    (created,) = await check_logged(LOGGED[0], gql, session)
    assert (created.get("actorId"), created["actorPersona"]) == (None, "anonymous")
    assert (created["scope"], created["scopeId"], created.get("partnerId")) == (
        "application", created["entityId"], None)
    fields = _fields(created)
    assert fields["status"] == (None, "SUBMITTED") and fields["answerKeys"] == (None, ["revenue", "regions"])
    assert fields["program"][1].startswith("t-log-")


async def test_an_approval_is_anchored_to_the_new_partner(gql, session):
    partner, person, partnership, decided = await check_logged(LOGGED[1], gql, session)
    new_partner = partner["entityId"]
    assert {r["partnerId"] for r in (partner, person, partnership, decided)} == {new_partner}
    assert (decided["scope"], decided["fromState"], decided["toState"]) == ("application", "SUBMITTED", "APPROVED")
    assert _fields(decided)["partner"] == (None, new_partner)
    assert decided["actorPersona"] == "enterprise-admin"


async def test_a_rejections_reason_is_enterprise_only(gql, session):
    (rejected,) = await check_logged(LOGGED[2], gql, session)
    assert [f["field"] for f in rejected["enterpriseFields"]] == ["decisionReason"]
    assert "decisionReason" not in _fields(rejected)
