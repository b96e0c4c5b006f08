"""The change records of every languages mutation (tests/change_log.py): a translation is logged as its node's
`translations` (a segment's scoped by its program), a partner's language as a Partner update, the enterprise's as
an enterprise-only Enterprise update."""

from __future__ import annotations

import pytest

from tests.change_log import Logged, check_logged, mutate
from tests.conftest import global_id, write
from tests.languages.test_language_mutations import ENTERPRISE, PARTNER, REMOVE, SET


async def _program(gql, session, state) -> None:
    await write(session, """CREATE (p:Program {id: $id, name: 'Logged', kind: 'BUILD', status: 'DRAFT',
                                                startDate: date('2027-01-01')})
                            CREATE (p)-[:HAS_SEGMENT]->(:Segment {id: $id + '-seg', name: 'Only', rank: 1,
                                                                   isDefault: true})""", id=state["prefix"])


async def _translated(gql, session, state) -> None:
    await _program(gql, session, state)
    await mutate(gql, "enterprise-admin", SET, s=global_id("Program", state["prefix"]), l="fr", n="Journalisé")


async def _cleanup(gql, session, state) -> None:
    await write(session, "MATCH (t:Translation) WHERE t.key STARTS WITH $p OR t.key CONTAINS ('/' + $p) "
                "DETACH DELETE t", p=state["prefix"])


async def _clear_languages(gql, session, state) -> None:
    await write(session, "MATCH (e:Enterprise {id: 'enterprise'}) REMOVE e.preferredLanguage")
    await write(session, "MATCH (p:Partner {id: 'p-contoso'}) REMOVE p.preferredLanguage")


async def _set(gql, session, state) -> None:
    await mutate(gql, state["persona"], SET, s=global_id("Segment", state["prefix"] + "-seg"), l="de", n="Einzig")


async def _remove(gql, session, state) -> None:
    await mutate(gql, state["persona"], REMOVE, s=global_id("Program", state["prefix"]), l="fr")


async def _partner(gql, session, state) -> None:
    await mutate(gql, state["persona"], PARTNER, p=global_id("Partner", "p-contoso"), l="fr")


async def _enterprise(gql, session, state) -> None:
    await mutate(gql, state["persona"], ENTERPRISE, l="de")


LOGGED = [
    Logged("setTranslation", _set, [("Segment", "UPDATED")], setup=_program, cleanup=_cleanup),
    Logged("removeTranslation", _remove, [("Program", "UPDATED")], setup=_translated, cleanup=_cleanup),
    Logged("setPartnerLanguage", _partner, [("Partner", "UPDATED")], persona="partner-admin",
           setup=_clear_languages, cleanup=_clear_languages),
    Logged("setEnterpriseLanguage", _enterprise, [("Enterprise", "UPDATED")], setup=_clear_languages,
           cleanup=_clear_languages),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_languages_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


def _fields(record: dict) -> dict:
    return {f["field"]: (f["old"], f["new"]) for f in record["fields"]}


async def test_a_segment_translation_is_the_programs_record(gql, session):
    (record,) = await check_logged(LOGGED[0], gql, session)
    assert (record["scope"], record["scopeId"]) == ("program", record["entityId"].removesuffix("-seg"))
    assert _fields(record) == {"translations": ([], [{"locale": "de", "name": "Einzig", "description": None}])}


async def test_removing_a_translation_records_it_gone(gql, session):
    (record,) = await check_logged(LOGGED[1], gql, session)
    assert _fields(record) == {"translations": ([{"locale": "fr", "name": "Journalisé", "description": None}], [])}


async def test_language_settings_records(gql, session):
    (partner,) = await check_logged(LOGGED[2], gql, session)
    assert (partner["scope"], partner["scopeId"], _fields(partner)) == (
        "partner", "p-contoso", {"preferredLanguage": (None, "fr")})
    (enterprise,) = await check_logged(LOGGED[3], gql, session)
    assert enterprise["enterpriseOnly"] and _fields(enterprise) == {"preferredLanguage": (None, "de")}
