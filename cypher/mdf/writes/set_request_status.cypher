// Move fund request $id (locked, the move checked already): APPROVED commits $approvedAmount against its allocation,
// CANCELLED releases it; the decision's reason, who decided and when.
MATCH (r:FundRequest {id: $id})
WITH r, {{fund_logged(r)}} AS before
SET r.status = $status, r.updatedAt = $now,
    r.approvedAmount = CASE WHEN $status = 'APPROVED' THEN $approvedAmount ELSE r.approvedAmount END,
    r.decidedAt = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $now ELSE r.decidedAt END,
    r.decidedBy = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $personId ELSE r.decidedBy END,
    r.decisionReason = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $reason ELSE r.decisionReason END,
    r.cancelledAt = CASE WHEN $status = 'CANCELLED' THEN $now ELSE r.cancelledAt END,
    r.cancelReason = CASE WHEN $status = 'CANCELLED' THEN $reason ELSE r.cancelReason END
RETURN r.id AS id,
       [{type: 'FundRequest', id: r.id, before: before, after: {{fund_logged(r)}}, scopeId: r.id,
         partnerId: head(COLLECT { MATCH (r)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id })}]
       AS changes
