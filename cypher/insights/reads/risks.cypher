// Partner 360 risk signals (docs/INSIGHTS.md, "Risk signals"), for each partner of $partnerIds the viewer
// may see, over its counted partners (as pipeline.cypher), with the records the viewer may see. The
// pipeline signal comes from the pipeline section; this query returns the figures of the others:
// - stalled: open opportunities (not closed, created before $now) whose age in their stage, measured from
//   their last update (updatedAt, which every stage move sets; the graph keeps no stage history), exceeds
//   $stalledFactor × the median age of the open opportunities in the same stage across every partner the
//   viewer may see; the oldest $maxStalled of them, and how many;
// - SLA: cases opened in [$start, $end) and in the previous period of the same length that breach their
//   response or resolution target (case_sla as of $now);
// - ending: partnerships (not TERMINATED, of a visible program) of the counted partners whose end (the
//   earlier of the program's endDate and the partnership's own endDate, when it has one) falls within
//   [$now, $now + $endingDays days];
// - last activity: the latest deal registration created, order placed (not cancelled) or case opened
//   before $now.
CALL () {
  MATCH (dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE o.closedAt IS NULL AND {{opportunity_open(o)}} AND o.createdAt < $now
    AND {{deal_visible(dr)}}
  WITH o.stage AS stage, duration.inSeconds(coalesce(o.updatedAt, o.createdAt), $now).seconds / 86400.0 AS age
  WITH stage, percentileCont(age, 0.5) AS median, count(*) AS n
  RETURN collect({stage: stage, median: median, n: n}) AS medians
}
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
WITH medians, partnerId, collect(p) AS partners
CALL (partners, medians) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE o.closedAt IS NULL AND {{opportunity_open(o)}} AND o.createdAt < $now
    AND {{deal_visible(dr)}}
  WITH p, o, duration.inSeconds(coalesce(o.updatedAt, o.createdAt), $now).seconds / 86400.0 AS age,
       head([m IN medians WHERE m.stage = o.stage]) AS m
  WHERE age > $stalledFactor * m.median
  WITH p, o, age, m
  ORDER BY age DESC, o.id
  RETURN count(o) AS stalledCount,
         collect({id: o.id, name: o.name, partnerName: p.name, stage: o.stage, ageDays: age, medianDays: m.median,
                  peers: m.n})[..$maxStalled] AS stalled
}
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:FOR_PARTNER]-(c:Case)
  WHERE c.openedAt >= $start - duration.between($start, $end) AND c.openedAt < $end AND {{case_visible(c)}}
  WITH c, {{case_sla(c)}} AS sla
  RETURN count(CASE WHEN c.openedAt >= $start AND sla.breached THEN 1 END) AS breached,
         count(CASE WHEN c.openedAt < $start AND sla.breached THEN 1 END) AS previousBreached
}
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)-[:HAS]->(ps:Partnership)-[:IN]->(prog:Program)
  WHERE ps.status <> 'TERMINATED' AND {{program_visible(prog)}}
  WITH p, ps, prog, CASE WHEN ps.endDate IS NOT NULL AND (prog.endDate IS NULL OR ps.endDate < prog.endDate)
                         THEN ps.endDate ELSE prog.endDate END AS ends
  WHERE ends IS NOT NULL AND ends >= date($now) AND ends <= date($now) + duration({days: $endingDays})
  WITH p, ps, prog, ends
  ORDER BY ends, ps.id
  RETURN collect({id: ps.id, partnerName: p.name, programName: prog.name, endDate: ends,
                  source: CASE WHEN ends = ps.endDate THEN 'partnership' ELSE 'program' END}) AS ending
}
CALL (partners) {
  UNWIND partners AS p
  CALL (p) {
    MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)
    WHERE dr.createdAt < $now AND {{deal_visible(dr)}}
    RETURN max(dr.createdAt) AS at
    UNION ALL
    MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)
          -[:ORDERED_AS]->(ord:Order)
    WHERE ord.placedAt < $now AND ord.status <> 'CANCELLED' AND {{deal_visible(dr)}}
    RETURN max(ord.placedAt) AS at
    UNION ALL
    MATCH (p)<-[:FOR_PARTNER]-(c:Case)
    WHERE c.openedAt < $now AND {{case_visible(c)}}
    RETURN max(c.openedAt) AS at
  }
  RETURN max(at) AS lastActivity
}
RETURN partnerId, size(partners) AS partnerCount, stalledCount, stalled, breached, previousBreached, ending,
       lastActivity
