// Partner 360, staff section (counted partners as in pipeline.cypher): the people who are members of
// the counted partners, by partner role (a person counted once per role).
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
WITH partnerId, collect(p) AS partners
CALL (partners) {
  UNWIND partners AS p
  MATCH (person:Person)-[m:MEMBER_OF]->(p)
  WITH m.role AS role, count(DISTINCT person) AS n
  ORDER BY role
  RETURN collect({role: role, count: n}) AS byRole
}
RETURN partnerId, size(partners) AS partnerCount, byRole
