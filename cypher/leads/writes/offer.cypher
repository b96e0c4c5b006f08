// Offer lead $id to partner $partnerId (chosen and checked already; the routing lock is held): the next offer
// number, the deadline, the rule that chose it (or the partner that handed it down, $fromId), and the lead
// ROUTED to the partner.
MATCH (l:Lead {id: $id}), (p:Partner {id: $partnerId}), (n:LeadRouting {id: 'leads'})
WITH l, p, n, {{lead_logged(l)}} AS before
SET n.offers = n.offers + 1
CREATE (l)-[:OFFERED]->(o:LeadOffer {id: $offerId, seq: n.offers, at: $now, acceptBy: $acceptBy,
                                     outcome: 'PENDING', ruleId: $ruleId})-[:TO]->(p)
CREATE (l)-[:ROUTED_TO]->(p)
SET l.status = 'ROUTED', l.routedAt = $now, l.acceptBy = $acceptBy, l.acceptHours = $acceptHours,
    l.unroutedReason = null, l.updatedAt = $now
WITH l, p, o, before
CALL (o) {
  MATCH (from:Partner {id: $fromId})
  CREATE (o)-[:FROM]->(from)
}
RETURN o.seq AS seq,
       [{type: 'Lead', id: l.id, before: before, after: {{lead_logged(l)}}, partnerId: p.id}] AS changes
