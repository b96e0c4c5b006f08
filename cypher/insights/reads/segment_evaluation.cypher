// Segment evaluation (docs/INSIGHTS.md, "Segment evaluation"): for each partnership of $programId that is
// not TERMINATED, of a partner the viewer may see ($partnershipId: that one only, $programId may be null), the partner's segment
// metrics over [$start, $end) (the partner alone, the records the viewer may see: deal_visible,
// case_visible), every criterion of every segment of the program evaluated against them, and the
// recommendation: UPGRADE to the next segment up when it has no criterion missed or not evaluable;
// otherwise DOWNGRADE when a criterion of the current segment is missed, to the closest lower segment
// meeting all its criteria (the lowest segment when none does; none when the current one is the lowest).
// Metrics, the names of schema/criterion_metrics.py (money in USD, major units; converted as pipeline.cypher,
// per record, then summed):
//   REVENUE         orders placed in the period, not CANCELLED      ORDERS    their number
//   OPEN_PIPELINE   opportunities open at $end                      WIN_RATE  won / closed in the period
//   SLA_ATTAINMENT  cases resolved in the period within target / resolved      STAFF_COUNT  members
// A criterion stored with another metric is NOT_EVALUABLE (met: null); a metric without a value (a win rate with
// nothing closed) misses. Partner associates and agents see only part of a partner's records, so the
// evaluation would be wrong for them: they get no rows. With $onlyChanges, only partnerships with a recommendation; keyset by partner
// name then partnership id ($after), $limit rows.
{{...currency_rates(rates)}}
CALL () {
  MATCH (prog:Program {id: $programId})<-[:IN]-(ps:Partnership)
  WHERE $partnershipId IS NULL
  RETURN prog, ps
  UNION
  MATCH (prog:Program)<-[:IN]-(ps:Partnership {id: $partnershipId})
  WHERE $programId IS NULL OR prog.id = $programId
  RETURN prog, ps
}
MATCH (ps)<-[:HAS]-(p:Partner), (ps)-[:AT]->(cur:Segment)
WHERE {{program_visible(prog)}} AND ps.status <> 'TERMINATED' AND {{partner_visible(p)}}
  AND NOT $scope.ownOnly AND $scope.persona <> 'partner-agent'
  AND ($after IS NULL OR p.name > $after.value OR (p.name = $after.value AND ps.id > $after.id))
WITH prog, ps, p, cur, rates
ORDER BY p.name, ps.id
CALL (p, rates) {
  OPTIONAL MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)
                 -[:ORDERED_AS]->(ord:Order)
  WHERE ord.placedAt >= $start AND ord.placedAt < $end AND ord.status <> 'CANCELLED' AND {{deal_visible(dr)}}
  WITH ord, {{rate_of(ord)}} AS rate
  RETURN coalesce(sum(CASE WHEN rate IS NOT NULL THEN toInteger(round(ord.total * rate, 0, 'HALF_EVEN')) END), 0)
           / 100.0 AS revenue, count(ord) AS orders
}
CALL (p, rates) {
  OPTIONAL MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE o.createdAt < $end AND (o.closedAt IS NULL OR o.closedAt >= $end) AND {{deal_visible(dr)}}
  WITH o, {{rate_of(o)}} AS rate
  RETURN coalesce(sum(CASE WHEN rate IS NOT NULL THEN toInteger(round(o.amount * rate, 0, 'HALF_EVEN')) END), 0)
           / 100.0 AS pipeline
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE o.closedAt >= $start AND o.closedAt < $end AND {{deal_visible(dr)}}
  WITH count(CASE WHEN o.stage = 'CLOSED_WON' THEN 1 END) AS won, count(o) AS closed
  RETURN CASE WHEN closed > 0 THEN toFloat(won) / closed END AS winRate
}
CALL (p) {
  OPTIONAL MATCH (p)<-[:FOR_PARTNER]-(c:Case)
  WHERE {{case_resolved(c)}} AND c.resolvedAt >= $start AND c.resolvedAt < $end AND {{case_visible(c)}}
  WITH c, CASE WHEN c IS NOT NULL THEN {{case_sla(c)}} END AS sla
  WITH count(c) AS resolved, count(CASE WHEN NOT sla.resolutionBreached THEN 1 END) AS within
  RETURN CASE WHEN resolved > 0 THEN toFloat(within) / resolved END AS slaAttainment
}
WITH prog, ps, p, cur,
     {REVENUE: revenue, ORDERS: toFloat(orders), OPEN_PIPELINE: pipeline, WIN_RATE: winRate,
      SLA_ATTAINMENT: slaAttainment,
      STAFF_COUNT: toFloat(COUNT { MATCH (:Person)-[:MEMBER_OF]->(p) })} AS m
WITH prog, ps, p, cur, m,
     [(prog)-[:HAS_SEGMENT]->(s:Segment) | {id: s.id, rank: s.rank, criteria: [(s)-[:REQUIRES]->(c:Criterion) | {
        id: c.id, metric: c.metric, operator: c.operator, threshold: c.threshold,
        value: m[c.metric],
        met: CASE WHEN NOT c.metric IN keys(m) THEN null
                  WHEN m[c.metric] IS NULL THEN false
                  WHEN c.operator = 'GT' THEN m[c.metric] > c.threshold
                  WHEN c.operator = 'GTE' THEN m[c.metric] >= c.threshold
                  WHEN c.operator = 'LT' THEN m[c.metric] < c.threshold
                  WHEN c.operator = 'LTE' THEN m[c.metric] <= c.threshold
                  WHEN c.operator = 'EQ' THEN m[c.metric] = c.threshold END}]}] AS segs
WITH ps, p, cur, m, segs,
     head([s IN segs WHERE s.id = cur.id]) AS own,
     head(reduce(best = [], s IN segs | CASE WHEN s.rank < cur.rank AND (best = [] OR s.rank > best[0].rank)
                                            THEN [s] ELSE best END)) AS up
WITH ps, p, cur, m, segs, own, up,
     up IS NOT NULL AND all(c IN up.criteria WHERE c.met = true) AS qualifies,
     any(c IN own.criteria WHERE c.met = false) AS misses
WITH ps, p, cur, m, own, up, qualifies, misses,
     CASE WHEN qualifies THEN up.id
          WHEN misses THEN coalesce(
            head(reduce(best = [], s IN segs | CASE WHEN s.rank > cur.rank AND all(c IN s.criteria WHERE c.met = true)
                                                       AND (best = [] OR s.rank < best[0].rank) THEN [s] ELSE best END)).id,
            head(reduce(low = [], s IN segs | CASE WHEN s.rank > cur.rank AND (low = [] OR s.rank > low[0].rank)
                                                   THEN [s] ELSE low END)).id) END AS target
WITH ps, p, cur, m, own, up, target,
     CASE WHEN qualifies THEN 'UPGRADE' WHEN misses THEN 'DOWNGRADE' END AS change
WHERE change IS NOT NULL OR NOT $onlyChanges
LIMIT $limit
RETURN ps.id AS partnershipId, p.id AS partnerId, p.name AS partnerName, cur.id AS segmentId, change,
       target AS targetSegmentId, up.id AS nextSegmentId, m AS metrics,
       own.criteria AS criteria, coalesce(up.criteria, []) AS nextCriteria
