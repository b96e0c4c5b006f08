// Partner 360 scorecards: for each partnership (not TERMINATED) of each partner of $partnerIds the viewer
// may see, where the partner's $metric over [$start, $end) stands among the partners of the same
// segment, and the median of the next segment up (the closest better rank of the same program). Peers
// are the partners at the segment through a partnership that is not TERMINATED, that the viewer may see;
// a peer's metric counts only the records the viewer may see (deal_visible), for the partner alone.
// Metrics: REVENUE (orders placed in the period, not cancelled, in $currency), OPEN_PIPELINE (value of
// the opportunities open at $end, in $currency), WIN_RATE (won / closed in the period; peers with no
// closed opportunity have no value and are left out). Money converts as pipeline.cypher does.
// percentile = 100 × the share of the peers with a value whose value is at or below the partner's.
{{...currency_rates(rates)}}
UNWIND $partnerIds AS partnerId
MATCH (root:Partner {id: partnerId})
WHERE {{partner_visible(root)}}
CALL (root, rates) {
  OPTIONAL MATCH (root)-[:HAS]->(ps:Partnership)-[:AT]->(seg:Segment)<-[:HAS_SEGMENT]-(prog:Program)
  WHERE ps.status <> 'TERMINATED'
  OPTIONAL CALL (seg, prog) {
    MATCH (prog)-[:HAS_SEGMENT]->(up:Segment)
    WHERE up.rank < seg.rank
    RETURN up ORDER BY up.rank DESC LIMIT 1
  }
  CALL (seg, up, rates) {
    UNWIND [x IN [seg, up] WHERE x IS NOT NULL] AS s
    CALL (s, rates) {
      MATCH (peer:Partner)-[:HAS]->(pps:Partnership)-[:AT]->(s)
      WHERE pps.status <> 'TERMINATED' AND {{partner_visible(peer)}}
      WITH DISTINCT peer
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
      WITH peer, value WHERE value IS NOT NULL
      RETURN collect({id: peer.id, value: value}) AS values, percentileCont(value, 0.5) AS median
    }
    RETURN collect({segmentId: s.id, values: values, median: median}) AS groups
  }
  WITH root, ps, seg, up, head([g IN groups WHERE g.segmentId = seg.id]) AS own,
       head([g IN groups WHERE g.segmentId = up.id]) AS next
  WITH root, ps, seg, up, own, next, head([v IN own.values WHERE v.id = root.id | v.value]) AS value
  WHERE ps IS NOT NULL
  RETURN collect({partnershipId: ps.id, segmentId: seg.id, nextSegmentId: up.id, value: value,
                  peers: size(own.values), median: own.median,
                  percentile: CASE WHEN value IS NULL THEN null
                                   ELSE 100.0 * size([v IN own.values WHERE v.value <= value]) / size(own.values) END,
                  nextPeers: coalesce(size(next.values), 0), nextMedian: next.median}) AS cards
}
RETURN partnerId, cards
