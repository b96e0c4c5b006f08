// The sequence number an export is consistent with: the highest change seq given so far (0 before any).
OPTIONAL MATCH (s:ChangeSequence {name: 'changes'})
RETURN coalesce(s.last, 0) AS last
