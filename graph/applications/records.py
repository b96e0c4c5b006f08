"""Partner application records: what a prospective partner applied with, its answers, the decision, and the data
it may duplicate; the public form of a program. Nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from graph.programs.records import ApplicationQuestionRecord
from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class ApplicationAnswerRecord(Record):
    key: str
    answer: str


@dataclass(frozen=True, slots=True)
class ApplicationDuplicatesRecord(Record):
    """What an application may duplicate: partners with the same company name (case-insensitive) and country
    (other than the one it became), people with its e-mail (other than the admin it created), and other
    applications with either."""

    partner_ids: tuple[str, ...]
    person_ids: tuple[str, ...]
    application_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartnerApplicationRecord(Record):
    id: str
    status: str
    company: str
    country: str
    type: str
    admin_name: str
    admin_email: str
    program_id: str
    answers: tuple[ApplicationAnswerRecord, ...]
    duplicates: ApplicationDuplicatesRecord
    submitted_at: datetime
    decided_at: datetime | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    partner_id: str | None = None  # the partner an approval created


@dataclass(frozen=True, slots=True)
class ApplicationFormRecord(Record):
    """An APPROVED program as applicants see it: its name and questions."""

    program_id: str
    name: str
    questions: tuple[ApplicationQuestionRecord, ...]


@dataclass(frozen=True, slots=True)
class ApplicationReceiptRecord(Record):
    """What an applicant is told of a submission: the same for every accepted one, whatever the graph held
    already (no existence oracle), but for its id."""

    id: str
    status: str
    submitted_at: datetime
