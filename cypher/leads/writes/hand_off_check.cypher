// May lead $id be handed from partner $fromId down to partner $toId: is the target a partner strictly below it,
// ACTIVE, and never offered this lead?
OPTIONAL MATCH (to:Partner {id: $toId})
RETURN to IS NOT NULL AS found,
       EXISTS { MATCH (:Partner {id: $fromId})-[:PARENT_OF*1..]->(to) } AS below,
       to.status AS status,
       EXISTS { MATCH (:Lead {id: $id})-[:OFFERED]->(:LeadOffer)-[:TO]->(to) } AS offered
