"""The root Mutation type: the setup steps of every domain, composed."""

from __future__ import annotations

import strawberry

from schema.applications.mutations import ApplicationMutations
from schema.cases.mutations import CaseMutations
from schema.insights.mutations import InsightsMutations
from schema.languages.mutations import LanguageMutations
from schema.leads.mutations import LeadMutations
from schema.mdf.mutations import MdfMutations
from schema.partners.mutations import AccountMutations, PartnerSetupMutations
from schema.programs.mutations import PartnershipMutations, ProgramSetupMutations
from schema.selling.mutations import SellingMutations
from schema.webhooks.mutations import WebhookMutations


@strawberry.type(description="Writes. Each returns a payload with the result or typed errors; a refused write changes "
                             "nothing.")
class Mutation(PartnerSetupMutations, AccountMutations, ProgramSetupMutations, PartnershipMutations,
               SellingMutations, LeadMutations, CaseMutations, InsightsMutations, WebhookMutations,
               ApplicationMutations, MdfMutations, LanguageMutations):
    pass
