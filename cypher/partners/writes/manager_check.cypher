OPTIONAL MATCH (p:Partner {id: $partnerId}) WHERE {{partner_visible(p)}}
OPTIONAL MATCH (rm:Person {id: $personId})-[:EMPLOYED_BY {role: 'RELATIONSHIP_MANAGER'}]->(:InternalOrg)
RETURN p IS NOT NULL AS partnerFound, rm IS NOT NULL AS isManager
