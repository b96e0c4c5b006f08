// Visible deal registrations by id, with their partner, account, program and people.
UNWIND $ids AS registrationId
MATCH (dr:DealRegistration {id: registrationId})-[:REGISTERED_BY]->(p:Partner)
WHERE {{deal_visible(dr)}}
MATCH (dr)-[:FOR]->(a:Account), (dr)-[:IN]->(prog:Program), (dr)-[:SUBMITTED_BY]->(by:Person)
OPTIONAL MATCH (dr)-[:OWNED_BY]->(owner:Person)
RETURN dr {.*, partnerId: p.id, accountId: a.id, programId: prog.id, submittedById: by.id,
           ownerId: owner.id} AS registration
