"""The root Mutation type: the setup steps of every domain, composed."""

from __future__ import annotations

import strawberry

from schema.accounts import AccountMutations
from schema.case_mutations import CaseMutations
from schema.insights_mutations import InsightsMutations
from schema.partner_setup import PartnerSetupMutations
from schema.partnership_setup import PartnershipMutations
from schema.program_setup import ProgramSetupMutations
from schema.selling_mutations import SellingMutations


@strawberry.type(description="Writes. Each returns a payload with the result or typed errors; a refused write changes nothing.")
class Mutation(PartnerSetupMutations, AccountMutations, ProgramSetupMutations, PartnershipMutations,
               SellingMutations, CaseMutations, InsightsMutations):
    pass
