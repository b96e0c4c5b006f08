"""The change log's capture: what a write statement reports about each entity it touched, turned into the
change records its transaction appends before it commits (docs/CHANGES.md).

A write statement reports each entity it touched as a map in its `changes` column:
`{type, id, before, after, partnerId?, lineageId?, scopeId?}`, where `before` and `after` are the entity's
properties (plus the relationship fields its type declares, e.g. a registration's `owner`) before and after
the write, null when it did not exist. `CountingTransaction` collects them; `records` diffs them here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import orjson


@dataclass(frozen=True)
class Actor:
    """Who writes, and the request's "now": every change record of the request carries both."""

    person_id: str | None
    persona: str
    at: datetime


SYSTEM = "system"  # the persona of writes no person made (expiry)


@dataclass(frozen=True)
class Relationship:
    name: str
    other_type: str


@dataclass(frozen=True)
class EntitySpec:
    """How one entity type is logged: whose visibility decides who reads its records (`scope`), its lifecycle
    field, the fields only enterprise staff may read, its relationship fields, and whether every record of it
    is enterprise-only (`enterprise_only`: always, or when `internal_field` reads INTERNAL)."""

    scope: str
    state: str | None = None
    enterprise_fields: frozenset[str] = frozenset()
    relationships: dict[str, Relationship] = field(default_factory=dict)
    enterprise_only: bool = False
    internal_field: str | None = None
    lock: str = "version"  # the property a write lock bumps (a quote's `version` is its number)


# The entity types of the change log, by GraphQL type name. A write reporting another type is a bug.
ENTITIES: dict[str, EntitySpec] = {
    "Partner": EntitySpec("partner", "status", relationships={
        "parent": Relationship("PARENT_OF", "Partner"),
        "relationshipManagers": Relationship("MANAGES", "Person")}),
    "Account": EntitySpec("account", relationships={"partners": Relationship("SERVES", "Partner")}),
    "Person": EntitySpec("partner", relationships={"memberOf": Relationship("MEMBER_OF", "Partner")}),
    "DealRegistration": EntitySpec("deal", "status", frozenset({"decisionReason"}),
                                   {"owner": Relationship("OWNED_BY", "Person"),
                                    "conflicts": Relationship("CONFLICTS_WITH", "DealRegistration"),
                                    "fundRequest": Relationship("INFLUENCED_BY", "FundRequest")}),
    "Opportunity": EntitySpec("deal", "stage"),
    "Quote": EntitySpec("deal", "status", lock="lock"),
    "Order": EntitySpec("deal", "status"),
    "DealComment": EntitySpec("deal", internal_field="visibility"),
    "Case": EntitySpec("case", "status", frozenset({"slaPolicy"}),
                       {"assignee": Relationship("ASSIGNED_TO", "Person"), "queue": Relationship("IN_QUEUE", "Queue")}),
    "CaseComment": EntitySpec("case", internal_field="visibility"),
    "SlaPolicy": EntitySpec("enterprise", relationships={"segments": Relationship("HAS_SLA", "Segment")},
                            enterprise_only=True),
    "Program": EntitySpec("program", "status"),
    "Segment": EntitySpec("program"),
    "Criterion": EntitySpec("program"),
    "Partnership": EntitySpec("partner", "status", relationships={"segment": Relationship("AT", "Segment")}),
    # A lead's records are read by whoever sees the lead now and saw its partner then (change_visible): the partner
    # holding it (`partner`) and why it could not be routed are the enterprise's.
    "Lead": EntitySpec("lead", "status", frozenset({"partner", "unroutedReason"}),
                       {"assignee": Relationship("ASSIGNED_TO", "Person")}),
    "LeadRoutingRule": EntitySpec("enterprise", enterprise_only=True),
    # Webhooks are read by their own rule (webhook_visible); their records never list the secret or its ciphertext.
    "Webhook": EntitySpec("webhook", "status"),
    "WebhookDelivery": EntitySpec("webhook", "status"),  # a replay (the worker's own progress is not logged)
    # Read by the application's rule (change_visible): its reviewers, and once approved whoever sees the partner it
    # became, so the application's whole story is in the new partner's history (docs/APPLICATIONS.md).
    "PartnerApplication": EntitySpec("application", "status", frozenset({"decisionReason"}), {
        "program": Relationship("TO", "Program"), "partner": Relationship("BECAME", "Partner")}),
    # Market development funds (docs/MDF.md): each read by its own rule (change_visible); a claim's records are its
    # fund request's (scopeId), so whoever sees the request reads its claims' history.
    "MdfBudget": EntitySpec("budget", relationships={"program": Relationship("HAS_BUDGET", "Program")}),
    "FundAllocation": EntitySpec("allocation", relationships={"partner": Relationship("ALLOCATED_TO", "Partner")}),
    "FundRequest": EntitySpec("fund", "status", relationships={
        "allocation": Relationship("DRAWS_ON", "FundAllocation")}),
    "FundClaim": EntitySpec("fund", "status", relationships={"request": Relationship("CLAIMS", "FundRequest")}),
    # Languages (docs/LANGUAGES.md): translations are logged as their node's `translations` (a program's and a
    # segment's by the program's rule, the others' for enterprise staff); the enterprise's language setting.
    "Product": EntitySpec("enterprise"),
    "CaseCategory": EntitySpec("enterprise"),
    "Enterprise": EntitySpec("enterprise", enterprise_only=True),
}

# What a change record's `operation` may be.
OPERATIONS = ("CREATED", "UPDATED", "STATE_CHANGED", "RELATED", "UNRELATED", "DELETED")

# Bookkeeping, not news: the record's `at` says when (and each type's lock property is left out too).
IGNORED = frozenset({"id", "updatedAt", "lineageChangedAt"})


class ChangeNotRecorded(RuntimeError):
    """A transaction changed the graph and reported no entity it touched: it must not commit."""


def _plain(value: Any) -> Any:
    """A property value as JSON: temporal values as ISO 8601 text."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


def _fields(before: dict[str, Any], after: dict[str, Any], lock: str) -> list[dict[str, Any]]:
    names = sorted((before.keys() | after.keys()) - IGNORED - {lock})
    return [{"field": n, "old": _plain(before.get(n)), "new": _plain(after.get(n))}
            for n in names if before.get(n) != after.get(n)]


def _scope_id(spec: EntitySpec, reported: dict[str, Any]) -> str | None:
    if reported.get("scopeId"):
        return reported["scopeId"]
    if spec.scope == "deal":
        return reported["lineageId"]
    if spec.scope == "partner":
        return reported.get("partnerId") or reported["id"]
    return None if spec.scope == "enterprise" else reported["id"]


def _relationship(relationship: Relationship, old: Any, new: Any) -> dict[str, Any]:
    """RELATED to the new other end (the first one added, for a list field), or UNRELATED from the old one."""
    if isinstance(old, list) or isinstance(new, list):
        added = [v for v in new or () if v not in (old or ())]
        removed = [v for v in old or () if v not in (new or ())]
        new, old = (added[0] if added else None), (removed[0] if removed else None)
    return {"operation": "RELATED" if new is not None else "UNRELATED", "relationship": relationship.name,
            "otherType": relationship.other_type, "otherId": new if new is not None else old}


def _json(fields: list[dict[str, Any]]) -> str | None:
    return orjson.dumps(fields).decode() if fields else None


def record(reported: dict[str, Any], actor: Actor) -> dict[str, Any] | None:
    """The change record of one reported entity (the properties of its Change node but `seq`), or None when
    the write left it as it was."""
    spec = ENTITIES[reported["type"]]
    before, after = reported.get("before"), reported.get("after")
    changed = _fields(before or {}, after or {}, spec.lock)
    out: dict[str, Any] = {}
    if before is None:
        out["operation"] = "CREATED"
    elif after is None:
        out["operation"] = "DELETED"
    elif not changed:
        return None
    elif spec.state and before.get(spec.state) != after.get(spec.state):
        out.update(operation="STATE_CHANGED", fromState=before.get(spec.state), toState=after.get(spec.state))
    else:
        moved = [c for c in changed if c["field"] in spec.relationships]
        if moved:
            out.update(_relationship(spec.relationships[moved[0]["field"]], moved[0]["old"], moved[0]["new"]))
        else:
            out["operation"] = "UPDATED"
    internal = spec.internal_field and (after or before or {}).get(spec.internal_field) == "INTERNAL"
    return {
        **out,
        # The lifecycle value the change left the entity in (a deletion: the one it was deleted in), so a
        # subscriber to some statuses can tell whether a change concerns it without reading history.
        "state": (after if after is not None else before).get(spec.state) if spec.state else None,
        "at": actor.at, "actorId": actor.person_id, "actorPersona": actor.persona,
        "entityType": reported["type"], "entityId": reported["id"],
        "fields": _json([c for c in changed if c["field"] not in spec.enterprise_fields]),
        "enterpriseFields": _json([c for c in changed if c["field"] in spec.enterprise_fields]),
        "enterpriseOnly": bool(spec.enterprise_only or internal),
        "scope": spec.scope, "scopeId": _scope_id(spec, reported),
        "partnerId": reported.get("partnerId"), "lineageId": reported.get("lineageId"),
    }


@dataclass
class ChangeCapture:
    """What one attempt of a write transaction changed: whether any statement wrote, and what they reported."""

    actor: Actor
    wrote: bool = False
    reported: list[dict[str, Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """The records to append, one per entity; raises ChangeNotRecorded for a write that reported nothing."""
        if self.wrote and not self.reported:
            raise ChangeNotRecorded("a write transaction changed the graph without reporting what it touched")
        return [r for r in (record(m, self.actor) for m in _merged(self.reported)) if r is not None]


def _merged(reported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One report per entity, in the order first reported: several statements of a transaction may touch the
    same entity (a submission sets the status, then records conflicts). Each field's first `before` and last
    `after` count; an entity created (or deleted) by one of them stays created (or deleted)."""
    by_entity: dict[tuple[str, str], dict[str, Any]] = {}
    for report in reported:
        key = (report["type"], report["id"])
        seen = by_entity.get(key)
        if seen is None:
            by_entity[key] = dict(report)
            continue
        if seen["before"] is not None and report["before"] is not None:
            seen["before"] = {**report["before"], **seen["before"]}
        seen["after"] = None if report["after"] is None else {**(seen["after"] or {}), **report["after"]}
        for anchor in ("partnerId", "lineageId", "scopeId"):
            seen[anchor] = seen.get(anchor) or report.get(anchor)
    return list(by_entity.values())
