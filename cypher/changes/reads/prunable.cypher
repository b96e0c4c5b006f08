// How many records `changes prune --before` would consider: those made before $before (the progress bar's
// total; the prune stops earlier at a later record with a lower seq, so this is an upper bound).
MATCH (c:Change) WHERE c.at < $before
RETURN count(c) AS records
