"""The named Cypher queries and their fragments: every query expands and plans on the real Neo4j, and the
fragment contract of graph/shared/cypher_files.py (header, internal names, comments) holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.cases.lifecycle import CASE_STATUS, OPEN_CASE_STATUSES
from graph.leads.lifecycle import OPEN_LEAD_STATUSES
from graph.selling.lifecycle import DEAL_REGISTRATION_STATUS, OPPORTUNITY_STAGE
from graph.shared import cypher_files

NAMED_QUERIES = sorted(
    str(path.relative_to(cypher_files.CYPHER_DIR).with_suffix(""))
    for pattern in ("*/reads/*.cypher", "*/writes/*.cypher", "shared/*.cypher")
    for path in cypher_files.CYPHER_DIR.glob(pattern))
FRAGMENTS = sorted(path.stem for path in (cypher_files.CYPHER_DIR / "fragments").glob("*.cypher"))


def test_every_domain_has_named_queries():
    domains = {name.split("/")[0] for name in NAMED_QUERIES}
    assert domains == {"partners", "programs", "selling", "leads", "cases", "insights", "changes", "webhooks",
                       "applications", "mdf", "languages", "shared"}


@pytest.mark.parametrize("name", FRAGMENTS)
def test_fragment_keeps_its_contract(name):
    cypher_files.fragment(name)  # raises FragmentError on a header that does not match the body


@pytest.mark.parametrize("name", NAMED_QUERIES)
async def test_query_plans(session, name):
    text = cypher_files.query(name)
    assert cypher_files.parameters(name) == cypher_files.used_parameters(text)
    # EXPLAIN plans without running: every parameter must be present, null is enough for its value.
    params = dict.fromkeys(cypher_files.parameters(name))
    await session.write_transaction(lambda tx: tx.run("EXPLAIN " + text, **params))


# --- The contract, on fragments of a scratch directory -------------------------------------------------


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A `cypher/` directory of the test's own: write(path, text) adds a file to it."""
    monkeypatch.setattr(cypher_files, "CYPHER_DIR", tmp_path)
    (tmp_path / "fragments").mkdir()
    cypher_files.fragment.cache_clear()
    cypher_files._load.cache_clear()

    def write(path: str, text: str) -> None:
        (tmp_path / f"{path}.cypher").write_text(text)

    yield write
    cypher_files.fragment.cache_clear()
    cypher_files._load.cache_clear()


@pytest.mark.parametrize(("header", "problem"), [
    ("// needs: none\n", "uses parameters"),  # $limit used, not declared
    ("// needs: $limit, $now\n", "uses parameters"),  # $now declared, not used
    ("// needs: $limit, seen\n", "does not use"),  # a query variable declared, not read
    ("// description without a header\n", "needs"),
])
def test_header_must_match_body(scratch, header, problem):
    scratch("fragments/capped", header + "size({var}) <= $limit\n")
    scratch("q", "RETURN {{capped(xs)}} AS ok")
    with pytest.raises(ValueError, match=problem):
        cypher_files.query("q")


def test_bound_names_must_be_internal(scratch):
    scratch("fragments/tagged", "// needs: none\nCOLLECT { UNWIND {var} AS item RETURN item }\n")
    scratch("q", "RETURN {{tagged(xs)}} AS ok")
    with pytest.raises(ValueError, match="binds"):
        cypher_files.query("q")


def test_query_files_may_not_use_internal_names(scratch):
    scratch("q", "UNWIND [1] AS _item RETURN _item")
    with pytest.raises(ValueError, match="kept for fragments"):
        cypher_files.query("q")


async def test_nested_fragments_with_one_internal_name_do_not_collide(scratch, session):
    # Both fragments bind `_child`; expanded as written, the inner pattern would join the outer `_child` to
    # itself (a partner parent of itself) and find no grandchild at all.
    scratch("fragments/children", "// needs: none\n// internal: _child\n"
                                  "COLLECT { MATCH ({var})-[:PARENT_OF]->(_child:Partner) RETURN _child.id }\n")
    scratch("fragments/grandchildren", "// needs: none\n// internal: _child\n"
                                       "COLLECT { MATCH ({var})-[:PARENT_OF]->(_child:Partner)"
                                       " RETURN {{children(_child)}} }\n")
    scratch("q", "MATCH (p:Partner) WITH p, {{grandchildren(p)}} AS found "
                 "RETURN sum(reduce(n = 0, ids IN found | n + size(ids))) AS found, "
                 "sum(COUNT { (p)-[:PARENT_OF]->(:Partner)-[:PARENT_OF]->(:Partner) }) AS expected")
    [row] = await session.read("q")
    assert row["found"] == row["expected"] > 0


async def test_trailing_comment_in_a_fragment_keeps_the_rest_of_the_query(scratch, session):
    scratch("fragments/link", "// needs: none\n'https://example.com/' + {var} // a URL keeps its //\n")
    scratch("q", "WITH 'p1' AS id RETURN {{link(id)}} AS link, 2 AS after")
    assert await session.read("q") == [{"link": "https://example.com/p1", "after": 2}]


# --- Domain constants written once in Cypher ------------------------------------------------------------


def _listed(fragment: str) -> list[str]:
    return re.findall(r"'(\w+)'", re.search(r"\[(.*)\]", cypher_files.fragment(fragment).body).group(1))


def test_open_case_statuses_match_the_lifecycle():
    assert _listed("case_open") == list(OPEN_CASE_STATUSES) == ["NEW", "IN_PROGRESS", "AWAITING_PARTNER"]


def test_resolved_case_statuses_match_the_lifecycle():
    # RESOLVED and what only a resolved case moves to (CLOSED; a cancelled case was never resolved).
    assert set(_listed("case_resolved")) == {"RESOLVED"} | (CASE_STATUS["RESOLVED"] - set(OPEN_CASE_STATUSES))


def test_closed_opportunity_stages_are_the_final_ones():
    assert set(_listed("opportunity_open")) == {stage for stage, moves in OPPORTUNITY_STAGE.items() if not moves}


def test_registrations_in_review_are_those_a_reviewer_moves_on():
    in_review = {s for s, moves in DEAL_REGISTRATION_STATUS.items() if moves & {"UNDER_REVIEW", "APPROVED"}}
    assert set(_listed("deal_in_review")) == in_review


def test_open_lead_statuses_match_the_lifecycle():
    assert _listed("lead_open") == list(OPEN_LEAD_STATUSES) == ["ROUTED", "ACCEPTED"]


def test_no_open_case_list_is_written_out_elsewhere():
    written = [path.name for path in Path(cypher_files.CYPHER_DIR).glob("*/**/*.cypher")
               if "'NEW', 'IN_PROGRESS', 'AWAITING_PARTNER'" in path.read_text() and path.stem != "case_open"]
    assert written == []


# A lock bump that reads the property it bumps (`SET n.version = coalesce(n.version, 0) + 1`).
_BUMP = re.compile(r"SET\s+(?:.*,\s*)?(\w+)\.(?:version|lock)\s*=\s*(?:coalesce\()?\1\.")


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_lock_bumps_take_the_write_lock_first(name):
    """`SET n.version = n.version + 1` alone reads under a shared lock, and concurrent writers upgrading theirs on
    one node deadlock (tests/mdf/test_mdf_concurrency.py): each bumped node's write_lock comes before its bump."""
    text = (cypher_files.CYPHER_DIR / f"{name}.cypher").read_text()
    for bump in _BUMP.finditer(text):
        locked = text.find(f"{{{{...write_lock({bump.group(1)})}}}}")
        assert 0 <= locked < bump.start(), f"{name}: {bump.group(1)} is bumped without its write_lock first"
