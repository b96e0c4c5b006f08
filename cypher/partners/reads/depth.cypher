// Depth in the channel hierarchy: 0 for a root partner.
UNWIND $ids AS partnerId
MATCH (p:Partner {id: partnerId})
RETURN partnerId, COUNT { (:Partner)-[:PARENT_OF*1..]->(p) } AS depth
