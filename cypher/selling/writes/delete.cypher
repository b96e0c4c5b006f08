// Delete a DRAFT registration locked earlier in this transaction, with its line items and comments.
// Each comment and the registration leave a tombstone (their last fields) in the change log.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner)
WITH dr, [{type: 'DealRegistration', id: dr.id, before: properties(dr), after: null, partnerId: p.id, lineageId: dr.id}]
         + COLLECT { MATCH (c:Comment)-[:ON]->(dr)
                     RETURN {type: 'DealComment', id: c.id, before: properties(c), after: null, partnerId: p.id,
                             lineageId: dr.id} } AS changes
OPTIONAL MATCH (dr)-[:HAS_LINE]->(li:LineItem)
OPTIONAL MATCH (c:Comment)-[:ON]->(dr)
DETACH DELETE li, c
WITH DISTINCT dr, changes
DETACH DELETE dr
RETURN 1 AS deleted, changes
