// Move a case locked earlier in this transaction to $status (the move was checked already), keeping
// the SLA clock: it pauses on entering AWAITING_PARTNER or RESOLVED (pausedSince) and the pause is
// added to pausedSeconds when the case goes back to IN_PROGRESS. Any move by enterprise staff is the
// first response when there is none yet.
MATCH (c:Case {id: $id})
WITH c, c {.*, commentCount: null} AS before,
     head(COLLECT { MATCH (c)-[:FOR_PARTNER]->(p:Partner) RETURN p.id }) AS partnerId
SET c.pausedSeconds = CASE WHEN $status = 'IN_PROGRESS' AND c.pausedSince IS NOT NULL
                           THEN coalesce(c.pausedSeconds, 0) + duration.inSeconds(c.pausedSince, $now).seconds
                           ELSE coalesce(c.pausedSeconds, 0) END,
    c.pausedSince = CASE WHEN $status = 'IN_PROGRESS' THEN null
                         WHEN $status IN ['AWAITING_PARTNER', 'RESOLVED'] THEN coalesce(c.pausedSince, $now)
                         ELSE c.pausedSince END,
    c.resolvedAt = CASE WHEN $status = 'RESOLVED' THEN $now WHEN $status = 'IN_PROGRESS' THEN null
                        ELSE c.resolvedAt END,
    c.closedAt = CASE WHEN $status IN ['CLOSED', 'CANCELLED'] THEN $now ELSE c.closedAt END,
    c.firstResponseAt = CASE WHEN $enterprise THEN coalesce(c.firstResponseAt, $now) ELSE c.firstResponseAt END,
    c.status = $status, c.updatedAt = $now
RETURN c.id AS id,
       [{type: 'Case', id: c.id, before: before, after: c {.*, commentCount: null}, partnerId: partnerId}] AS changes
