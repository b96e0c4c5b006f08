// Lock a staff member's membership (of a visible partner) and count its organization's admins.
MATCH (person:Person {id: $personId})-[member:MEMBER_OF]->(p:Partner)
WHERE {{partner_visible(p)}}
{{...write_lock(member)}}
SET member.version = coalesce(member.version, 0) + 1
RETURN person {.id, .name, .email, partnerRole: member.role} AS person, p.id AS partnerId,
       COUNT { (:Person)-[m:MEMBER_OF {role: 'ADMIN'}]->(p) } AS admins
