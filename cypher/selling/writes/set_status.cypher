// Move a registration locked earlier in this transaction (the move was checked already), recording
// what the move brings: submission, review deadline, decision, protection, closure.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner)
WITH dr, p, properties(dr) AS before
SET dr.status = $status, dr.updatedAt = $now, dr.lineageChangedAt = $now,
    dr.submittedAt = CASE WHEN $status = 'SUBMITTED' THEN $now ELSE dr.submittedAt END,
    dr.reviewDeadline = CASE WHEN $status = 'SUBMITTED' THEN $now + duration({days: $reviewDays})
                             ELSE dr.reviewDeadline END,
    dr.decidedAt = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $now ELSE dr.decidedAt END,
    dr.decidedBy = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $personId ELSE dr.decidedBy END,
    dr.decisionReason = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $reason ELSE dr.decisionReason END,
    dr.protectedUntil = CASE WHEN $status = 'APPROVED' THEN $now + duration({days: $protectionDays})
                             ELSE dr.protectedUntil END,
    dr.closureCode = CASE WHEN $status = 'CLOSED' THEN $closureCode ELSE dr.closureCode END,
    dr.closedAt = CASE WHEN $status IN ['CLOSED', 'CANCELLED'] THEN $now ELSE dr.closedAt END
RETURN dr.id AS id,
       [{type: 'DealRegistration', id: dr.id, before: before, after: properties(dr), partnerId: p.id,
         lineageId: dr.id}] AS changes
