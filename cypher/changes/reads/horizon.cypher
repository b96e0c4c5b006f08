// The change log's ends: the last seq given, and the highest pruned (0 when nothing was).
MATCH (s:ChangeSequence {name: 'changes'})
RETURN s.last AS last, coalesce(s.prunedThrough, 0) AS prunedThrough
