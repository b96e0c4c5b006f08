// Leaderboard (docs/INSIGHTS.md, "Leaderboards"): the partners of $programId (through a partnership that
// is not TERMINATED; at $segmentId when given) that the viewer may see, ranked by $metric over
// [$start, $end), each partner alone with the records the viewer may see, computed as the scorecards do
// (insights/scorecards.cypher): REVENUE, OPEN_PIPELINE in $currency minor units; WIN_RATE = won / closed
// (partners with nothing closed have no value and are left out); ROI = (influenced revenue − paid) / paid of
// the partner's fund requests, whatever the period (nothing paid: no value, left out). Highest first, then by
// partner name and id; rank = 1 + the number of partners with a strictly higher value (ties share a rank). The page is
// $limit rows after position $skip.
{{...currency_rates(rates)}}
MATCH (prog:Program {id: $programId})<-[:IN]-(ps:Partnership)<-[:HAS]-(peer:Partner), (ps)-[:AT]->(seg:Segment)
WHERE {{program_visible(prog)}} AND ps.status <> 'TERMINATED' AND ($segmentId IS NULL OR seg.id = $segmentId)
  AND {{partner_visible(peer)}}
CALL (peer, rates) {
  OPTIONAL MATCH (peer)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)
                 -[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(ord:Order)
  WHERE $metric = 'REVENUE' AND ord.placedAt >= $start AND ord.placedAt < $end AND ord.status <> 'CANCELLED'
    AND {{deal_visible(dr)}}
  WITH peer, ord, {{rate_of(ord)}} AS rate
  WITH peer, sum(CASE WHEN rate IS NOT NULL THEN toInteger(round(ord.total * rate, 0, 'HALF_EVEN')) END) AS total
  WHERE $metric = 'REVENUE'
  RETURN toFloat(total) AS value
  UNION
  OPTIONAL MATCH (peer)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE $metric = 'OPEN_PIPELINE' AND o.createdAt < $end AND (o.closedAt IS NULL OR o.closedAt >= $end)
    AND {{deal_visible(dr)}}
  WITH peer, o, {{rate_of(o)}} AS rate
  WITH peer, sum(CASE WHEN rate IS NOT NULL THEN toInteger(round(o.amount * rate, 0, 'HALF_EVEN')) END) AS total
  WHERE $metric = 'OPEN_PIPELINE'
  RETURN toFloat(total) AS value
  UNION
  OPTIONAL MATCH (peer)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE $metric = 'WIN_RATE' AND o.closedAt >= $start AND o.closedAt < $end AND {{deal_visible(dr)}}
  WITH peer, count(CASE WHEN o.stage = 'CLOSED_WON' THEN 1 END) AS won, count(o) AS closed
  WHERE $metric = 'WIN_RATE'
  RETURN CASE WHEN closed > 0 THEN toFloat(won) / closed END AS value
  UNION
  // ROI (as Partner 360's mdf.roi, for the partner alone and whatever the period): the revenue of the deals its visible
  // fund requests generated less what their PAID claims cost, over that cost; no value while nothing is paid.
  OPTIONAL MATCH (peer)<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-(fr:FundRequest)
  WHERE $metric = 'ROI' AND {{fund_request_visible(fr)}}
  WITH peer, collect(fr) AS requests
  WHERE $metric = 'ROI'
  CALL (requests, rates) {
    UNWIND requests AS fr
    MATCH (fr)<-[:CLAIMS]-(c:FundClaim {status: 'PAID'})
    WITH c, {{rate_of(c)}} AS rate
    RETURN sum(toInteger(round(c.amount * rate, 0, 'HALF_EVEN'))) AS paid
  }
  CALL (requests, rates) {
    UNWIND requests AS fr
    MATCH (fr)<-[:INFLUENCED_BY]-(dr:DealRegistration) WHERE {{deal_visible(dr)}}
    WITH DISTINCT dr
    MATCH (dr)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(ord:Order)
    WHERE ord.status <> 'CANCELLED'
    WITH ord, {{rate_of(ord)}} AS rate
    RETURN sum(toInteger(round(ord.total * rate, 0, 'HALF_EVEN'))) AS revenue
  }
  RETURN CASE WHEN paid > 0 THEN toFloat(revenue - paid) / paid END AS value
}
WITH peer, ps, seg, value WHERE value IS NOT NULL
ORDER BY value DESC, peer.name, peer.id
WITH collect({partnerId: peer.id, partnershipId: ps.id, segmentId: seg.id, value: value}) AS rows
UNWIND range($skip, size(rows) - 1) AS i
WITH rows, i, rows[i] AS row
LIMIT $limit
RETURN row {.*, position: i + 1, rank: 1 + size([r IN rows WHERE r.value > row.value]), total: size(rows)} AS entry
