// Partnerships by id; a partnership is visible when its partner is. `name` ("<partner> in <program>")
// is the keyset sort key of partnership listings.
UNWIND $ids AS partnershipId
MATCH (p:Partner)-[:HAS]->(ps:Partnership {id: partnershipId})-[:IN]->(prog:Program)
WHERE {{partner_visible(p)}}
OPTIONAL MATCH (ps)-[:AT]->(s:Segment)
RETURN ps {.id, .status, .createdAt, .onboardedAt, .offboardedAt, name: p.name + ' in ' + prog.name,
           partnerId: p.id, programId: prog.id, segmentId: s.id} AS partnership
