// Delete a DRAFT registration locked earlier in this transaction, with its line items and comments.
MATCH (dr:DealRegistration {id: $id})
OPTIONAL MATCH (dr)-[:HAS_LINE]->(li:LineItem)
OPTIONAL MATCH (c:Comment)-[:ON]->(dr)
DETACH DELETE li, c
WITH DISTINCT dr
DETACH DELETE dr
RETURN 1 AS deleted
