// Staff leave their organization; the person stays for the history they are part of. The person reports
// `memberOf` (the partner) and `partnerRole` going to null.
MATCH (person:Person {id: $personId})-[member:MEMBER_OF]->(p:Partner)
WITH person, member, p, member.role AS role
DELETE member
RETURN person {.id, .name, .email} AS person,
       [{type: 'Person', id: person.id, before: {memberOf: p.id, partnerRole: role},
         after: {memberOf: null, partnerRole: null}, partnerId: p.id}] AS changes
