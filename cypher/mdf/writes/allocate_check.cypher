// Facts a new fund allocation to partner $partnerId is checked against: the partner (visible, its status), whether
// it has an ACTIVE partnership in program $programId, whether it is strictly below partner $sourcePartnerId (a
// sub-allocation; null: drawn from a budget), and whether the key is taken.
OPTIONAL MATCH (p:Partner {id: $partnerId}) WHERE {{partner_visible(p)}}
RETURN p IS NOT NULL AS partnerFound, p.status AS partnerStatus,
       EXISTS { MATCH (p)-[:HAS]->(:Partnership {status: 'ACTIVE'})-[:IN]->(:Program {id: $programId}) } AS inProgram,
       EXISTS { MATCH (:Partner {id: $sourcePartnerId})-[:PARENT_OF*1..]->(p) } AS below,
       EXISTS { MATCH (:FundAllocation {id: $id}) } AS keyTaken
