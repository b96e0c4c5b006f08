// Partner 360, sales section (counted partners as in pipeline.cypher): the visible opportunities
// closed in [$start, $end) (won, lost), and the visible orders placed in the period that are not
// CANCELLED, by calendar month (UTC) of placedAt: count and total in $currency, converted per order
// at the latest rate of its pair and rounded half-even to the minor unit (as Money.in); totals without
// a rate are left out of the revenue and counted as unconverted.
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
// Every counted partner is visible, so of deal_visible only the persona's part is left per record.
WITH partnerId, rates, collect(p) AS partners
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE o.closedAt >= $start AND o.closedAt < $end AND {{deal_record_visible(dr)}}
  RETURN count(CASE WHEN o.stage = 'CLOSED_WON' THEN 1 END) AS won,
         count(CASE WHEN o.stage = 'CLOSED_LOST' THEN 1 END) AS lost
}
CALL (partners, rates) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)
        -[:ORDERED_AS]->(ord:Order)
  WHERE ord.placedAt >= $start AND ord.placedAt < $end AND {{deal_record_visible(dr)}}
  // The status test comes after the walk (collect is a barrier): as a predicate of the walk it let the planner
  // start from the order_status index and join every order of the channel back to the partners (cases.cypher).
  WITH collect(ord) AS orders
  UNWIND orders AS ord
  WITH ord WHERE ord.status <> 'CANCELLED'
  WITH ord, {{rate_of(ord)}} AS rate
  WITH datetime({epochSeconds: ord.placedAt.epochSeconds}) AS placed,
       CASE WHEN rate IS NOT NULL THEN toInteger(round(ord.total * rate, 0, 'HALF_EVEN')) END AS value
  WITH date({year: placed.year, month: placed.month, day: 1}) AS month, count(*) AS n, sum(value) AS total,
       count(value) AS converted
  ORDER BY month
  RETURN collect({month: month, orders: n, revenue: total, unconverted: n - converted}) AS byMonth
}
RETURN partnerId, size(partners) AS partnerCount, won, lost, byMonth
