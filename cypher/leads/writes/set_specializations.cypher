// Replace the products partner $partnerId (in scope) declares it specializes in with $productIds (all exist:
// checked already). Nothing when the partner is out of scope.
MATCH (p:Partner {id: $partnerId}) WHERE {{partner_visible(p)}}
WITH p, COLLECT { MATCH (p)-[:SPECIALIZES_IN]->(prod:Product) RETURN prod.id ORDER BY prod.id } AS before
CALL (p) {
  MATCH (p)-[old:SPECIALIZES_IN]->(:Product)
  DELETE old
}
CALL (p) {
  UNWIND $productIds AS productId
  MATCH (prod:Product {id: productId})
  CREATE (p)-[:SPECIALIZES_IN]->(prod)
}
WITH p, before, COLLECT { MATCH (p)-[:SPECIALIZES_IN]->(prod:Product) RETURN prod.id ORDER BY prod.id } AS after
RETURN p.id AS id,
       [{type: 'Partner', id: p.id, before: {specializations: before}, after: {specializations: after},
         partnerId: p.id}] AS changes
