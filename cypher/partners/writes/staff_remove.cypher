// Staff leave their organization; the person stays for the history they are part of.
MATCH (person:Person {id: $personId})-[member:MEMBER_OF]->(:Partner)
DELETE member
RETURN person {.id, .name, .email} AS person
