// The change log's ends: the last seq given (what an export that starts now is consistent with), and the
// highest pruned; 0 and 0 before any change.
OPTIONAL MATCH (s:ChangeSequence {name: 'changes'})
RETURN coalesce(s.last, 0) AS last, coalesce(s.prunedThrough, 0) AS prunedThrough
