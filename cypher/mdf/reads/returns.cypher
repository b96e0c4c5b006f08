// Return on funds (docs/MDF.md, "Return on funds") of each visible fund request of $ids, in $currency: the deal
// registrations it influenced (INFLUENCED_BY) that the viewer may see (deal_visible); the amounts of their OPEN
// opportunities (opportunity_open, as insights counts pipeline) and the totals of their orders not CANCELLED (as
// insights counts revenue), whatever the period; the request's PAID claims (the spend). Each amount converted at
// the latest rate of its pair and rounded half-even to the minor unit (as Money.in), then summed; a figure is null
// when an amount in it has no rate (`*Unconverted` > 0).
{{...currency_rates(rates)}}
UNWIND $ids AS id
MATCH (r:FundRequest {id: id}) WHERE {{fund_request_visible(r)}}
WITH id, r, rates,
     COLLECT { MATCH (r)<-[:INFLUENCED_BY]-(dr:DealRegistration) WHERE {{deal_visible(dr)}} RETURN dr } AS deals
CALL (deals, rates) {
  UNWIND deals AS dr
  MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity) WHERE {{opportunity_open(o)}}
  WITH o, {{rate_of(o)}} AS rate
  RETURN sum(toInteger(round(o.amount * rate, 0, 'HALF_EVEN'))) AS pipeline, count(o) - count(rate) AS pipelineUnconverted
}
CALL (deals, rates) {
  UNWIND deals AS dr
  MATCH (dr)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(ord:Order)
  WHERE ord.status <> 'CANCELLED'
  WITH ord, {{rate_of(ord)}} AS rate
  RETURN sum(toInteger(round(ord.total * rate, 0, 'HALF_EVEN'))) AS revenue, count(ord) - count(rate) AS revenueUnconverted
}
CALL (r, rates) {
  MATCH (r)<-[:CLAIMS]-(c:FundClaim {status: 'PAID'})
  WITH c, {{rate_of(c)}} AS rate
  RETURN count(c) AS paidClaims, sum(toInteger(round(c.amount * rate, 0, 'HALF_EVEN'))) AS spend,
         count(c) - count(rate) AS spendUnconverted
}
RETURN id AS requestId,
       {registrations: size(deals), paidClaims: paidClaims,
        pipeline: CASE WHEN pipelineUnconverted = 0 THEN pipeline END,
        revenue: CASE WHEN revenueUnconverted = 0 THEN revenue END,
        spend: CASE WHEN spendUnconverted = 0 THEN spend END} AS returns
