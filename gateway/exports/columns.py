"""The column layouts of the bulk exports: the one definition of each export's columns, their order and types,
that every format writes (NDJSON keys, the CSV header, the Parquet schema). The batch Cypher returns one map per
row with exactly these keys (cypher/fragments/lineage_export_row.cypher, cypher/changes/reads/export.cypher)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """A column's type. In NDJSON and CSV timestamps are ISO 8601 UTC text, lists are JSON arrays (CSV: joined
    with '/'), JSON columns are text in every format; Parquet's type is the value."""

    STRING = "string"
    INT = "int64"
    BOOL = "bool"
    TIMESTAMP = "timestamp[us, UTC]"  # travels from Cypher as epoch microseconds
    DATE = "date32"  # travels as ISO text
    STRINGS = "list<string>"
    JSON = "string (JSON text)"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind


@dataclass(frozen=True)
class Layout:
    """One export: its name (the URL path and the CLI command), the keyset column its batches advance on,
    and its columns."""

    name: str
    key: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def of_kind(self, *kinds: Kind) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.kind in kinds)


def _columns(*pairs: tuple[str, Kind]) -> tuple[Column, ...]:
    return tuple(Column(name, kind) for name, kind in pairs)


TEXT, INT, BOOL, TIME, DATE, LIST, JSON = (Kind.STRING, Kind.INT, Kind.BOOL, Kind.TIMESTAMP, Kind.DATE, Kind.STRINGS,
                                            Kind.JSON)

# One row per deal lineage: the registration, its partner with the path to the root, account, program, the
# opportunity, the accepted quote and its order; amounts in minor units with their currency and again in the
# reporting currency (null without a rate). A tombstone (a registration deleted since `since`) has only
# registrationId, deleted = true and partnerId.
LINEAGES = Layout("lineages", "registrationId", _columns(
    ("registrationId", TEXT), ("deleted", BOOL), ("registrationName", TEXT), ("registrationStatus", TEXT),
    ("registrationClosureCode", TEXT), ("registrationCreatedAt", TIME), ("registrationSubmittedAt", TIME),
    ("registrationDecidedAt", TIME), ("registrationProtectedUntil", TIME), ("registrationClosedAt", TIME),
    ("registrationExpectedCloseDate", DATE), ("lineageChangedAt", TIME), ("estimatedAmount", INT),
    ("estimatedCurrency", TEXT), ("programId", TEXT),
    ("partnerId", TEXT), ("partnerName", TEXT), ("partnerType", TEXT), ("partnerPath", LIST),
    ("rootPartnerId", TEXT),
    ("accountId", TEXT), ("accountName", TEXT),
    ("opportunityId", TEXT), ("opportunityStage", TEXT), ("opportunityAmount", INT),
    ("opportunityCurrency", TEXT), ("opportunityCreatedAt", TIME), ("opportunityClosedAt", TIME),
    ("quoteCount", INT),
    ("acceptedQuoteId", TEXT), ("acceptedQuoteVersion", INT), ("acceptedQuoteTotal", INT),
    ("acceptedQuoteCurrency", TEXT),
    ("orderId", TEXT), ("orderStatus", TEXT), ("orderTotal", INT), ("orderCurrency", TEXT), ("orderPlacedAt", TIME),
    ("reportingCurrency", TEXT), ("estimatedAmountReporting", INT), ("opportunityAmountReporting", INT),
    ("acceptedQuoteTotalReporting", INT), ("orderTotalReporting", INT),
))

# One row per change record (docs/CHANGES.md, "The change record"); enterpriseFields is null for viewers
# outside the enterprise.
CHANGES = Layout("changes", "seq", _columns(
    ("seq", INT), ("at", TIME), ("actorId", TEXT), ("actorPersona", TEXT),
    ("entityType", TEXT), ("entityId", TEXT), ("operation", TEXT), ("fromState", TEXT), ("toState", TEXT),
    ("relationship", TEXT), ("otherType", TEXT), ("otherId", TEXT),
    ("fields", JSON), ("enterpriseFields", JSON), ("partnerId", TEXT), ("lineageId", TEXT),
))

LAYOUTS = {layout.name: layout for layout in (LINEAGES, CHANGES)}
