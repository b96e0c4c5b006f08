// The routing history of visible leads, oldest offer first: each offer only when the viewer may see the partner
// it was made to (a partner never learns whom else a lead was offered to), and the partner that handed it down.
UNWIND $ids AS id
MATCH (l:Lead {id: id}) WHERE {{lead_visible(l)}}
RETURN l.id AS leadId, COLLECT {
  MATCH (l)-[:OFFERED]->(o:LeadOffer)-[:TO]->(p:Partner) WHERE {{partner_visible(p)}}
  RETURN o {.*, at: toString(o.at), acceptBy: toString(o.acceptBy), closedAt: toString(o.closedAt),
            partnerId: p.id,
            handedOffById: head(COLLECT { MATCH (o)-[:FROM]->(f:Partner) RETURN f.id })}
  ORDER BY o.seq } AS offers
