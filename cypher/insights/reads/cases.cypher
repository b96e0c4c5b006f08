// Partner 360, case section (counted partners as in pipeline.cypher), over the cases of the counted
// partners the viewer may see (case_visible): those opened in [$start, $end) by current status; those
// resolved in the period (RESOLVED or CLOSED, resolvedAt in the period) and how many of them within
// the resolution target (case_sla); and, as of $now whatever the period, the open cases and how many
// of them are breached.
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
WITH partnerId, collect(p) AS partners
// One walk from the counted partners to their visible cases, each checked once; every figure below reads
// that list. A status predicate on the walk itself let the planner seek the case_status index once per
// counted partner and join each case back to it (Expand(Into)): counted partners × the channel's cases,
// over a million db hits for a 107-partner subtree of the 400-partner CI channel (docs/BENCHMARKS.md).
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:FOR_PARTNER]-(c:Case)
  WHERE {{case_visible(c)}}
  RETURN collect(c) AS cases
}
CALL (cases) {
  UNWIND cases AS c
  WITH c WHERE c.openedAt >= $start AND c.openedAt < $end
  WITH c.status AS status, count(*) AS n
  ORDER BY status
  RETURN collect({status: status, count: n}) AS byStatus
}
CALL (cases) {
  UNWIND cases AS c
  WITH c WHERE {{case_resolved(c)}} AND c.resolvedAt >= $start AND c.resolvedAt < $end
  WITH c, {{case_sla(c)}} AS sla
  RETURN count(c) AS resolved, count(CASE WHEN NOT sla.resolutionBreached THEN 1 END) AS resolvedWithinTarget
}
CALL (cases) {
  UNWIND cases AS c
  WITH c WHERE {{case_open(c)}}
  WITH c, {{case_sla(c)}} AS sla
  RETURN count(c) AS open, count(CASE WHEN sla.breached THEN 1 END) AS openBreached
}
RETURN partnerId, size(partners) AS partnerCount, byStatus, resolved, resolvedWithinTarget, open, openBreached
