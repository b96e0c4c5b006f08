// Lock a visible order and read its status.
MATCH (dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(ord:Order {id: $id})
WHERE {{deal_visible(dr)}}
{{...write_lock(ord)}}
SET ord.version = coalesce(ord.version, 0) + 1
RETURN ord.status AS status
