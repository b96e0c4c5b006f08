// Close with EXPIRED every registration past its review deadline (SUBMITTED, UNDER_REVIEW) or past its
// protection (APPROVED, not converted) at $now; each is locked by the version bump.
MATCH (dr:DealRegistration)-[:REGISTERED_BY]->(p:Partner)
WHERE ({{deal_in_review(dr)}} AND dr.reviewDeadline <= $now)
   OR (dr.status = 'APPROVED' AND dr.protectedUntil <= $now)
{{...write_lock(dr)}}
WITH dr, p, properties(dr) AS before
SET dr.version = coalesce(dr.version, 0) + 1, dr.status = 'CLOSED', dr.closureCode = 'EXPIRED',
    dr.closedAt = $now, dr.updatedAt = $now, dr.lineageChangedAt = $now
RETURN collect(dr.id) AS expired,
       collect({type: 'DealRegistration', id: dr.id, before: before, after: properties(dr), partnerId: p.id,
                lineageId: dr.id}) AS changes
