// One page of the end-customer accounts each partner serves, by name.
UNWIND $parentIds AS parentId
MATCH (:Partner {id: parentId})-[:SERVES]->(a:Account)
WHERE ($nameContains IS NULL OR toLower(a.name) CONTAINS toLower($nameContains)) AND {{after_cursor(a)}}
WITH parentId, a ORDER BY a.name, a.id
WITH parentId, collect(a {.*, {{...account_times(a)}}})[..$limit] AS page
RETURN parentId, page
