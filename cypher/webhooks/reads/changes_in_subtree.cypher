// The next change records for a webhook of a partner subtree, as its registrant ($scope) may see them: of the (at
// most $scan) records after its cursor of the partners in the subtree ($subtreeId and its descendants, seeking on
// (partnerId, seq)), in seq order, those of its event types the registrant may see, and the last seq scanned
// (see changes_everywhere.cypher: only a seq seen moves the cursor).
CALL () {
  MATCH (:Partner {id: $subtreeId})-[:PARENT_OF*0..]->(p:Partner)
  MATCH (c:Change)
  WHERE c.partnerId = p.id AND c.seq > $after
  WITH c ORDER BY c.seq
  LIMIT $scan
  RETURN collect(c) AS scanned
}
RETURN last(scanned).seq AS scannedThrough,
       [c IN scanned WHERE (c.entityType IN $types OR c.entityType + '.' + c.operation IN $types)
                           AND {{change_visible(c)}} | {{change_record(c)}}][..$limit] AS changes
