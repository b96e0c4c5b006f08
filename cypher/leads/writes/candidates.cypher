// The partners routing rule $ruleId names for a lead in $country interested in product $productId, each with what
// the routing order needs (graph/leads/writes.Router orders and filters them): its segment rank (rank 1 is the top;
// with the rule's program, the partnership's there; without, the best of its ACTIVE partnerships; null: none), its
// open leads (ROUTED or ACCEPTED), and the number of the latest offer made to it (-1: never). A rule names the
// ACTIVE partners in the lead's country, of its partner types, with an ACTIVE partnership in its program at one of
// its segments (when it sets them), specializing in the lead's product (when it requires it).
MATCH (r:LeadRoutingRule {id: $ruleId})
MATCH (p:Partner {country: $country, status: 'ACTIVE'})
WHERE (size(r.partnerTypes) = 0 OR p.type IN r.partnerTypes)
  AND (NOT r.requireSpecialization OR EXISTS { MATCH (p)-[:SPECIALIZES_IN]->(:Product {id: $productId}) })
WITH r, p, COLLECT {
  MATCH (p)-[:HAS]->(ps:Partnership {status: 'ACTIVE'})-[:IN]->(prog:Program), (ps)-[:AT]->(seg:Segment)
  WHERE (r.programId IS NULL OR prog.id = r.programId) AND (size(r.segmentIds) = 0 OR seg.id IN r.segmentIds)
  RETURN seg.rank AS rank ORDER BY rank LIMIT 1 } AS ranks
WHERE (r.programId IS NULL AND size(r.segmentIds) = 0) OR size(ranks) > 0
RETURN p.id AS partnerId, ranks[0] AS rank,
       COUNT { MATCH (p)<-[:ROUTED_TO]-(open:Lead) WHERE {{lead_open(open)}} } AS open,
       coalesce(head(COLLECT { MATCH (p)<-[:TO]-(o:LeadOffer) RETURN o.seq AS seq ORDER BY seq DESC LIMIT 1 }),
                -1) AS lastOffer
