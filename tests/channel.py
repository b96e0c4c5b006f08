"""Building blocks of the small channels that test packages build for themselves (tests/leads, tests/mdf): the
same three staff for every partner and the hierarchy between them, so each package writes only what is its own."""

from __future__ import annotations

from graph.shared.client import GraphSession
from tests.conftest import write


async def register_staff(session: GraphSession, prefix: str) -> None:
    """An admin, a manager and an associate (`<partner id>-admin`, `-manager`, `-associate`, named after the
    partner) for every partner whose id is `prefix` + "-" + a key."""
    await write(session, """
        MATCH (p:Partner) WHERE p.id STARTS WITH $p + '-'
        UNWIND [['admin', 'ADMIN'], ['manager', 'MANAGER'], ['associate', 'ASSOCIATE']] AS role
        CREATE (:Person {id: p.id + '-' + role[0], name: p.name + ' ' + role[0],
                         email: role[0] + '@' + p.id + '.example'})-[:MEMBER_OF {role: role[1]}]->(p)
        """, p=prefix)


async def link_partners(session: GraphSession, prefix: str, edges: list[tuple[str, str]]) -> None:
    """`PARENT_OF` from each edge's first partner to its second, both named by their key after `prefix` + "-"."""
    await write(session, """
        UNWIND $edges AS edge
        MATCH (a:Partner {id: $p + '-' + edge[0]}), (b:Partner {id: $p + '-' + edge[1]})
        CREATE (a)-[:PARENT_OF]->(b)
        """, p=prefix, edges=[list(edge) for edge in edges])
