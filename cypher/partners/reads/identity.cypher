// The graph's word on a token's subject: partner membership, enterprise role, managed partners. It also
// returns the person and their organization in the shapes of people/by_ids, partners/by_ids and
// organizations/internal_by_ids (a viewer always sees themselves and their own organization), which
// prime the request's loaders: `viewer { person organization }` costs no further round trip. And the
// languages the person prefers, first first: their partner's, then the enterprise's (docs/LANGUAGES.md).
MATCH (person:Person {id: $personId})
OPTIONAL MATCH (person)-[member:MEMBER_OF]->(partner:Partner)
OPTIONAL MATCH (person)-[employed:EMPLOYED_BY]->(unit:InternalOrg)
RETURN person.id AS personId,
       person.name AS name,
       partner.id AS partnerId,
       member.role AS partnerRole,
       unit.id AS internalOrgId,
       employed.role AS enterpriseRole,
       COLLECT { MATCH (person)-[:MANAGES]->(managed:Partner) RETURN managed.id } AS managedPartnerIds,
       person {.id, .name, .email} AS person,
       CASE WHEN partner IS NOT NULL THEN {{partner_record(partner)}} END AS partner,
       CASE WHEN unit IS NOT NULL THEN unit {.*} END AS unit,
       [language IN [partner.preferredLanguage,
                     head(COLLECT { MATCH (enterprise:Enterprise) RETURN enterprise.preferredLanguage })]
        WHERE language IS NOT NULL] AS preferredLanguages
LIMIT 1
