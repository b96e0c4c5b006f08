"""Records are read from Cypher maps by one mechanism (graph/shared/records.py): keys by name, values by
the fields' annotations, loud failures on a map that does not fit."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from neo4j.time import Date, DateTime

from graph.cases.records import CaseCommentRecord, CaseRecord
from graph.insights.records import SalesInsightRecord
from graph.partners.records import IdentityRecord, PartnerRecord
from graph.programs.reads import ProgramRepository
from graph.programs.records import ProgramRecord, SegmentAssignmentRecord
from graph.selling.records import DealRegistrationRecord
from graph.shared.records import RecordMapError

AT = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)

PARTNER = {"id": "p-1", "name": "Contoso", "type": "RESELLER", "status": "ACTIVE", "country": "US", "currency": "USD"}

SLA = {"responseDueAt": "2026-06-01T13:30:00Z", "resolutionDueAt": DateTime(2026, 6, 3, 9, 30, 0, tzinfo=UTC),
       "pausedSeconds": 0, "paused": False, "responseBreached": False, "resolutionBreached": False,
       "breached": False, "responseRemainingSeconds": 600, "resolutionRemainingSeconds": None}

CASE = {"id": "case-1", "number": "CASE-000001", "subject": "Licences", "description": None, "category": None,
        "priority": "HIGH", "status": "NEW", "responseMinutes": 240, "resolutionMinutes": 2880,
        "openedAt": "2026-06-01T09:30:00Z", "firstResponseAt": None, "resolvedAt": None, "closedAt": None,
        "updatedAt": None, "partnerId": "p-1", "accountId": None, "openedById": "person-1", "ownerId": None,
        "assigneeId": None, "queue": {"id": "q-1", "name": "Licensing"},
        "about": {"id": "dr-1", "label": "DealRegistration"}, "slaPolicyId": "sla-1", "sla": SLA}


def test_keys_map_by_name_camel_case_or_declared():
    partner = PartnerRecord.from_map(PARTNER)
    assert partner == PartnerRecord("p-1", "Contoso", "RESELLER", "ACTIVE", "US", "USD")
    program = ProgramRecord.from_map({"id": "prog-1", "name": "Resell", "kind": "RESELL", "status": "ACTIVE",
                                      "startDate": "2026-01-01", "endDate": None, "internalOrgId": "org-1"})
    assert program.internal_org_id == "org-1"
    # `start` declares its key: the Cypher map says `from`.
    entry = SegmentAssignmentRecord.from_map({"id": "sa-1", "segmentId": "seg-1", "from": "2026-06-01T09:30:00Z",
                                              "until": None, "reason": None, "assignedBy": "person-1"})
    assert (entry.segment_id, entry.start, entry.assigned_by) == ("seg-1", AT, "person-1")


def test_a_field_with_a_default_may_be_left_out():
    assert PartnerRecord.from_map({k: v for k, v in PARTNER.items() if k != "currency"}).currency is None


def test_keys_a_record_declares_unmapped_are_left_out():
    # `p {.*}` also carries what a partner node stores for writes
    stored = {**PARTNER, "createdAt": "2026-06-01T09:30:00Z", "updatedAt": None, "version": 3}
    assert PartnerRecord.from_map(stored) == PartnerRecord.from_map(PARTNER)


def test_temporals_convert_by_annotation_from_text_and_driver_values():
    comment = CaseCommentRecord.from_map({"id": "cm-1", "body": "hi", "visibility": "PARTNER", "seq": 1,
                                          "authorId": None, "at": DateTime(2026, 6, 1, 9, 30, 0, tzinfo=UTC)})
    assert type(comment.at) is datetime and comment.at == AT
    program = ProgramRecord.from_map({"id": "prog-1", "name": "Resell", "kind": "RESELL", "status": "ACTIVE",
                                      "startDate": Date(2026, 1, 1), "endDate": "2026-12-31"})
    assert (type(program.start_date), program.start_date, program.end_date) == (date, date(2026, 1, 1),
                                                                               date(2026, 12, 31))


def test_nested_records_and_tuples_convert_by_annotation():
    case = CaseRecord.from_map(CASE)
    assert case.sla.response_due_at == datetime(2026, 6, 1, 13, 30, tzinfo=UTC)
    assert type(case.sla.resolution_due_at) is datetime
    assert (case.queue_id, case.about_id, case.about_type) == ("q-1", "dr-1", "DealRegistration")
    assert CaseRecord.from_map({**CASE, "queue": None, "about": None}).queue_id is None

    identity = IdentityRecord.from_map({
        "personId": "person-1", "name": "Carla", "partnerId": "p-1", "partnerRole": "ADMIN", "internalOrgId": None,
        "enterpriseRole": None, "managedPartnerIds": ["p-2", "p-3"], "person": {"id": "person-1", "name": "Carla"},
        "partner": PARTNER, "unit": None})
    assert identity.managed_partner_ids == ("p-2", "p-3")
    assert identity.partner == PartnerRecord.from_map(PARTNER) and identity.person.name == "Carla"
    hash(identity)  # a frozen record of hashable values stays usable as a DataLoader key

    sales = SalesInsightRecord.from_map({"partnerCount": 1, "won": 2, "lost": 0, "byMonth": [
        {"month": Date(2026, 5, 1), "orders": 3, "revenue": 1200, "unconverted": 0}]})
    assert sales.by_month[0].month == date(2026, 5, 1) and type(sales.by_month) is tuple


def test_a_missing_required_key_fails_naming_the_record_and_the_key():
    with pytest.raises(RecordMapError, match=r"PartnerRecord.*required field missing @ \$\.status"):
        PartnerRecord.from_map({k: v for k, v in PARTNER.items() if k != "status"})
    with pytest.raises(RecordMapError, match=r"CaseRecord.*required field missing @ \$\.sla\.paused"):
        CaseRecord.from_map({**CASE, "sla": {k: v for k, v in SLA.items() if k != "paused"}})


def test_an_unknown_key_fails_naming_the_record_and_the_key():
    with pytest.raises(RecordMapError, match=r"PartnerRecord.*extra fields found \(partnerRole\)"):
        PartnerRecord.from_map({**PARTNER, "partnerRole": "ADMIN"})
    with pytest.raises(RecordMapError, match=r"CaseRecord.*extra fields found \(label\) @ \$\.queue"):
        CaseRecord.from_map({**CASE, "queue": {"id": "q-1", "name": "Licensing", "label": "Queue"}})
    with pytest.raises(RecordMapError, match=r"DealRegistrationRecord.*partner_id"):
        # the snake_case name is not the map's key
        DealRegistrationRecord.from_map({"id": "dr-1", "name": "Deal", "status": "DRAFT", "estimatedAmount": 1,
                                         "currency": "USD", "partner_id": "p-1", "accountId": "a-1",
                                         "programId": "prog-1", "submittedById": "person-1"})


async def test_a_temporal_read_from_the_graph_maps_by_annotation(session):
    rows = await session.read_transaction(lambda tx: tx.run(
        "RETURN {id: 'cm-1', body: 'hi', visibility: 'PARTNER', seq: 1, authorId: null,"
        " at: datetime('2026-06-01T09:30:00Z')} AS comment"))
    assert isinstance(rows[0]["comment"]["at"], DateTime)  # what the driver hands over
    comment = CaseCommentRecord.from_map(rows[0]["comment"])
    assert type(comment.at) is datetime and comment.at == AT

    # Stored dates of the demo programs, through the repository that reads them.
    page = await ProgramRepository(session, {"all": True, "enterprise": True}).page(None, 5, None)
    assert page.items and all(type(p.start_date) is date for p in page.items)
