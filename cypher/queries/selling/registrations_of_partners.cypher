// One page of each partner's visible deal registrations (optionally of one status), by name then id.
UNWIND $parentIds AS parentId
MATCH (dr:DealRegistration)-[:REGISTERED_BY]->(p:Partner {id: parentId})
WHERE {{deal_visible(dr)}} AND ($status IS NULL OR dr.status = $status) AND {{after_cursor(dr)}}
MATCH (dr)-[:FOR]->(a:Account), (dr)-[:IN]->(prog:Program), (dr)-[:SUBMITTED_BY]->(by:Person)
OPTIONAL MATCH (dr)-[:OWNED_BY]->(owner:Person)
WITH parentId, dr {.*, partnerId: p.id, accountId: a.id, programId: prog.id, submittedById: by.id,
                   ownerId: owner.id} AS registration
ORDER BY registration.name, registration.id
WITH parentId, collect(registration)[..$limit] AS page
RETURN parentId, page
