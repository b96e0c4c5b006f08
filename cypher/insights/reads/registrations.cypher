// Partner 360, deal registration section (counted partners as in pipeline.cypher), over the visible
// registrations of the counted partners: those created in [$start, $end) by current status; those
// decided in the period (decidedAt), approved among them (an approval, and only it, sets
// protectedUntil), the median hours from submission to decision (percentileCont); and those with a
// conflict (either way round) detected in the period.
UNWIND $partnerIds AS partnerId
MATCH (root:Partner {id: partnerId})
WHERE {{partner_visible(root)}}
CALL (root) {
  RETURN root AS p
  UNION
  MATCH (root)-[:PARENT_OF*1..]->(p:Partner)
  WHERE $subtree AND {{partner_visible(p)}}
  RETURN p
}
// Every counted partner is visible, so of deal_visible only the persona's part is left per record.
WITH partnerId, collect(p) AS partners
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)
  WHERE dr.createdAt >= $start AND dr.createdAt < $end AND {{deal_record_visible(dr)}}
  WITH dr.status AS status, count(*) AS n
  ORDER BY status
  RETURN collect({status: status, count: n}) AS byStatus
}
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)
  WHERE dr.decidedAt >= $start AND dr.decidedAt < $end AND {{deal_record_visible(dr)}}
  RETURN count(dr) AS decided,
         count(CASE WHEN dr.protectedUntil IS NOT NULL THEN 1 END) AS approved,
         percentileCont(duration.inSeconds(dr.submittedAt, dr.decidedAt).seconds / 3600.0, 0.5) AS medianHours
}
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)
  WHERE EXISTS { MATCH (dr)-[c:CONFLICTS_WITH]-(:DealRegistration) WHERE c.detectedAt >= $start AND c.detectedAt < $end }
    AND {{deal_record_visible(dr)}}
  RETURN count(dr) AS conflicts
}
RETURN partnerId, size(partners) AS partnerCount, byStatus, decided, approved, medianHours, conflicts
