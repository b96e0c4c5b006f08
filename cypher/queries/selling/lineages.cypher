// Analytics: one page of visible deal registrations whose lineage changed at or after $changedSince,
// optionally within a partner's subtree, of a program, of a status; by lineageChangedAt then id
// (the cursor holds epoch milliseconds).
MATCH (dr:DealRegistration)
WHERE ($changedSince IS NULL OR dr.lineageChangedAt >= $changedSince)
  AND ($status IS NULL OR dr.status = $status)
  AND {{deal_visible(dr)}}
  AND ($programId IS NULL OR EXISTS { MATCH (dr)-[:IN]->(:Program {id: $programId}) })
  AND ($subtreeId IS NULL OR EXISTS {
        MATCH (:Partner {id: $subtreeId})-[:PARENT_OF*0..]->(:Partner)<-[:REGISTERED_BY]-(dr) })
WITH dr, {name: dr.lineageChangedAt.epochMillis, id: dr.id} AS sortKey
WHERE {{after_cursor(sortKey)}}
ORDER BY sortKey.name, sortKey.id
LIMIT $limit
MATCH (dr)-[:REGISTERED_BY]->(p:Partner), (dr)-[:FOR]->(a:Account), (dr)-[:IN]->(prog:Program),
      (dr)-[:SUBMITTED_BY]->(by:Person)
OPTIONAL MATCH (dr)-[:OWNED_BY]->(owner:Person)
RETURN dr {.*, partnerId: p.id, accountId: a.id, programId: prog.id, submittedById: by.id,
           ownerId: owner.id} AS registration, sortKey
ORDER BY sortKey.name, sortKey.id
