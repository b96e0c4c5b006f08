// Append a write transaction's change records (graph/shared/changes.py), numbered after the last. Reading
// s.last in its own SET takes the sequence's write lock first, and the lock is held until commit: commits
// are serialized here, so seq order is commit order, without gaps (a rollback gives its numbers back). `last`
// is the transaction's highest seq: once it commits, the change signal (graph/shared/change_signal.py) hears of it.
MATCH (s:ChangeSequence {name: 'changes'})
SET s.last = s.last + size($records)
WITH s.last - size($records) AS base
UNWIND range(0, size($records) - 1) AS i
CREATE (c:Change)
SET c = $records[i], c.seq = base + i + 1
RETURN max(c.seq) AS last
