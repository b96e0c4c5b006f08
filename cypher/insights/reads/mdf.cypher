// Partner 360, MDF section (docs/INSIGHTS.md, "MDF"; counted partners as in pipeline.cypher), whatever the period
// (funds follow their budgets' fiscal periods, not the reporting window): allocated = the allocations to the
// counted partners that were not passed down from another counted partner's (so a rollup counts the funds that
// came into the subtree once); committed = the approved amounts of their APPROVED fund requests; claimed = the live
// claims (SUBMITTED, APPROVED, PAID) against those requests; paid = the PAID ones; influencedRevenue = the orders not
// CANCELLED (as sales.cypher counts revenue) of the deal registrations those requests influenced. Only what the
// viewer may see (fund_allocation_visible's persona part, fund_request_visible, deal_visible); each amount converted
// into $currency at the latest rate and rounded half-even (as Money.in); amounts without a rate are left out and
// counted as unconverted.
{{...currency_rates(rates)}}
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
// Every counted partner is visible, so of fund_allocation_visible only the persona's part is left per allocation.
WITH partnerId, rates, collect(p) AS partners
CALL (partners, rates) {
  UNWIND partners AS p
  MATCH (p)<-[:ALLOCATED_TO]-(a:FundAllocation)
  WHERE $scope.persona <> 'partner-agent'
    AND NOT EXISTS { MATCH (a)-[:DRAWN_FROM]->(:FundAllocation)-[:ALLOCATED_TO]->(above:Partner) WHERE above IN partners }
  WITH a, {{rate_of(a)}} AS rate
  RETURN sum(toInteger(round(a.amount * rate, 0, 'HALF_EVEN'))) AS allocated, count(a) - count(rate) AS allocationsLeft
}
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-(r:FundRequest)
  WHERE {{fund_request_visible(r)}}
  RETURN collect(r) AS requests
}
CALL (requests, rates) {
  UNWIND requests AS r
  WITH r WHERE r.status = 'APPROVED'
  WITH r, {{rate_of(r)}} AS rate
  RETURN sum(toInteger(round(r.approvedAmount * rate, 0, 'HALF_EVEN'))) AS committed, count(r) - count(rate) AS requestsLeft
}
CALL (requests, rates) {
  UNWIND requests AS r
  MATCH (r)<-[:CLAIMS]-(c:FundClaim) WHERE c.status IN ['SUBMITTED', 'APPROVED', 'PAID']
  WITH c, {{rate_of(c)}} AS rate
  WITH c, CASE WHEN rate IS NOT NULL THEN toInteger(round(c.amount * rate, 0, 'HALF_EVEN')) END AS value
  RETURN sum(value) AS claimed, sum(CASE WHEN c.status = 'PAID' THEN value END) AS paid,
         count(c) - count(value) AS claimsLeft
}
CALL (requests, rates) {
  UNWIND requests AS r
  MATCH (r)<-[:INFLUENCED_BY]-(dr:DealRegistration) WHERE {{deal_visible(dr)}}
  WITH DISTINCT dr
  MATCH (dr)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(ord:Order)
  WHERE ord.status <> 'CANCELLED'
  WITH ord, {{rate_of(ord)}} AS rate
  RETURN sum(toInteger(round(ord.total * rate, 0, 'HALF_EVEN'))) AS influencedRevenue, count(ord) - count(rate) AS ordersLeft
}
RETURN partnerId, size(partners) AS partnerCount, allocated, committed, claimed, paid, influencedRevenue,
       allocationsLeft + requestsLeft + claimsLeft + ordersLeft AS unconverted
