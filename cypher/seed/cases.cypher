// Cases as openCase writes them, with their state's SLA clock. Numbers come from the case counter (this
// batch takes the next size($rows) numbers), so cases opened later through the API never clash. The
// policy is chosen as open_check does (the fastest of the partner's non-terminated segments for the
// priority, else the default) and its minutes are copied onto the case.
MATCH (numbering:CaseNumbering {id: 'cases'})
WITH numbering, numbering.last AS base
SET numbering.last = base + size($rows)
WITH base
UNWIND range(0, size($rows) - 1) AS i
WITH $rows[i] AS row, base + i + 1 AS n
MATCH (p:Partner {id: row.partnerId}), (opener:Person {id: row.openedBy})
WITH row, n, p, opener, coalesce(
  head(COLLECT { MATCH (p)-[:HAS]->(ps:Partnership)-[:AT]->(s:Segment)-[:HAS_SLA]->(pol:SlaPolicy)
                 WHERE ps.status <> 'TERMINATED' AND pol.priority = row.priority
                 RETURN pol ORDER BY pol.resolutionMinutes, pol.responseMinutes, s.rank, pol.id }),
  head(COLLECT { MATCH (pol:SlaPolicy {isDefault: true, priority: row.priority}) RETURN pol ORDER BY pol.id })) AS pol
CREATE (c:Case {id: row.id, number: 'CASE-' + right('000000' + toString(n), 6), subject: row.subject,
                description: row.subject + ' (generated).', category: row.category, priority: row.priority,
                status: row.status, openedAt: datetime(row.openedAt), firstResponseAt: datetime(row.firstResponseAt),
                resolvedAt: datetime(row.resolvedAt), closedAt: datetime(row.closedAt),
                pausedSince: datetime(row.pausedSince), pausedSeconds: row.pausedSeconds,
                updatedAt: datetime(row.updatedAt), responseMinutes: pol.responseMinutes,
                resolutionMinutes: pol.resolutionMinutes, commentCount: 0, version: 0})
CREATE (c)-[:FOR_PARTNER]->(p), (c)-[:OPENED_BY]->(opener), (c)-[:UNDER_SLA]->(pol)
WITH c, row, p
CALL (c, row, p) {
  WITH c, row, p WHERE row.accountPick IS NOT NULL
  WITH c, row, COLLECT { MATCH (p)-[:SERVES]->(a:Account) RETURN a ORDER BY a.id } AS served
  WHERE size(served) > 0
  WITH c, served[row.accountPick % size(served)] AS a
  CREATE (c)-[:FOR_ACCOUNT]->(a)
}
CALL (c, row) {
  MATCH (owner:Person {id: row.ownerId}) CREATE (c)-[:OWNED_BY]->(owner)
}
CALL (c, row) {
  MATCH (agent:Person {id: row.assigned}) CREATE (c)-[:ASSIGNED_TO {at: c.openedAt}]->(agent)
}
CALL (c, row) {
  MATCH (q:Queue {id: row.queueId}) CREATE (c)-[:IN_QUEUE {at: c.openedAt}]->(q)
}
