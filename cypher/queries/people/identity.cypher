// The graph's word on a token's subject: partner membership, enterprise role, managed partners.
MATCH (person:Person {id: $personId})
OPTIONAL MATCH (person)-[member:MEMBER_OF]->(partner:Partner)
OPTIONAL MATCH (person)-[employed:EMPLOYED_BY]->(unit:InternalOrg)
RETURN person.id AS personId,
       person.name AS name,
       partner.id AS partnerId,
       member.role AS partnerRole,
       unit.id AS internalOrgId,
       employed.role AS enterpriseRole,
       COLLECT { MATCH (person)-[:MANAGES]->(managed:Partner) RETURN managed.id } AS managedPartnerIds
LIMIT 1
