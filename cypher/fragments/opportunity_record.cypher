// needs: none
// internal: _deal, _partner
// The map of opportunity {var} that graph.selling.records.OpportunityRecord reads, with the ids of its deal
// registration and of the registration's partner.
{var} {.*, {{...opportunity_times({var})}},
       registrationId: head(COLLECT { MATCH (_deal:DealRegistration)-[:CONVERTED_TO]->({var}) RETURN _deal.id }),
       partnerId: head(COLLECT { MATCH (_partner:Partner)<-[:REGISTERED_BY]-(:DealRegistration)-[:CONVERTED_TO]->({var})
                                 RETURN _partner.id })}
