// The active routing rules that match lead $id, by priority, each with how many partners it names for the lead
// (`matched`) and the best of those still eligible (`best`: never offered this lead, under the rule's capacity of
// open leads, ROUTED or ACCEPTED), in the routing order: highest segment first (rank 1 is the top), then fewest
// open leads, then the partner offered a lead longest ago (round-robin by offer number; never offered first),
// then id. A rule names the ACTIVE partners in the lead's country, of its partner types, with an ACTIVE
// partnership in its program at one of its segments (when it sets them), specializing in the lead's product
// (when it requires it). The caller routes by the first rule with a `best`.
MATCH (l:Lead {id: $id})
OPTIONAL MATCH (l)-[:INTERESTED_IN]->(prod:Product)
MATCH (r:LeadRoutingRule {active: true})
WHERE size(r.countries) = 0 OR l.country IN r.countries
CALL (l, prod, r) {
  MATCH (p:Partner {country: l.country, status: 'ACTIVE'})
  WHERE (size(r.partnerTypes) = 0 OR p.type IN r.partnerTypes)
    AND (NOT r.requireSpecialization OR (prod IS NOT NULL AND EXISTS { MATCH (p)-[:SPECIALIZES_IN]->(prod) }))
  WITH l, r, p, COLLECT {
    MATCH (p)-[:HAS]->(ps:Partnership {status: 'ACTIVE'})-[:IN]->(prog:Program), (ps)-[:AT]->(seg:Segment)
    WHERE (r.programId IS NULL OR prog.id = r.programId) AND (size(r.segmentIds) = 0 OR seg.id IN r.segmentIds)
    RETURN seg.rank AS rank ORDER BY rank LIMIT 1 } AS ranks
  WHERE (r.programId IS NULL AND size(r.segmentIds) = 0) OR size(ranks) > 0
  WITH l, r, p, ranks[0] AS rank,
       COUNT { MATCH (p)<-[:ROUTED_TO]-(open:Lead) WHERE open.status IN ['ROUTED', 'ACCEPTED'] } AS openLeads,
       EXISTS { MATCH (l)-[:OFFERED]->(:LeadOffer)-[:TO]->(p) } AS offered,
       coalesce(head(COLLECT { MATCH (p)<-[:TO]-(o:LeadOffer) RETURN o.seq AS seq ORDER BY seq DESC LIMIT 1 }),
                -1) AS lastOffer
  ORDER BY coalesce(rank, 2147483647), openLeads, lastOffer, p.id
  RETURN count(p) AS matched,
         head(collect(CASE WHEN NOT offered AND (r.capacity IS NULL OR openLeads < r.capacity)
                           THEN p.id END)) AS best
}
RETURN r.id AS ruleId, r.acceptHours AS acceptHours, matched, best
ORDER BY r.priority, r.id
