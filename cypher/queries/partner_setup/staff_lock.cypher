// Lock a staff member's membership (of a partner within reach) and count its organization's admins.
MATCH (person:Person {id: $personId})-[member:MEMBER_OF]->(p:Partner)
WHERE {{partner_visible(p)}} AND ($ownOrg IS NULL OR p.id = $ownOrg)
SET member.version = coalesce(member.version, 0) + 1
RETURN person {.id, .name, .email, partnerRole: member.role} AS person, p.id AS partnerId,
       COUNT { (:Person)-[m:MEMBER_OF {role: 'ADMIN'}]->(p) } AS admins
