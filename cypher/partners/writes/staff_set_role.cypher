MATCH (person:Person {id: $personId})-[member:MEMBER_OF]->(:Partner)
SET member.role = $role
RETURN person {.id, .name, .email, partnerRole: member.role} AS person
