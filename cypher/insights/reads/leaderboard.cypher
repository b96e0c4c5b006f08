// Leaderboard (docs/INSIGHTS.md, "Leaderboards"): the partners of $programId (through a partnership that
// is not TERMINATED; at $segmentId when given) that the viewer may see, ranked by $metric over
// [$start, $end), each partner alone with the records the viewer may see, computed as the scorecards do
// (insights/scorecards.cypher): REVENUE, OPEN_PIPELINE in $currency minor units; WIN_RATE = won / closed
// (partners with nothing closed have no value and are left out). Highest first, then by partner name and
// id; rank = 1 + the number of partners with a strictly higher value (ties share a rank). The page is
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
}
WITH peer, ps, seg, value WHERE value IS NOT NULL
ORDER BY value DESC, peer.name, peer.id
WITH collect({partnerId: peer.id, partnershipId: ps.id, segmentId: seg.id, value: value}) AS rows
UNWIND range($skip, size(rows) - 1) AS i
WITH rows, i, rows[i] AS row
LIMIT $limit
RETURN row {.*, position: i + 1, rank: 1 + size([r IN rows WHERE r.value > row.value]), total: size(rows)} AS entry
