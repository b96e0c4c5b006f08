"""Enums of the partners domain: partner type and status, partner roles, personas, the partner order."""

from __future__ import annotations

from enum import Enum

import strawberry

from auth.personas import Persona as PersonaValue


@strawberry.enum(description="The kind of channel partner (External Business Organization).")
class PartnerType(Enum):
    RESELLER = "RESELLER"
    DISTRIBUTOR = "DISTRIBUTOR"
    SYSTEM_INTEGRATOR = "SYSTEM_INTEGRATOR"
    SERVICE_PROVIDER = "SERVICE_PROVIDER"
    REFERRAL = "REFERRAL"
    OEM = "OEM"
    FRANCHISE = "FRANCHISE"


@strawberry.enum(description="Where a channel partner stands with the enterprise.")
class PartnerStatus(Enum):
    PROSPECT = "PROSPECT"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    TERMINATED = "TERMINATED"


@strawberry.enum(description="What a partner listing is ordered by (ties by id).")
class PartnerOrderField(Enum):
    NAME = "NAME"
    COUNTRY = "COUNTRY"
    STATUS = "STATUS"
    CREATED_AT = "CREATED_AT"


@strawberry.enum(description="Ascending or descending.")
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.enum(description="A partner staff member's role in their organization.")
class PartnerRole(Enum):
    ADMIN = "ADMIN"
    MANAGER = "MANAGER"
    ASSOCIATE = "ASSOCIATE"


PersonaEnum = strawberry.enum(
    PersonaValue,
    name="Persona",
    description="The viewer's persona, which decides what they see and may change.",
)
