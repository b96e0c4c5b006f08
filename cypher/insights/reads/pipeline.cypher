// Partner 360, pipeline section, for each partner of $partnerIds the viewer may see: the counted
// partners are the partner and, with $subtree, every partner below it inside the viewer's scope.
// Over the visible opportunities of those partners (deal_visible on the registration) created before
// $end, grouped by stage and by whether they were open at $end and at $start (not closed before
// then): count and value in $currency, each amount converted at the latest exchange rate of its pair
// (direct or inverse, whichever is newer) and rounded half-even to the minor unit, as Money.in does;
// amounts without a rate are left out of the value and counted as unconverted.
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
CALL (partners, rates) {
  UNWIND partners AS p
  MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
  WHERE o.createdAt < $end AND {{deal_record_visible(dr)}}
  WITH o, {{rate_of(o)}} AS rate
  WITH o.stage AS stage,
       o.closedAt IS NULL OR o.closedAt >= $end AS openAtEnd,
       o.createdAt < $start AND (o.closedAt IS NULL OR o.closedAt >= $start) AS openAtStart,
       CASE WHEN rate IS NOT NULL THEN toInteger(round(o.amount * rate, 0, 'HALF_EVEN')) END AS value
  WITH stage, openAtEnd, openAtStart, count(*) AS n, sum(value) AS total, count(value) AS converted
  ORDER BY stage
  RETURN collect({stage: stage, openAtEnd: openAtEnd, openAtStart: openAtStart, count: n, value: total,
                  unconverted: n - converted}) AS groups
}
RETURN partnerId, size(partners) AS partnerCount, groups
