// Line items of visible registrations or quotes ($ids name either), by product name then id.
UNWIND $ids AS ownerId
CALL (ownerId) {
  MATCH (dr:DealRegistration {id: ownerId})
  WHERE {{deal_visible(dr)}}
  RETURN dr AS owner
  UNION
  MATCH (dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(q:Quote {id: ownerId})
  WHERE {{deal_visible(dr)}}
  RETURN q AS owner
}
MATCH (owner)-[:HAS_LINE]->(li:LineItem)-[:OF]->(prod:Product)
WITH ownerId, li, prod ORDER BY prod.name, li.id
RETURN ownerId, collect(li {.id, .quantity, .unitPrice, productId: prod.id}) AS lines
