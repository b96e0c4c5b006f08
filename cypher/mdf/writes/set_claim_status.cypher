// Move fund claim $id (locked, the move checked already): a decision with its reason, or PAID with the payment's
// reference.
MATCH (c:FundClaim {id: $id})-[:CLAIMS]->(r:FundRequest)
WITH c, r, {{fund_logged(c)}} AS before
SET c.status = $status, c.updatedAt = $now,
    c.decidedAt = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $now ELSE c.decidedAt END,
    c.decidedBy = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $personId ELSE c.decidedBy END,
    c.decisionReason = CASE WHEN $status IN ['APPROVED', 'REJECTED'] THEN $reason ELSE c.decisionReason END,
    c.paidAt = CASE WHEN $status = 'PAID' THEN $now ELSE c.paidAt END,
    c.paymentReference = CASE WHEN $status = 'PAID' THEN $paymentReference ELSE c.paymentReference END
RETURN c.id AS id,
       [{type: 'FundClaim', id: c.id, before: before, after: {{fund_logged(c)}}, scopeId: r.id,
         partnerId: head(COLLECT { MATCH (r)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id })}]
       AS changes
