// Set (create or replace) the $locale translation of node $id of $type, locked earlier in this transaction:
// one (:Translation {key: "<type>/<id>/<locale>"}) per node and locale (unique, migration 0014), or, with
// $name null, remove it. The node reports its `translations` (every locale's, ordered) before and after, scoped
// by its program for a segment ($scopeId).
CALL () {
  MATCH (n:Program {id: $id}) WHERE $type = 'Program' RETURN n
  UNION
  MATCH (n:Segment {id: $id}) WHERE $type = 'Segment' RETURN n
  UNION
  MATCH (n:Product {id: $id}) WHERE $type = 'Product' RETURN n
  UNION
  MATCH (n:CaseCategory {id: $id}) WHERE $type = 'CaseCategory' RETURN n
}
WITH n, COLLECT { MATCH (n)-[:TRANSLATED_AS]->(t:Translation)
                  RETURN t {.locale, .name, .description} ORDER BY t.locale } AS before
CALL (n) {
  WITH n WHERE $name IS NOT NULL
  MERGE (t:Translation {key: $type + '/' + $id + '/' + $locale})
    ON CREATE SET t.locale = $locale
  MERGE (n)-[:TRANSLATED_AS]->(t)
  SET t.name = $name, t.description = $description, t.updatedAt = $now
}
CALL (n) {
  WITH n WHERE $name IS NULL
  OPTIONAL MATCH (n)-[:TRANSLATED_AS]->(t:Translation {locale: $locale})
  DETACH DELETE t
}
WITH n, before, COLLECT { MATCH (n)-[:TRANSLATED_AS]->(t:Translation)
                          RETURN t {.locale, .name, .description} ORDER BY t.locale } AS after
RETURN after AS translations,
       [{type: $type, id: n.id, before: {translations: before}, after: {translations: after},
         scopeId: $scopeId}] AS changes
