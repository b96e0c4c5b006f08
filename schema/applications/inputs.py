"""Inputs of the applications domain: a partner application and its answers."""

from __future__ import annotations

import strawberry

from schema.partners.enums import PartnerType


@strawberry.input(description="The answer to one of the program's application questions.")
class ApplicationAnswerInput:
    question: str = strawberry.field(description="The question's key (applicationForm).")
    answer: str = strawberry.field(description="The answer (at most 2,000 characters; line breaks allowed).")


@strawberry.input(description="A prospective partner's application to join a program.")
class PartnerApplicationInput:
    company: str = strawberry.field(description="The company's name (at most 200 characters).")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2 country code of the company.")
    type: PartnerType = strawberry.field(description="The kind of partner the company would be.")
    program: strawberry.ID = strawberry.field(description="Global ID of the APPROVED program applied to.")
    admin_name: str = strawberry.field(description="Name of the person who would be the partner's first admin.")
    admin_email: str = strawberry.field(description="Their work e-mail address.")
    answers: list[ApplicationAnswerInput] = strawberry.field(
        default_factory=list, description="Answers to the program's questions: every required one, no other key.")
