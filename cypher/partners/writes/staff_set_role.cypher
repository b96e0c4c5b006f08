// Give a staff member (locked earlier in this transaction) another role; the person reports `partnerRole`.
MATCH (person:Person {id: $personId})-[member:MEMBER_OF]->(p:Partner)
WITH person, member, p, member.role AS was
SET member.role = $role
RETURN person {.id, .name, .email, partnerRole: member.role} AS person,
       [{type: 'Person', id: person.id, before: {partnerRole: was}, after: {partnerRole: member.role},
         partnerId: p.id}] AS changes
