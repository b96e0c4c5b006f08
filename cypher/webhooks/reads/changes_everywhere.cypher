// The next change records for a webhook without a subtree, as its registrant ($scope) may see them: of the
// (at most $scan) records after its cursor in seq order, those of its event types (`Type` or `Type.OPERATION`)
// the registrant may see, and the last seq scanned. The cursor may move to a seq only once a record with it was
// seen: commits are in seq order, so every record below it is committed (`ChangeSequence.last` may already be
// ahead of what the index shows).
CALL () {
  MATCH (c:Change)
  WHERE c.seq > $after
  WITH c ORDER BY c.seq
  LIMIT $scan
  RETURN collect(c) AS scanned
}
RETURN last(scanned).seq AS scannedThrough,
       [c IN scanned WHERE (c.entityType IN $types OR c.entityType + '.' + c.operation IN $types)
                           AND {{change_visible(c)}} | {{change_record(c)}}][..$limit] AS changes
