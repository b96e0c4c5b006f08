// needs: $scope
// internal: _dealPartner
// Is deal registration {var} (and so every opportunity, quote and order of its lineage) visible?
// Its registering partner must be in scope, and the record itself visible to the persona
// (deal_record_visible). Queries that start from the registering partner check partner_visible on it
// once and deal_record_visible per registration instead: the same rule, without a hierarchy walk per row.
{{deal_record_visible({var})}}
AND EXISTS { MATCH ({var})-[:REGISTERED_BY]->(_dealPartner:Partner) WHERE {{partner_visible(_dealPartner)}} }
