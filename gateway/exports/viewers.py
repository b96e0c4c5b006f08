"""Whose view a CLI export takes. The CLI holds the database credentials, so by default it exports as the
enterprise (every partner, enterprise-only fields included); `--as PERSON_ID` takes that person's view, read from
the graph as a request's viewer is."""

from __future__ import annotations

from typing import Any

from auth.personas import Persona
from auth.viewer import UnknownViewer, Viewer
from gateway.exports.exporter import ExportRefused
from graph.partners import reads as partners_reads
from graph.shared.client import GraphSession

# The enterprise admin's scope, with no person of the graph behind it.
ENTERPRISE = Viewer(person_id="", name="bulk export", persona=Persona.ENTERPRISE_ADMIN, organization_id="")


async def scope_of(session: GraphSession, person_id: str | None) -> dict[str, Any]:
    if person_id is None:
        return ENTERPRISE.scope
    identity = await partners_reads.identity(session, person_id)
    if identity is None:
        raise ExportRefused(f"no person {person_id!r} in the graph")
    try:
        return Viewer.from_roles(**identity.roles()).scope
    except UnknownViewer as exc:
        raise ExportRefused(f"person {person_id!r} has no role") from exc
