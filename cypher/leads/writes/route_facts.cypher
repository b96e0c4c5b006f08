// What routing lead $id needs to know of it: its country and product, the partners it was offered to already
// (never again), and the active rules that take leads from its country, by priority.
MATCH (l:Lead {id: $id})
RETURN l.country AS country,
       head(COLLECT { MATCH (l)-[:INTERESTED_IN]->(prod:Product) RETURN prod.id }) AS productId,
       COLLECT { MATCH (l)-[:OFFERED]->(:LeadOffer)-[:TO]->(p:Partner) RETURN p.id } AS offered,
       COLLECT { MATCH (r:LeadRoutingRule {active: true}) WHERE size(r.countries) = 0 OR l.country IN r.countries
                 RETURN r {.id, .priority, .acceptHours, .capacity, .requireSpecialization} AS rule
                 ORDER BY rule.priority, rule.id } AS rules
